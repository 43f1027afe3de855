import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - The office's calendar

    /// The calendar entries in force for the chosen account (the service's and its own), oldest first; the
    /// service's alone when no account is chosen.
    public func calendarEntries() throws -> [CalendarEntry] {
        try read { try Self.calendarEntries(in: database, accountID: account?.id) }
    }

    /// The entries of exactly `scope`, oldest first: those `desk calendar … --account` changes.
    public func calendarEntries(of scope: SettingScope) throws -> [CalendarEntry] {
        try read { try Self.calendarEntries(in: database, exactly: scope.accountID) }
    }

    /// Closes the office on `span`, with `note` saying why. Dates opened inside a dated span stop being
    /// open (each with its own removal event): the latest word on a day is the one in force.
    @discardableResult
    public func close(_ span: ClosedSpan, note: String, for scope: SettingScope = .service, actor: String,
                      at now: Date) throws -> CalendarEntry {
        let note = note.trimmed
        do { try TextLimit.settingValue.check(note) } catch { throw DeskError(.badInput, "--note: \(error.message)") }
        return try changeCalendar(scope, actor: actor, at: now) { at in
            if let range = span.datedRange {
                for entry in try Self.calendarEntries(in: database, exactly: scope.accountID) {
                    if case .opened(let date, _) = entry.change, range.contains(date.date.dayNumber) {
                        try removeEntry(entry, scope, at: at, actor: actor)
                    }
                }
            }
            return try addEntry(.closed(span, note: note), scope, at: at, actor: actor)
        }
    }

    /// Opens the office on `date` even where it would be closed: with `hours`, or that day's usual hours
    /// when nil. Replaces what was set for that date before.
    @discardableResult
    public func open(_ date: OpenedDate, hours: BusinessHours?, for scope: SettingScope = .service, actor: String,
                     at now: Date) throws -> CalendarEntry {
        try changeCalendar(scope, actor: actor, at: now) { at in
            for entry in try Self.calendarEntries(in: database, exactly: scope.accountID) {
                if case .opened(let opened, _) = entry.change, opened == date { try removeEntry(entry, scope, at: at, actor: actor) }
            }
            return try addEntry(.opened(date, hours: hours), scope, at: at, actor: actor)
        }
    }

    /// Sets `weekday`'s hours in place of the usual ones (`business_hours` on `business_days`); nil closes it.
    @discardableResult
    public func setHours(of weekday: Weekday, to hours: BusinessHours?, for scope: SettingScope = .service, actor: String,
                         at now: Date) throws -> CalendarEntry {
        try changeCalendar(scope, actor: actor, at: now) { at in
            for entry in try Self.calendarEntries(in: database, exactly: scope.accountID) {
                if case .weekday(let day, _) = entry.change, day == weekday { try removeEntry(entry, scope, at: at, actor: actor) }
            }
            return try addEntry(.weekday(weekday, hours: hours), scope, at: at, actor: actor)
        }
    }

    /// Removes entry `id`: the calendar is as if it had never been added (the year-end closure is a setting, not an entry).
    @discardableResult
    public func removeCalendarEntry(_ id: Int, for scope: SettingScope = .service, actor: String,
                                    at now: Date) throws -> CalendarEntry {
        try changeCalendar(scope, actor: actor, at: now) { at in
            guard let entry = try Self.calendarEntries(in: database, exactly: scope.accountID).first(where: { $0.id == id }) else {
                if case .account(let account) = scope {
                    throw DeskError(.badInput, "calendar entry #\(id) is not in force for account \(account.code); `desk calendar entries --account \(account.code)` lists those that are")
                }
                throw DeskError(.badInput, "calendar entry #\(id) is not in force; `desk calendar entries` lists those that are")
            }
            try removeEntry(entry, scope, at: at, actor: actor)
            return entry
        }
    }

    /// One change of the calendar in one transaction, stamped after the latest settings change; the policy follows at once.
    private func changeCalendar(_ scope: SettingScope, actor: String, at now: Date,
                                _ body: (Date) throws -> CalendarEntry) throws -> CalendarEntry {
        let entry = try write {
            if case .account(let account) = scope { try refuseIfClosed(account.id) }
            let at = stamp(now, after: [(try latestTime("SELECT max(at) FROM events WHERE subject = 'setting'"),
                                         "the latest settings change")])
            return try body(at)
        }
        try reloadPolicy()
        return entry
    }

    private func addEntry(_ change: CalendarEntry.Change, _ scope: SettingScope, at: Date, actor: String) throws -> CalendarEntry {
        let stored = StoredCalendarEntry(change)
        if let accountID = scope.accountID {
            try database.execute(
                "INSERT INTO calendar_entries (kind, first_day, last_day, weekday, opens, closes, note, added_at, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(stored.kind), .text(stored.firstDay), .text(stored.lastDay), .int(stored.weekday), .text(stored.opens),
                 .text(stored.closes), .text(stored.note), .text(Timestamp.format(at)), .int(accountID)])
        } else {
            try database.execute(
                "INSERT INTO calendar_entries (kind, first_day, last_day, weekday, opens, closes, note, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(stored.kind), .text(stored.firstDay), .text(stored.lastDay), .int(stored.weekday), .text(stored.opens),
                 .text(stored.closes), .text(stored.note), .text(Timestamp.format(at))])
        }
        let entry = CalendarEntry(id: database.lastInsertedRowID, change: change)
        try appendEvent(.calendarAdded, entry.id, actor: actor, at: at, after: entry.eventFields(scope))
        return entry
    }

    private func removeEntry(_ entry: CalendarEntry, _ scope: SettingScope, at: Date, actor: String) throws {
        try database.execute("UPDATE calendar_entries SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                             [.text(Timestamp.format(at)), .int(entry.id)])
        try appendEvent(.calendarRemoved, entry.id, actor: actor, at: at, before: entry.eventFields(scope))
    }

    /// The entries in force in `database`, oldest first; none in a database migrated only part of the way
    /// (a migrator that stops before 0008, as `desk init` upgrades and the migration tests use).
    /// With `accountID`, the service's entries and the account's own: the account's calendar is the service's
    /// with its own closures, dates opened and weekday hours on top (an account's entry for a date or a weekday
    /// is later than the service's, so it is the one in force).
    static func calendarEntries(in database: Database, accountID: Int? = nil) throws -> [CalendarEntry] {
        try calendarEntries(in: database, accountID: accountID, exactly: false)
    }

    /// The entries of exactly one scope: the service's (nil) or one account's.
    static func calendarEntries(in database: Database, exactly accountID: Int?) throws -> [CalendarEntry] {
        try calendarEntries(in: database, accountID: accountID, exactly: true)
    }

    private static func calendarEntries(in database: Database, accountID: Int?, exactly: Bool) throws -> [CalendarEntry] {
        guard try database.tableExists("calendar_entries") else {
            return []
        }
        let scoped = try hasAccountScope(database)
        // Before migration 0012 every entry is the service's.
        if !scoped && accountID != nil && exactly { return [] }
        let scope = exactly ? "account_id IS ?" : "account_id IS NULL OR account_id IS ?"
        return try database.statement("""
            SELECT id, kind, first_day, last_day, weekday, opens, closes, note FROM calendar_entries
            WHERE removed_at IS NULL\(scoped ? " AND (\(scope))" : "") ORDER BY id
            """
        ).map(scoped ? [.int(accountID)] : []) { row in
            let id = try row.int(0)
            let stored = StoredCalendarEntry(
                kind: try row.string(1), firstDay: row.optionalString(2), lastDay: row.optionalString(3),
                weekday: row.optionalInt(4), opens: row.optionalString(5), closes: row.optionalString(6),
                note: row.optionalString(7))
            guard let change = stored.change else {
                throw DeskError(.badInput, "calendar entry #\(id) cannot be read; run `desk check`, or restore a backup")
            }
            return CalendarEntry(id: id, change: change)
        }
    }

    /// The calendar entries in force at the moment of `bounds` (?2 a day's end, ?3 now), replayed from the log.
    /// Only the service's entries and those of the account `code` (an event of an account names it).
    func calendarEntries(asOf bounds: [SQLValue], account code: String?) throws -> [CalendarEntry] {
        var entries: [Int: CalendarEntry] = [:]
        for event in try events(where: "subject = 'setting' AND kind LIKE 'calendar.%' AND at < ?2 AND at <= ?3", bounds) {
            let fields = event.after ?? event.before
            if case .string(let owner)? = fields?["account"], owner != code { continue }
            switch event.kind {
            case EventKind.calendarAdded.rawValue:
                guard let change = event.after.flatMap(CalendarEntry.Change.init(eventFields:)) else {
                    throw DeskError(.badInput, "event #\(event.id) in the log cannot be read; run `desk check`, or restore a backup")
                }
                entries[event.subjectID] = CalendarEntry(id: event.subjectID, change: change)
            case EventKind.calendarRemoved.rawValue:
                entries[event.subjectID] = nil
            default:
                continue  // a kind of a later version: not one this version knows how to replay
            }
        }
        return entries.values.sorted { $0.id < $1.id }
    }
}

/// A calendar entry's columns in `calendar_entries`.
struct StoredCalendarEntry {
    let kind: String
    let firstDay: String?
    let lastDay: String?
    let weekday: Int?
    let opens: String?
    let closes: String?
    let note: String?

    init(kind: String, firstDay: String?, lastDay: String?, weekday: Int?, opens: String?, closes: String?, note: String?) {
        (self.kind, self.firstDay, self.lastDay, self.weekday) = (kind, firstDay, lastDay, weekday)
        (self.opens, self.closes, self.note) = (opens, closes, note)
    }

    init(_ change: CalendarEntry.Change) {
        let entry = CalendarEntry(id: 0, change: change)
        let hours = entry.hours
        var first: String?, last: String?, weekday: Int?
        switch change {
        case .closed(let span, _): (first, last) = (span.firstText, span.lastText)
        case .opened(let date, _): (first, last) = (date.description, date.description)
        case .weekday(let day, _): weekday = day.rawValue
        }
        self.init(kind: entry.kind, firstDay: first, lastDay: last, weekday: weekday,
                  opens: hours.map { $0.opens.description }, closes: hours.map { $0.closes.description }, note: entry.note)
    }

    /// The change the columns give; nil when they do not make one (a row edited by hand).
    var change: CalendarEntry.Change? {
        var hours: BusinessHours?
        if let opens, let closes {
            guard let parsed = try? BusinessHours(parsing: "\(opens)-\(closes)") else { return nil }  // unreadable: the caller reports it
            hours = parsed
        }
        switch kind {
        case "closed":
            guard let firstDay, let lastDay, let note,
                  let span = try? ClosedSpan(parsing: firstDay == lastDay ? firstDay : "\(firstDay)..\(lastDay)")  // unreadable: reported
            else { return nil }
            return .closed(span, note: note)
        case "open":
            guard let firstDay, let date = try? OpenedDate(parsing: firstDay) else { return nil }  // unreadable: reported
            return .opened(date, hours: hours)
        case "weekday":
            guard let weekday = weekday.flatMap(Weekday.init(rawValue:)) else { return nil }
            return .weekday(weekday, hours: hours)
        default:
            return nil
        }
    }
}

extension CalendarEntry {
    /// The entry as its events record it: `{"kind", "days", "hours", "note"}`, and `account` first for an
    /// account's own entry.
    func eventFields(_ scope: SettingScope) -> JSONValue {
        let account: [(String, JSONValue)] = scope.eventCode.map { [("account", .string($0))] } ?? []
        return .object(account + [("kind", .string(kind)), ("days", .string(days)),
                                  ("hours", hours.map { .string($0.description) } ?? .null),
                                  ("note", note.map(JSONValue.string) ?? .null)])
    }
}

extension CalendarEntry.Change {
    /// The change an event's fields record; nil when they do not make one.
    init?(eventFields fields: JSONValue) {
        guard case .string(let kind)? = fields["kind"], case .string(let days)? = fields["days"] else { return nil }
        var hours: BusinessHours?
        if case .string(let text)? = fields["hours"] {
            guard let parsed = try? BusinessHours(parsing: text) else { return nil }  // unreadable: the caller reports it
            hours = parsed
        }
        switch kind {
        case "closed":
            guard case .string(let note)? = fields["note"], let span = try? ClosedSpan(parsing: days) else { return nil }
            self = .closed(span, note: note)
        case "open":
            guard let date = try? OpenedDate(parsing: days) else { return nil }
            self = .opened(date, hours: hours)
        case "weekday":
            guard let set = try? Weekday.parseSet(days), set.count == 1, let weekday = set.first else { return nil }
            self = .weekday(weekday, hours: hours)
        default:
            return nil
        }
    }
}
