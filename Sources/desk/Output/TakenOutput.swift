import MessageDesk

/// What `desk log` and `desk take` print once a message is saved: the callback, and what to tell the caller.
struct TakenOutput {
    let times: TimeDisplay
    let labels: Labels

    /// Lines for the operator: saved where, due when, where the owner is, who stands in.
    func lines(_ taken: TakenMessage, substitute: String?) -> [String] {
        let callback = taken.callback
        let pattern = taken.joined ? labels.savedJoined : labels.savedOpened
        let saved = pattern.replacingOccurrences(of: "{id}", with: String(callback.id))
            .replacingOccurrences(of: "{calls}", with: String(callback.repeatCount + 1))
            .replacingOccurrences(of: "{owner}", with: "\(callback.owner) (\(callback.ownerName))")
            .replacingOccurrences(of: "{due}", with: times.short(callback.dueAt))
        let presence = labels.ownerIs.replacingOccurrences(of: "{owner}", with: callback.owner)
            .replacingOccurrences(of: "{presence}", with: labels.presence(taken.ownerPresence, times: times))
        var lines = [saved, presence]
        if taken.ownerPresence.status.isAway, let substitute {
            lines.append("\(labels.substitute): \(substitute)")
        }
        return lines.map { TerminalText.sanitized($0) }
    }

    /// The stable JSON form.
    func json(_ taken: TakenMessage, substitute: String?, priority: Double) -> JSONValue {
        .object([
            ("saved", .bool(true)), ("joined", .bool(taken.joined)), ("call_id", .int(taken.callID)),
            ("message_id", .int(taken.messageID)),
            ("callback", CallbackOutput(times: times).json(RankedCallback(callback: taken.callback, priority: priority))),
            ("owner_presence", StaffOutput(times: times).json(taken.ownerPresence)),
            ("substitute", substitute.map(JSONValue.string) ?? .null),
        ])
    }
}
