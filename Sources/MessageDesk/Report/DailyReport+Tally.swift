import Foundation

extension DailyReport {
    /// A callback owed at some moment of the day, as the store read it: the fields its opening event would give
    /// (for a log that lacks it), and the caller's name and company as last given by the report's moment.
    struct ReportedCallback {
        let id: Int
        let openedAt: Date
        let owner: String
        let urgent: Bool
        let newContact: Bool
        let notBefore: Date?
        let notAfter: Date?
        let dueAt: Date
        let repeatCount: Int
        let callerID: Int
        /// As stored: checked only for a callback still open, the one kind the report shows a caller of.
        let phone: String
        let callerName: String
        let company: String?
    }

    /// The report's figures while they are being counted: each count goes to a person and to the office.
    struct Tally {
        var people: [String: DailyReport.Figures] = [:]
        var office = DailyReport.Figures()
        var open: [String: [DailyReport.OpenCallback]] = [:]

        mutating func count(_ handle: String, _ change: (inout DailyReport.Figures) -> Void) {
            change(&people[handle, default: DailyReport.Figures()])
            change(&office)
        }

        /// Counts one callback owed during the day: replays its events up to the report's moment, then
        /// counts its opening, escalations, closing, or what it still was at the end.
        mutating func add(_ row: ReportedCallback, events: [Event], day: LocalDay, asOf: Date, priority: PriorityPolicy) throws {
            let id = row.id
            let openedAt = row.openedAt
            var snapshot = CallbackSnapshot(
                owner: row.owner, urgent: row.urgent, newContact: row.newContact, notBefore: row.notBefore,
                notAfter: row.notAfter, dueAt: row.dueAt, repeatCount: row.repeatCount)
            var openedBy = snapshot.owner
            for event in events {
                if event.kind == EventKind.callbackEscalated.rawValue && event.at >= day.start {
                    // The owner it was escalated away from: the event's before.owner (same as the replayed owner).
                    var from = snapshot.owner
                    if case .string(let handle)? = event.before?["owner"] { from = handle }
                    count(from) { $0.escalations += 1 }
                }
                try snapshot.apply(event.after)
                if event.kind == EventKind.callbackOpened.rawValue { openedBy = snapshot.owner }
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
                guard let phone = PhoneNumber(e164: row.phone) else {
                    throw DeskError(.badInput, "the database holds a malformed phone number for caller \(row.callerID); restore a backup")
                }
                let caller = Caller(id: row.callerID, name: row.callerName, company: row.company, phone: phone)
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
}

extension DailyReport.Figures {
    /// The same figures with the times to callback shortest first.
    func sorted() -> DailyReport.Figures {
        var copy = self
        copy.timesToCallback.sort()
        return copy
    }
}
