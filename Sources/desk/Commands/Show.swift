import ArgumentParser
import MessageDesk

extension Desk {
    /// `desk show ID`: everything about one callback.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a callback: its messages, caller, priority breakdown and history.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id (with --call, the call's).", completion: DeskCompletion.liveCallbackIDs) var id: Int
        @Flag(name: .customLong("call"), help: "The id is a call's: say what the call was (a screened call, or the message's callback).")
        var call = false

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let store = context.store
            if call {
                try showCall(try store.call(id: id), times: TimeDisplay(calendar: context.calendar, now: context.now))
                return
            }
            let callback = try store.callback(id: id)
            let messages = try store.messages(ofCallback: id)
            let events = try store.history(ofCallback: id)
            let breakdown = store.policy.priority.breakdown(of: callback, at: context.now)
            let buyer = BuyerType.read(BuyerAttributes.latest(messages.map(\.buyer)))
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            let ranked = RankedCallback(callback: callback, priority: breakdown.total)
            // The caller's calls that left no message; named only when there are any, so a show is otherwise as before.
            let screened = try store.screenedCalls(from: callback.caller.phone)
            if output.json {
                Output.line(JSONValue.object([
                    ("callback", CallbackOutput(times: times).json(ranked)),
                    ("buyer", .object([
                        ("type", .string(buyer.type.rawValue)), ("score", .int(buyer.score)),
                        ("votes", .array(buyer.votes.map { vote in
                            .object([("attribute", .string(vote.attribute)), ("value", .string(vote.value)),
                                     ("points", .int(vote.points))])
                        })),
                    ])),
                    ("priority_breakdown", .array(breakdown.terms.map { term in
                        .object([("term", .string(term.name)), ("coefficient", .number(term.coefficient)),
                                 ("amount", .number(CallbackOutput.rounded(term.amount))),
                                 ("contribution", .number(CallbackOutput.rounded(term.contribution)))])
                    })),
                    ("messages", .array(messages.map { MessageOutput(times: times).json($0) })),
                    ("events", .array(events.map { EventOutput(times: times).json($0) })),
                ] + (screened.isEmpty ? [] : [("screened_calls", .array(screened.map { call in
                    .object([("call_id", .int(call.id)), ("outcome", .string(call.outcome.rawValue)), ("at", .string(times.iso(call.at)))])
                }))])).rendered(pretty: true))
                return
            }
            var lines: [String] = []
            var status = "\(callback.state.rawValue), due \(times.short(callback.dueAt))"
            if callback.isOverdue(at: context.now) {
                status += " (overdue by \(TimeDisplay.duration(context.now.timeIntervalSince(callback.dueAt))))"
            }
            if callback.urgent { status += ", URGENT" }
            if callback.sensitive { status += ", SENSITIVE" }
            lines.append("Callback #\(callback.id) — \(status)")
            let routed = callback.routedFrom.map { ", routed from \($0) (away at the call)" } ?? ""
            lines.append("Owner:     \(callback.owner) (\(callback.ownerName))\(routed)")
            let company = callback.caller.company.map { ", \($0)" } ?? ""
            lines.append("Caller:    \(callback.caller.name)\(company), \(callback.caller.phone.national)")
            if callback.notBefore != nil || callback.notAfter != nil {
                let from = callback.notBefore.map { "after \(times.short($0))" }
                let to = callback.notAfter.map { "by \(times.short($0))" }
                lines.append("Window:    \([from, to].compactMap { $0 }.joined(separator: ", "))")
            }
            lines.append("Calls:     \(callback.repeatCount + 1); attempts \(callback.attempts); escalation level \(callback.escalationLevel)")
            if !screened.isEmpty {
                lines.append("Screened:  " + screened.map { "#\($0.id) \($0.outcome.argument) \(times.short($0.at))" }.joined(separator: ", ")
                             + " (no message)")
            }
            if let note = callback.closingNote { lines.append("Closed:    \(times.short(callback.closedAt ?? context.now)) — \(note)") }
            lines.append("Buyer:     \(Self.describe(buyer))")
            for vote in buyer.votes {
                let name = DisplayWidth.padded(vote.attribute, to: 14)
                let value = DisplayWidth.padded(vote.value, to: 16)
                lines.append("  \(name) \(value) \(String(format: "%+d", vote.points))")
            }
            lines.append("Priority:  \(CallbackOutput.priorityText(breakdown.total))")
            for term in breakdown.terms {
                let name = DisplayWidth.padded(term.name, to: 16)
                lines.append("  \(name) \(format(term.coefficient)) × \(format(term.amount)) = \(format(term.contribution))")
            }
            var text = lines.map { TerminalText.sanitized($0) + "\n" }.joined()
            text += "Messages:\n"
            for message in messages {
                text += TerminalText.sanitized("  \(times.short(message.takenAt)) \(MessageOutput.summary(message))") + "\n"
                let body = TerminalText.sanitized(message.body, keepNewlines: true)
                text += body.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)\n" }.joined()
                if let note = message.note {
                    text += TerminalText.sanitized("    corrected: \(note)") + "\n"
                }
            }
            text += "History:\n"
            for event in events {
                text += TerminalText.sanitized("  " + EventOutput(times: times).line(event)) + "\n"
            }
            Output.print(text)
        }

        private func format(_ value: Double) -> String {
            String(format: "%6.2f", CallbackOutput.rounded(value))
        }

        /// The buyer type and what it means for the callback, in one line.
        static func describe(_ reading: BuyerTypeReading) -> String {
            let score = "(score \(String(format: "%+d", reading.score)))"
            switch reading.type {
            case .type1: return "type ① — compares many vendors; the first response wins \(score)"
            case .type2: return "type ② — few vendors; the content wins: prepare details \(score)"
            case .unknown:
                return reading.votes.isEmpty ? "unknown — no buyer attributes given" : "unknown — not enough to tell \(score)"
            }
        }
    }
}

/// The forms a message takes on output.
struct MessageOutput {
    let times: TimeDisplay

    func json(_ message: Message) -> JSONValue {
        .object([
            ("id", .int(message.id)), ("call_id", .int(message.callID)), ("taken_at", .string(times.iso(message.takenAt))),
            ("taken_by", message.takenBy.map(JSONValue.string) ?? .null), ("caller", .string(message.callerName)),
            ("company", message.company.map(JSONValue.string) ?? .null), ("body", .string(message.body)),
            ("urgent", .bool(message.urgent)), ("wants", .string(message.wants.rawValue)),
            ("not_before", message.notBefore.map { .string(times.iso($0)) } ?? .null),
            ("not_after", message.notAfter.map { .string(times.iso($0)) } ?? .null),
            ("new_contact", .bool(message.newContact)), ("tried_mobile", .bool(message.triedMobile)),
            ("decision", message.buyer.decision.map { .string($0.rawValue) } ?? .null),
            ("proceed", message.buyer.proceed.map { .string($0.rawValue) } ?? .null),
            ("order_timing", message.buyer.orderTiming.map { .string($0.rawValue) } ?? .null),
            ("other_vendors", message.buyer.otherVendors.map { .string($0.rawValue) } ?? .null),
            ("sensitive", .bool(message.sensitive)), ("note", message.note.map(JSONValue.string) ?? .null),
        ])
    }

    /// `from 山田太郎 (ＡＢＣ商事), taken by sato, wants callback, urgent, tried mobile`.
    static func summary(_ message: Message) -> String {
        var parts = ["from \(message.callerName)" + (message.company.map { " (\($0))" } ?? "")]
        if let by = message.takenBy { parts.append("taken by \(by)") }
        parts.append("wants \(message.wants.rawValue)")
        if message.urgent { parts.append("urgent") }
        if message.newContact { parts.append("new contact") }
        if message.triedMobile { parts.append("tried mobile") }
        let buyer = [message.buyer.decision.map { "decision=\($0.rawValue)" },
                     message.buyer.proceed.map { "proceed=\($0.rawValue)" },
                     message.buyer.orderTiming.map { "order_timing=\($0.rawValue)" },
                     message.buyer.otherVendors.map { "other_vendors=\($0.rawValue)" }].compactMap { $0 }
        if !buyer.isEmpty { parts.append("buyer \(buyer.joined(separator: " "))") }
        if message.sensitive { parts.append("sensitive") }
        return parts.joined(separator: ", ")
    }
}

extension Desk.Show {
    /// One line for a call: what it was, when, from whom, who took it, and its callback when it left a message.
    private func showCall(_ call: CallRecord, times: TimeDisplay) throws {
        if output.json {
            Output.line(JSONValue.object([
                ("call_id", .int(call.id)), ("account", .string(call.account)), ("category", .string(call.category.rawValue)),
                ("at", .string(times.iso(call.at))), ("phone", call.phone.map { .string($0.e164) } ?? .null),
                ("operator", call.operatorHandle.map(JSONValue.string) ?? .null),
                ("for", call.forHandle.map(JSONValue.string) ?? .null), ("callback_id", call.callbackID.map(JSONValue.int) ?? .null),
            ]).rendered(pretty: true))
            return
        }
        let what = call.forHandle.map { "message for \($0)" } ?? call.category.argument
        let taken = call.operatorHandle.map { ", taken by \($0)" } ?? ""
        let left = call.callbackID.map { "callback #\($0) (desk show \($0))" } ?? "no message, no callback"
        Output.line(TerminalText.sanitized(
            "call \(call.id) — \(what), \(times.calendar.dayString(call.at)) \(times.calendar.timeString(call.at)), "
                + "from \(call.phone?.national ?? "a withheld number")\(taken); \(left)"))
    }
}
