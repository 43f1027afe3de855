import MessageDesk

/// What `desk log` and `desk take` print once a message is saved: the callback, and what to tell the caller.
struct TakenOutput {
    let times: TimeDisplay
    let labels: Labels

    /// The report of a saved message: the operator's lines, or the JSON as one element.
    func report(_ taken: TakenMessage, store: DeskStore, json: Bool) throws -> [String] {
        let substitute = try store.staff(handle: taken.forHandle).substitute
        let substitutePresence = try substitute.map { try store.presence(of: $0, at: times.now) }
        guard json else { return lines(taken, substitute: substitute, substitutePresence: substitutePresence) }
        let priority = store.policy.priority.score(taken.callback, at: times.now)
        return [self.json(taken, substitute: substitute, priority: priority).rendered(pretty: true)]
    }

    /// Both forms of the report, kept with a request id so that a retry prints the first result as it was.
    func receipt(_ taken: TakenMessage, store: DeskStore) throws -> SubmissionReceipt {
        SubmissionReceipt(text: try report(taken, store: store, json: false).joined(separator: "\n"),
                          json: try report(taken, store: store, json: true).joined(separator: "\n"))
    }

    /// Lines for the operator: saved where, due when, where the person called for is, who stands in
    /// — or that the callback went to the substitute, and why.
    func lines(_ taken: TakenMessage, substitute: String?, substitutePresence: Presence? = nil) -> [String] {
        let callback = taken.callback
        let pattern = taken.joined ? labels.savedJoined : labels.savedOpened
        let saved = pattern.replacingOccurrences(of: "{id}", with: String(callback.id))
            .replacingOccurrences(of: "{calls}", with: String(callback.repeatCount + 1))
            .replacingOccurrences(of: "{owner}", with: "\(callback.owner) (\(callback.ownerName))")
            .replacingOccurrences(of: "{due}", with: times.short(callback.dueAt))
        let presence = labels.ownerIs.replacingOccurrences(of: "{owner}", with: taken.forHandle)
            .replacingOccurrences(of: "{presence}", with: labels.presence(taken.ownerPresence, times: times))
        var lines = [saved]
        switch taken.routing {
        case .substitute(let handle)?:
            lines.append(labels.routedTo.replacingOccurrences(of: "{substitute}", with: handle)
                .replacingOccurrences(of: "{ownerIs}", with: presence))
        case .staysWithOwner(.buyerType2)?:
            lines.append(presence)
            lines.append(labels.staysForType2.replacingOccurrences(of: "{owner}", with: taken.forHandle))
        default:
            lines.append(presence)
            if taken.ownerPresence.status.isAway, let substitute {
                // The operator is about to offer the substitute: say so when they are away too.
                let away = substitutePresence.flatMap { $0.status.isAway ? $0 : nil }
                    .map { " (\(labels.alsoAway): \(labels.presence($0, times: times)))" } ?? ""
                lines.append("\(labels.substitute): \(substitute)\(away)")
            }
        }
        return lines.map { TerminalText.sanitized($0) }
    }

    /// The stable JSON form.
    func json(_ taken: TakenMessage, substitute: String?, priority: Double) -> JSONValue {
        let routedNow: Bool = if case .substitute? = taken.routing { true } else { false }
        return .object([
            ("saved", .bool(true)), ("joined", .bool(taken.joined)), ("call_id", .int(taken.callID)),
            ("message_id", .int(taken.messageID)),
            ("callback", CallbackOutput(times: times).json(RankedCallback(callback: taken.callback, priority: priority))),
            ("owner_presence", StaffOutput(times: times).json(taken.ownerPresence)),
            ("substitute", substitute.map(JSONValue.string) ?? .null),
            ("routed", .bool(routedNow)),
        ])
    }
}
