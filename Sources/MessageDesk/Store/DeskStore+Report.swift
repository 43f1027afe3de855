import DeskStorage
import Foundation

extension DeskStore {
    /// The daily summary of `day` as of `now`: the whole day once it is over, the day so far while it lasts.
    ///
    /// Everything is read in one transaction and rebuilt from the event log as of the report's
    /// moment (owners, states, due times, the priority settings), so a past day's report does not
    /// change when its callbacks are later joined, reassigned, escalated or closed.
    public func dailyReport(for day: LocalDay, at now: Date) throws -> DailyReport {
        guard now >= day.start else {
            let calendar = policy.calendar
            throw DeskError(.badInput,
                "\(day) has not begun yet (it is \(calendar.dayString(now)) \(calendar.timeString(now)) now); give today or an earlier day")
        }
        let asOf = min(now, day.end)
        // ?1 the day's start, ?2 its end, ?3 now: something counts for the day when it happened at
        // or after the start, before the end, and by now (a clock set back must not count the future).
        // ?4: the chosen account, whose calls and callbacks alone are reported.
        return try read {
            let bounds: [SQLValue] = [
                .text(Timestamp.format(day.start)), .text(Timestamp.format(day.end)), .text(Timestamp.format(now)),
                .int(try requireScope().id),
            ]
            let priority = try priorityPolicy(in: Array(bounds.prefix(3)))
            var tally = DailyReport.Tally()
            try database.statement("""
                SELECT s.handle, count(*) FROM calls c JOIN staff s ON s.id = c.for_id JOIN callers cl ON cl.id = c.caller_id
                WHERE c.at >= ?1 AND c.at < ?2 AND c.at <= ?3 AND cl.account_id = ?4 GROUP BY s.handle
                """
            ).forEach(bounds) { row in
                let calls = try row.int(1)
                tally.count(try row.string(0)) { $0.callsTaken += calls }
            }
            var screened: [CallCategory: Int] = [:]
            try database.statement("""
                SELECT outcome, count(*) FROM screened_calls
                WHERE at >= ?1 AND at < ?2 AND at <= ?3 AND account_id = ?4 GROUP BY outcome
                """
            ).forEach(bounds) { row in
                screened[try StoredValue.read(try row.string(0), in: "screened_calls.outcome")] = try row.int(1)
            }
            let events = Dictionary(grouping: try self.events(
                where: "subject = 'callback' AND subject_id IN (SELECT id FROM callbacks WHERE \(Self.ownedDuringDay) AND caller_id IN (SELECT id FROM callers WHERE account_id = ?4)) AND at < ?2 AND at <= ?3",
                bounds), by: \.subjectID)
            try database.statement(Self.reportedCallbacks).forEach(bounds) { row in
                let callback = try Self.reportedCallback(row)
                try tally.add(callback, events: events[callback.id] ?? [], day: day, asOf: asOf, priority: priority)
            }
            let names = Dictionary(try allStaff().map { ($0.handle, $0.displayName) }, uniquingKeysWith: { first, _ in first })
            let people = tally.people.keys.sorted().compactMap { handle -> DailyReport.Person? in
                guard let figures = tally.people[handle], !figures.isEmpty else { return nil }
                return DailyReport.Person(handle: handle, name: names[handle] ?? "", figures: figures.sorted(),
                                          open: (tally.open[handle] ?? []).sorted(by: Self.mostPressingFirst))
            }
            var report = DailyReport(day: day, asOf: asOf, office: tally.office.sorted(), people: people, screenedCalls: screened)
            report.corrections = try database.scalarInt("""
                SELECT count(*) FROM corrections k JOIN callbacks cb ON cb.id = k.callback_id JOIN callers cl ON cl.id = cb.caller_id
                WHERE k.at >= ?1 AND k.at < ?2 AND k.at <= ?3 AND cl.account_id = ?4
                """, bounds) ?? 0
            return report
        }
    }

    /// Callbacks owed at some moment of the day: opened before its end (and by now), not closed before it began.
    ///
    /// Neither column is indexed, so this reads the whole callbacks table (see the README's note).
    private static let ownedDuringDay = "opened_at < ?2 AND opened_at <= ?3 AND (closed_at IS NULL OR closed_at >= ?1)"

    /// Those callbacks, with the fields the opening event would give (a fallback for a log that lacks
    /// it) and the caller's name and company as last given by the report's moment.
    private static let reportedCallbacks = """
        SELECT cb.id, cb.opened_at, s.handle, cb.urgent, cb.new_contact, cb.not_before, cb.not_after, cb.due_at,
               cb.repeat_count, cl.id, cl.phone,
               coalesce((SELECT caller_name FROM calls WHERE caller_id = cb.caller_id AND at < ?2 AND at <= ?3
                         ORDER BY at DESC, id DESC LIMIT 1), cl.name),
               (SELECT company FROM calls WHERE caller_id = cb.caller_id AND company IS NOT NULL AND at < ?2 AND at <= ?3
                ORDER BY at DESC, id DESC LIMIT 1)
        FROM callbacks cb JOIN staff s ON s.id = cb.owner_id JOIN callers cl ON cl.id = cb.caller_id
        WHERE \(ownedDuringDay) AND cl.account_id = ?4
        """

    /// A row of `reportedCallbacks`, its columns by name.
    private static func reportedCallback(_ row: Row) throws -> DailyReport.ReportedCallback {
        DailyReport.ReportedCallback(
            id: try row.int(0), openedAt: try date(row.string(1)), owner: try row.string(2), urgent: try row.bool(3),
            newContact: try row.bool(4), notBefore: try optionalDate(row.optionalString(5)),
            notAfter: try optionalDate(row.optionalString(6)), dueAt: try date(row.string(7)),
            repeatCount: try row.int(8), callerID: try row.int(9), phone: try row.string(10),
            callerName: try row.string(11), company: row.optionalString(12))
    }

    /// The priority policy in force for the chosen account at the report's moment: the settings and the calendar
    /// entries replayed from their events, so a coefficient or a closure changed later does not re-score a past day.
    private func priorityPolicy(in bounds: [SQLValue]) throws -> PriorityPolicy {
        // The service's values, with the reported account's own over them whenever they were set.
        let code = try requireScope().code
        var service: [String: String] = [:], own: [String: String] = [:]
        for event in try events(where: "subject = 'setting' AND kind = 'setting.changed' AND at < ?2 AND at <= ?3", bounds) {
            // A null value is an unset (`desk config unset`): the key falls back again.
            guard case .string(let key)? = event.after?["key"], let after = event.after?["value"] else { continue }
            let value: String? = if case .string(let text) = after { text } else { nil }
            switch event.after?["account"] {
            case nil: service[key] = value
            case .string(code)?: own[key] = value
            default: continue  // another account's
            }
        }
        let stored = service.merging(own) { _, account in account }
        // Scoring needs the coefficients and the calendar, not the ladders' staff; a recorded value that is not
        // in force scores with its default, as the desk itself did that day.
        var priority = DeskSettings.resolve(stored, isStaff: { _ in true }).policy.priority
        priority.calendar = priority.calendar.with(entries: try calendarEntries(asOf: bounds, account: code))
        return priority
    }

    /// The order of the callback lists: highest priority, then earliest due, then oldest.
    private static func mostPressingFirst(_ a: DailyReport.OpenCallback, _ b: DailyReport.OpenCallback) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        if a.dueAt != b.dueAt { return a.dueAt < b.dueAt }
        return a.id < b.id
    }
}
