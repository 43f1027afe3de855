import Foundation
import MessageDesk

/// The forms a callback takes on output: a JSON object, a CSV row, a table row.
struct CallbackOutput {
    let times: TimeDisplay

    /// The stable JSON form; scripts depend on these names.
    func json(_ ranked: RankedCallback) -> JSONValue {
        let c = ranked.callback
        return .object([
            ("id", .int(c.id)), ("owner", .string(c.owner)), ("owner_name", .string(c.ownerName)),
            ("state", .string(c.state.rawValue)), ("urgent", .bool(c.urgent)),
            ("priority", .number(Self.rounded(ranked.priority))), ("due_at", .string(times.iso(c.dueAt))),
            ("overdue", .bool(c.isOverdue(at: times.now))), ("repeat_count", .int(c.repeatCount)),
            ("attempts", .int(c.attempts)), ("escalation_level", .int(c.escalationLevel)),
            ("caller", .string(c.caller.name)), ("company", c.caller.company.map(JSONValue.string) ?? .null),
            ("phone", .string(c.caller.phone.e164)), ("message", ListedMessage.json(of: c)),
            ("wants", .string(c.wants.rawValue)), ("new_contact", .bool(c.newContact)),
            ("not_before", optional(c.notBefore)), ("not_after", optional(c.notAfter)),
            ("opened_at", .string(times.iso(c.openedAt))), ("acknowledged_at", optional(c.acknowledgedAt)),
            ("closed_at", optional(c.closedAt)), ("closing_note", c.closingNote.map(JSONValue.string) ?? .null),
            ("buyer_type", .string(c.buyerType.rawValue)), ("prepare_details", .bool(c.buyerType.wantsPreparedDetails)),
            ("sensitive", .bool(c.sensitive)), ("routed_from", c.routedFrom.map(JSONValue.string) ?? .null),
        ])
    }

    private func optional(_ date: Date?) -> JSONValue {
        date.map { .string(times.iso($0)) } ?? .null
    }

    static let csvHeader = [
        "id", "owner", "state", "urgent", "priority", "due_at", "overdue", "repeat_count", "attempts",
        "caller", "company", "phone", "message", "wants", "opened_at", "closed_at",
        "buyer_type", "prepare_details", "sensitive", "routed_from",
    ]

    func csvRow(_ ranked: RankedCallback) -> [String] {
        let c = ranked.callback
        return [
            String(c.id), c.owner, c.state.rawValue, c.urgent ? "1" : "0", Self.priorityText(ranked.priority),
            times.iso(c.dueAt), c.isOverdue(at: times.now) ? "1" : "0", String(c.repeatCount), String(c.attempts),
            c.caller.name, c.caller.company ?? "", c.caller.phone.national, ListedMessage.text(of: c), c.wants.rawValue,
            times.iso(c.openedAt), c.closedAt.map(times.iso) ?? "",
            c.buyerType.rawValue, c.buyerType.wantsPreparedDetails ? "1" : "0", c.sensitive ? "1" : "0", c.routedFrom ?? "",
        ]
    }

    static let tableHeader = ["ID", "PRI", "DUE", "STATE", "OWNER", "CALLER", "COMPANY", "PHONE", "MESSAGE"]

    func tableRow(_ ranked: RankedCallback) -> [String] {
        let c = ranked.callback
        let state = Self.stateText(c.state, urgent: c.urgent, overdue: c.isOverdue(at: times.now), repeatCount: c.repeatCount,
                                   prepareDetails: c.buyerType.wantsPreparedDetails)
        return [
            String(c.id), Self.priorityText(ranked.priority), times.short(c.dueAt), state, c.owner, c.caller.name,
            c.caller.company ?? "", c.caller.phone.national, ListedMessage.text(of: c),
        ]
    }

    /// The STATE cell of tables: `open urgent overdue ×3` (×N counts the calls, the first included),
    /// and `prepare details` for a type ② buyer, who goes with the content: the callback must come prepared.
    static func stateText(_ state: CallbackRequest.State, urgent: Bool, overdue: Bool, repeatCount: Int,
                          prepareDetails: Bool = false) -> String {
        var text = state == .acknowledged ? "ack" : state.rawValue
        if urgent { text += " urgent" }
        if overdue { text += " overdue" }
        if repeatCount > 0 { text += " ×\(repeatCount + 1)" }
        if prepareDetails { text += " prepare details" }
        return text
    }

    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }

    /// The priority as text, rounded like the JSON number so both always agree.
    static func priorityText(_ value: Double) -> String {
        String(format: "%.2f", rounded(value))
    }
}
