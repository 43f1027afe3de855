import DeskStorage
import Foundation

/// The desk's memory: staff, presence, callers, calls, messages, callbacks and the event log, kept in
/// one SQLite database that several operators' processes share.
///
/// Every method that changes something runs one `BEGIN IMMEDIATE` transaction that writes the change
/// and its event together: all of it is saved, or none of it. Time comes in as a parameter.
public final class DeskStore {
    /// The connection: only the store writes through it, so that no row changes without its event.
    let database: Database
    /// The path it was opened from, for messages.
    public let path: String
    /// The office's policies, read from the settings when the store opened.
    public internal(set) var policy: DeskPolicy
    /// The stored settings that are not in force (their defaults apply), for commands to warn about.
    public internal(set) var settingProblems: [SettingProblem] = []
    /// The change of the latest write that was stamped furthest past the clock (which was behind what it
    /// changed); nil when every change was stamped at the clock's time. Commands warn about it.
    public internal(set) var clockClamp: ClockClamp?
    /// Staff read in the current transaction, by handle: a transaction sees one snapshot that only this
    /// connection's own writes change, so a second look-up of the same handle would read the same row.
    /// Emptied when this connection writes to staff.
    var staffInTransaction: (serial: Int, byHandle: [String: Staff]) = (0, [:])
    /// The account whose data commands read and write (`selectAccount`); when the desk has exactly one open
    /// account, that one from the start, so a one-company desk never names it. Nil: none chosen.
    public internal(set) var account: Account?
    /// The policies of the accounts whose callbacks this store has worked on (the sweep runs across all of
    /// them), by account id; emptied whenever a setting or the calendar changes.
    var accountPolicies: [Int: DeskPolicy] = [:]
    /// Where the reply codes of notifications come from: the system's secure source unless the caller gives
    /// another (tests and the simulator give a seeded one, so their outputs repeat).
    public var replyCodeRandomness: any RandomNumberGenerator = SystemRandomNumberGenerator()

    /// How `open` treats the file it is given.
    public enum OpenMode: Sendable {
        /// `desk init` (and a new simulation): create the desk when the file is missing or empty,
        /// and apply the migrations an older desk lacks.
        case create
        /// Every other command: the file must be a desk of this schema, and is refused otherwise —
        /// missing or empty (66), another program's or damaged (65), older or newer (78) — without
        /// being changed.
        case existing
    }

    /// Opens the desk database at `path`; only `.create` creates it or migrates it.
    ///
    /// The file is inspected read-only first (`DeskFile.inspect`), so a file that is refused is left
    /// exactly as it was: not switched to WAL, no `-wal` or `-shm` beside it.
    /// - Parameter queueWriters: writers queue fairly before `BEGIN IMMEDIATE` (`WriterQueue`); off only to
    ///   measure SQLite's own busy handler.
    public static func open(path: String, mode: OpenMode, busyTimeoutMilliseconds: Int32 = 5_000,
                            queueWriters: Bool = true, now: Date) throws -> DeskStore {
        try open(path: path, mode: mode, busyTimeoutMilliseconds: busyTimeoutMilliseconds, queueWriters: queueWriters,
                 now: now, migrator: Migrator())
    }

    /// The same, with the migrations this binary is taken to know (tests give older or newer sets).
    package static func open(path: String, mode: OpenMode, busyTimeoutMilliseconds: Int32 = 5_000,
                             queueWriters: Bool = true, now: Date, migrator: Migrator) throws -> DeskStore {
        do {
            if path != ":memory:" {
                let file = try DeskFile.inspect(path, migrator: migrator)
                let creating = mode == .create && (file == .missing || file == .empty)
                if !creating {
                    switch try file.requireDesk(at: path) {
                    case .older(_, let pending) where mode == .existing:
                        throw DeskFile.olderSchema(path, pending: pending)
                    case .newer(_, let unknown):
                        throw Migrator.Failure.newerDatabase(unknown: unknown)
                    default:
                        break
                    }
                }
            }
            let database = try DatabaseEngine.open(
                path, options: .init(busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: mode == .create,
                                     queueWriters: queueWriters))
            try migrator.checkNotNewer(database)
            let pending = try migrator.pendingIDs(in: database)
            if !pending.isEmpty {
                // Changed since it was inspected: still only `.create` migrates.
                guard mode == .create else { throw DeskFile.olderSchema(path, pending: pending) }
                try migrator.migrate(database, at: Timestamp.format(now))
            }
            return try DeskStore(database: database, path: path)
        } catch {
            throw DeskError(error, path: path)
        }
    }

    /// Refuses a directory where a database file should be, with the message people see.
    static func refuseDirectory(at path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DeskError(.noDatabase, "\(path) is a directory; give the database file's path, e.g. \(path)/desk.sqlite")
        }
    }

    init(database: Database, path: String) throws {
        self.database = database
        self.path = path
        self.policy = .standard
        account = try read { try Self.onlyOpenAccount(in: database) }
        try reloadPolicy()
    }

    /// How many transactions have committed a change since the store opened (migrations included):
    /// when printing fails afterwards, the desk says the change was saved instead of inviting a repeat.
    public var committedChanges: Int { database.committedChanges }

    /// Runs many changes as one transaction (imports, the simulator): each change still writes its
    /// events, and if any throws, none of them is saved.
    public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try write(body)
    }

    /// Runs `body` as one immediate write transaction, translating failures into `DeskError`.
    func write<T>(_ body: () throws -> T) throws -> T {
        if !database.isInTransaction { clockClamp = nil }
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

    // MARK: - Events

    /// Appends one event; called inside the transaction that makes the change it records.
    func appendEvent(_ kind: EventKind, _ subjectID: Int, actor: String, at now: Date,
                     before: JSONValue? = nil, after: JSONValue? = nil, reason: String? = nil) throws {
        try database.execute(
            "INSERT INTO events (at, actor, subject, subject_id, kind, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(Timestamp.format(now)), .text(actor), .text(kind.subject.rawValue), .int(subjectID), .text(kind.rawValue),
             .text(before?.rendered()), .text(after?.rendered()), .text(reason)])
    }

    /// Reads events with the given `WHERE` clause (bound by index), oldest first.
    func events(where condition: String, _ values: [SQLValue]) throws -> [Event] {
        try database.statement(
            "SELECT id, at, actor, subject, subject_id, kind, before, after, reason FROM events WHERE \(condition) ORDER BY id"
        ).map(values) { row in
            // The log is the desk's proof: an entry that cannot be read is reported, never skipped.
            let id = try row.int(0)
            let damaged = DeskError(.badInput, "event #\(id) in the log cannot be read; run `desk check`, or restore a backup")
            guard let subject = Event.Subject(rawValue: try row.string(3)) else { throw damaged }
            func fields(_ text: String?) throws -> JSONValue? {
                guard let text else { return nil }
                do { return try JSONValue.parse(text) } catch { throw damaged }
            }
            return Event(
                id: id, at: try Self.date(row.string(1)), actor: try row.string(2), subject: subject, subjectID: try row.int(4),
                kind: try row.string(5), before: try fields(row.optionalString(6)), after: try fields(row.optionalString(7)),
                reason: row.optionalString(8))
        }
    }

    /// Every event in the log, oldest first (for checks and exports).
    public func allEvents() throws -> [Event] {
        try read { try events(where: "1", []) }
    }

    // MARK: - Stored forms

    /// Reads a stored timestamp (`StoredTime`).
    static func date(_ text: String) throws -> Date {
        try StoredTime.date(text)
    }

    static func optionalDate(_ text: String?) throws -> Date? {
        try StoredTime.optionalDate(text)
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
