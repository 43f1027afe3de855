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
        let bounds: [SQLValue] = [
            .text(Timestamp.format(day.start)), .text(Timestamp.format(day.end)), .text(Timestamp.format(now)),
        ]
        return try read {
            let priority = try priorityPolicy(in: bounds)
            var tally = Tally()
            try database.statement("""
                SELECT s.handle, count(*) FROM calls c JOIN staff s ON s.id = c.for_id
                WHERE c.at >= ?1 AND c.at < ?2 AND c.at <= ?3 GROUP BY s.handle
                """
            ).forEach(bounds) { row in
                let calls = try row.int(1)
                tally.count(try row.string(0)) { $0.callsTaken += calls }
            }
            let events = Dictionary(grouping: try self.events(
                where: "subject = 'callback' AND subject_id IN (SELECT id FROM callbacks WHERE \(Self.ownedDuringDay)) AND at < ?2 AND at <= ?3",
                bounds), by: \.subjectID)
            try database.statement(Self.reportedCallbacks).forEach(bounds) { row in
                try tally.add(row, events: events[try row.int(0)] ?? [], day: day, asOf: asOf, priority: priority)
            }
            let names = Dictionary(try allStaff().map { ($0.handle, $0.displayName) }, uniquingKeysWith: { first, _ in first })
            let people = tally.people.keys.sorted().compactMap { handle -> DailyReport.Person? in
                guard let figures = tally.people[handle], !figures.isEmpty else { return nil }
                return DailyReport.Person(handle: handle, name: names[handle] ?? "", figures: figures.sorted(),
                                          open: (tally.open[handle] ?? []).sorted(by: Self.mostPressingFirst))
            }
            return DailyReport(day: day, asOf: asOf, office: tally.office.sorted(), people: people)
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
        WHERE \(ownedDuringDay)
        """

    /// The priority policy in force at the report's moment: the settings and the calendar entries replayed
    /// from their events, so a coefficient or a closure changed later does not re-score a past day.
    private func priorityPolicy(in bounds: [SQLValue]) throws -> PriorityPolicy {
        var stored: [String: String] = [:]
        for event in try events(where: "subject = 'setting' AND kind = 'setting.changed' AND at < ?2 AND at <= ?3", bounds) {
            if case .string(let key)? = event.after?["key"], case .string(let value)? = event.after?["value"] {
                stored[key] = value
            }
        }
        // Scoring needs the coefficients and the calendar, not the ladders' staff; a recorded value that is not
        // in force scores with its default, as the desk itself did that day.
        var priority = DeskSettings.resolve(stored, isStaff: { _ in true }).policy.priority
        priority.calendar = priority.calendar.with(entries: try calendarEntries(asOf: bounds))
        return priority
    }

    /// The order of the callback lists: highest priority, then earliest due, then oldest.
    private static func mostPressingFirst(_ a: DailyReport.OpenCallback, _ b: DailyReport.OpenCallback) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        if a.dueAt != b.dueAt { return a.dueAt < b.dueAt }
        return a.id < b.id
    }
}

/// The report's figures while they are being counted: each count goes to a person and to the office.
private struct Tally {
    var people: [String: DailyReport.Figures] = [:]
    var office = DailyReport.Figures()
    var open: [String: [DailyReport.OpenCallback]] = [:]

    mutating func count(_ handle: String, _ change: (inout DailyReport.Figures) -> Void) {
        change(&people[handle, default: DailyReport.Figures()])
        change(&office)
    }

    /// Counts one callback owed during the day: replays its events up to the report's moment, then
    /// counts its opening, escalations, closing, or what it still was at the end.
    mutating func add(_ row: Row, events: [Event], day: LocalDay, asOf: Date, priority: PriorityPolicy) throws {
        let id = try row.int(0)
        let openedAt = try DeskStore.date(row.string(1))
        var snapshot = CallbackSnapshot(
            owner: try row.string(2), urgent: try row.bool(3), newContact: try row.bool(4),
            notBefore: try DeskStore.optionalDate(row.optionalString(5)),
            notAfter: try DeskStore.optionalDate(row.optionalString(6)), dueAt: try DeskStore.date(row.string(7)),
            repeatCount: try row.int(8))
        var openedBy = snapshot.owner
        for event in events {
            if event.kind == "callback.escalated" && event.at >= day.start {
                // The owner it was escalated away from: the event's before.owner (same as the replayed owner).
                var from = snapshot.owner
                if case .string(let handle)? = event.before?["owner"] { from = handle }
                count(from) { $0.escalations += 1 }
            }
            try snapshot.apply(event.after)
            if event.kind == "callback.opened" { openedBy = snapshot.owner }
        }
        if openedAt >= day.start {
            count(openedBy) { $0.callbacksOpened += 1 }
        }
        switch snapshot.state {
        case .done:
            guard let closedAt = snapshot.closedAt, closedAt >= day.start else { return }
            // due_at is the caller's "call back by" when they gave one, else the policy's due time.
            let withinWindow = closedAt <= snapshot.dueAt
            count(snapshot.owner) {
                $0.done += 1
                $0.timesToCallback.append(closedAt.timeIntervalSince(openedAt))
                if withinWindow { $0.doneWithinWindow += 1 }
            }
        case .cancelled:
            guard let closedAt = snapshot.closedAt, closedAt >= day.start else { return }
            count(snapshot.owner) { $0.cancelled += 1 }
        case .open, .acknowledged:
            guard let phone = PhoneNumber(e164: try row.string(10)) else {
                throw DeskError(.badInput, "the database holds a malformed phone number for caller \(try row.int(9)); restore a backup")
            }
            let caller = Caller(id: try row.int(9), name: try row.string(11), company: row.optionalString(12), phone: phone)
            let score = priority.score(snapshot.callback(id: id, caller: caller, openedAt: openedAt), at: asOf)
            let band = PriorityBand(priority: score)
            let overdue = snapshot.dueAt < asOf
            count(snapshot.owner) {
                $0.openAtEnd += 1
                if overdue { $0.overdueAtEnd += 1 }
                $0.openByBand[band, default: 0] += 1
            }
            open[snapshot.owner, default: []].append(DailyReport.OpenCallback(
                id: id, caller: caller.name, company: caller.company, state: snapshot.state, urgent: snapshot.urgent,
                dueAt: snapshot.dueAt, repeatCount: snapshot.repeatCount, priority: score, band: band, overdue: overdue))
        }
    }
}

extension DailyReport.Figures {
    /// The same figures with the times to callback shortest first.
    fileprivate func sorted() -> DailyReport.Figures {
        var copy = self
        copy.timesToCallback.sort()
        return copy
    }
}
