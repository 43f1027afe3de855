import MessageDesk

/// The forms a ringing call takes on output (`desk incoming`): lines for the operator's screen, and JSON.
struct IncomingOutput {
    let times: TimeDisplay

    /// What the operator reads before answering, one field a line; untrusted text is sanitised by the caller.
    func lines(_ call: IncomingCall) -> [String] {
        let account = call.account
        var lines = ["line:      \(call.line.national) — \(account.code) \(account.name)"]
        let greeting = account.greeting ?? "- (set one with `desk account set \(account.code) --greeting …`)"
        lines.append("greeting:  \(greeting)" + (account.reading.map { "（\($0)）" } ?? ""))
        if let notes = account.notes { lines.append("notes:     \(notes)") }
        if let person = call.person, let presence = call.presence {
            lines.append("person:    \(person.handle) \(person.displayName) — \(times.presence(presence))")
        } else {
            lines.append("person:    no person" + (call.diversion.map { " (diverted from \($0.national))" } ?? ""))
        }
        if let caller = call.caller {
            lines.append("caller:    \(caller.name)" + (caller.company.map { " (\($0))" } ?? "") + " \(caller.phone.national)")
            if call.callbacks.isEmpty { lines.append("callback:  none open") }
            for ranked in call.callbacks {
                let c = ranked.callback
                let state = CallbackOutput.stateText(c.state, urgent: c.urgent, overdue: c.isOverdue(at: times.now),
                                                     repeatCount: c.repeatCount)
                lines.append("callback:  #\(c.id) for \(c.owner), due \(times.short(c.dueAt)), priority "
                             + "\(CallbackOutput.priorityText(ranked.priority)), \(state)")
            }
        } else {
            lines.append("caller:    new caller" + (call.callerPhone.map { " \($0.national)" } ?? " (no number)"))
        }
        if let blocked = call.blocked {
            lines.append("blocked:   on \(account.code)'s block list" + (blocked.note.map { " (\($0))" } ?? "")
                         + ": desk log records the call as blocked")
        }
        return lines
    }

    /// The stable JSON form a phone system or a softphone reads.
    func json(_ call: IncomingCall) -> JSONValue {
        let staff = StaffOutput(times: times)
        return .object([
            ("line", .string(call.line.e164)),
            ("call_id", call.phoneCallID.map(JSONValue.string) ?? .null),
            ("account", .object(call.account.details)),
            ("diversion", call.diversion.map { .string($0.e164) } ?? .null),
            ("person", call.person.map { person in
                .object([("handle", .string(person.handle)), ("display_name", .string(person.displayName)),
                         ("presence", call.presence.map(staff.json) ?? .null)])
            } ?? .null),
            ("caller_phone", call.callerPhone.map { .string($0.e164) } ?? .null),
            ("caller", call.caller.map { caller in
                .object([("id", .int(caller.id)), ("name", .string(caller.name)),
                         ("company", caller.company.map(JSONValue.string) ?? .null)])
            } ?? .null),
            ("callbacks", .array(call.callbacks.map { ranked in
                let c = ranked.callback
                return .object([
                    ("id", .int(c.id)), ("owner", .string(c.owner)), ("state", .string(c.state.rawValue)),
                    ("urgent", .bool(c.urgent)), ("priority", .number(CallbackOutput.rounded(ranked.priority))),
                    ("due_at", .string(times.iso(c.dueAt))), ("overdue", .bool(c.isOverdue(at: times.now))),
                    ("repeat_count", .int(c.repeatCount)),
                ])
            })),
            // The account's block-list entry for the caller's number, or null.
            ("blocked", call.blocked.map { .object([("note", $0.note.map(JSONValue.string) ?? .null)]) } ?? .null),
        ])
    }
}
