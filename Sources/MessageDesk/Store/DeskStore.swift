import Foundation

/// The desk's memory: staff, presence, callers, calls, messages, callbacks and the event log, kept in
/// one SQLite database that several operators' processes share.
///
/// Every method that changes something runs one `BEGIN IMMEDIATE` transaction that writes the change
/// and its event together: all of it is saved, or none of it. Time comes in as a parameter.
public final class DeskStore {
    public let database: Database
    /// The path it was opened from, for messages.
    public let path: String
    /// The office's policies, read from the settings when the store opened.
    public private(set) var policy: DeskPolicy
    /// Staff read in the current transaction, by handle: a transaction sees one snapshot that only this
    /// connection's own writes change, so a second look-up of the same handle would read the same row.
    /// Emptied when this connection writes to staff.
    var staffInTransaction: (serial: Int, byHandle: [String: Staff]) = (0, [:])

    /// Opens the desk database at `path`, applying any migration this binary has and it lacks.
    ///
    /// - Parameter create: create the file (owner-only) when missing; otherwise a missing file is
    ///   `DeskError.Kind.noDatabase`.
    /// - Parameter queueWriters: writers queue fairly before `BEGIN IMMEDIATE` (`WriterQueue`); off only to
    ///   measure SQLite's own busy handler.
    public static func open(path: String, create: Bool, busyTimeoutMilliseconds: Int32 = 5_000,
                            queueWriters: Bool = true, now: Date, migrator: Migrator = Migrator()) throws -> DeskStore {
        do {
            try checkDatabaseFile(at: path, mustExist: !create)
            let database = try Database(
                path: path, options: .init(busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: create,
                                           queueWriters: queueWriters))
            try migrator.checkNotNewer(database)
            if try !migrator.pendingIDs(in: database).isEmpty {
                try migrator.migrate(database, at: Timestamp.format(now))
            }
            return try DeskStore(database: database, path: path)
        } catch {
            throw DeskError(error, path: path)
        }
    }

    /// Refuses a directory, and a missing file when `mustExist`, with the message people see.
    static func checkDatabaseFile(at path: String, mustExist: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DeskError(.noDatabase, "\(path) is a directory; give the database file's path, e.g. \(path)/desk.sqlite")
        }
        if mustExist && path != ":memory:" && !FileManager.default.fileExists(atPath: path) {
            throw DeskError(.noDatabase,
                "no database at \(path); create it with `desk init` (or point --db or DESK_DB at an existing one)")
        }
    }

    init(database: Database, path: String) throws {
        self.database = database
        self.path = path
        self.policy = .standard
        self.policy = try loadPolicy()
    }

    /// Runs many changes as one transaction (imports, the simulator): each change still writes its
    /// events, and if any throws, none of them is saved.
    public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try write(body)
    }

    /// Runs `body` as one immediate write transaction, translating failures into `DeskError`.
    func write<T>(_ body: () throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch {
            throw DeskError(error, path: path)
        }
    }

    /// Runs `body` on one read snapshot, translating failures into `DeskError`.
    func read<T>(_ body: () throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch {
            throw DeskError(error, path: path)
        }
    }

    // MARK: - Settings

    /// The office's stored settings (only those set; the rest take their defaults).
    public func storedSettings() throws -> [String: String] {
        try read {
            var stored: [String: String] = [:]
            try database.statement("SELECT key, value FROM settings").forEach { stored[$0.string(0)] = $0.string(1) }
            return stored
        }
    }

    private func loadPolicy() throws -> DeskPolicy {
        do {
            return try Setting.policy(from: storedSettings())
        } catch let error as InputError {
            throw DeskError(.configuration, "a stored setting is invalid (\(error.message)); fix it with `desk config set`")
        }
    }

    /// Changes one setting, with its event; the new policy applies at once.
    public func set(_ setting: Setting, to value: String, actor: String, at now: Date) throws {
        var policy = self.policy
        do {
            try setting.apply(value, to: &policy)
        } catch {
            throw DeskError(.badInput, "\(setting.rawValue): \(error.message)")
        }
        let normalised = Setting.values(of: policy)[setting] ?? value
        try write {
            // A ladder may name people: they must be on the staff list, or every sweep would fail.
            for step in policy.escalation.urgent.steps + policy.escalation.overdue.steps {
                guard case .staff(let handle) = step.target else { continue }
                if try database.scalarInt("SELECT id FROM staff WHERE handle = ?", [.text(handle)]) == nil {
                    throw DeskError(.badInput, "\(setting.rawValue): '\(handle)' is not on the staff list; add them first, or use owner, substitute or escalation_contact")
                }
            }
            let before = try database.scalarText("SELECT value FROM settings WHERE key = ?", [.text(setting.rawValue)])
            try database.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [.text(setting.rawValue), .text(normalised)])
            try appendEvent(
                .setting, 0, "setting.changed", actor: actor, at: now,
                before: ["key": .string(setting.rawValue), "value": before.map(JSONValue.string) ?? .null],
                after: ["key": .string(setting.rawValue), "value": .string(normalised)])
        }
        self.policy = policy
    }

    // MARK: - Events

    /// Appends one event; called inside the transaction that makes the change it records.
    func appendEvent(_ subject: Event.Subject, _ subjectID: Int, _ kind: String, actor: String, at now: Date,
                     before: JSONValue? = nil, after: JSONValue? = nil, reason: String? = nil) throws {
        try database.execute(
            "INSERT INTO events (at, actor, subject, subject_id, kind, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(Timestamp.format(now)), .text(actor), .text(subject.rawValue), .int(subjectID), .text(kind),
             .text(before?.rendered()), .text(after?.rendered()), .text(reason)])
    }

    /// Reads events with the given `WHERE` clause (bound by index), oldest first.
    func events(where condition: String, _ values: [SQLValue]) throws -> [Event] {
        try database.statement(
            "SELECT id, at, actor, subject, subject_id, kind, before, after, reason FROM events WHERE \(condition) ORDER BY id"
        ).map(values) { row in
            // The log is the desk's proof: an entry that cannot be read is reported, never skipped.
            let id = row.int(0)
            let damaged = DeskError(.badInput, "event #\(id) in the log cannot be read; run `desk check`, or restore a backup")
            guard let subject = Event.Subject(rawValue: row.string(3)) else { throw damaged }
            func fields(_ text: String?) throws -> JSONValue? {
                guard let text else { return nil }
                do { return try JSONValue.parse(text) } catch { throw damaged }
            }
            return Event(
                id: id, at: try Self.date(row.string(1)), actor: row.string(2), subject: subject, subjectID: row.int(4),
                kind: row.string(5), before: try fields(row.optionalString(6)), after: try fields(row.optionalString(7)),
                reason: row.optionalString(8))
        }
    }

    /// Every event in the log, oldest first (for checks and exports).
    public func allEvents() throws -> [Event] {
        try read { try events(where: "1", []) }
    }

    // MARK: - Stored forms

    /// Reads a stored timestamp; a malformed one means the file was edited by hand or damaged.
    static func date(_ text: String) throws -> Date {
        guard let date = Timestamp.parse(text) else {
            throw DeskError(.badInput, "the database holds a malformed time '\(text)'; run `sqlite3 … 'PRAGMA integrity_check'` or restore a backup")
        }
        return date
    }

    static func optionalDate(_ text: String?) throws -> Date? {
        try text.map(date)
    }
}

@available(*, unavailable)
extension DeskStore: Sendable {}

extension JSONValue {
    /// A JSON timestamp in the stored UTC form, or null.
    static func time(_ date: Date?) -> JSONValue {
        date.map { .string(Timestamp.format($0)) } ?? .null
    }
}
