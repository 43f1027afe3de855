import Foundation

/// A field of a callback as the event log and the `callbacks` table know it.
///
/// The raw value is the field's name in events, stored forever in an append-only log; the switches below are
/// exhaustive, with no `default:`, so a field cannot be added without its column, its value in events and the
/// way a change is told apart: the compiler lists every place that must learn it.
enum CallbackField: String, CaseIterable, Sendable {
    case owner
    case state
    case urgent
    case newContact = "new_contact"
    case notBefore = "not_before"
    case notAfter = "not_after"
    case dueAt = "due_at"
    case repeatCount = "repeat_count"
    case attempts
    case escalationLevel = "escalation_level"
    case acknowledgedAt = "acknowledged_at"
    case closedAt = "closed_at"
    case closingNote = "closing_note"
    case buyerType = "buyer_type"
    case sensitive
    case routedFrom = "routed_from"

    // MARK: - The fields each kind of event records

    /// `callback.opened`, in this order; `buyer_type` and `sensitive` follow when not at their default.
    static let opened: [CallbackField] = [.owner, .state, .urgent, .newContact, .notBefore, .notAfter, .dueAt, .repeatCount]
    /// `callback.joined`: what a repeat call can change.
    static let joined: [CallbackField] = [.urgent, .newContact, .notBefore, .notAfter, .dueAt, .repeatCount, .buyerType,
                                          .sensitive]
    /// `callback.routed`: the callback going to the owner's substitute.
    static let routed: [CallbackField] = [.owner, .routedFrom]

    // MARK: - Columns and values

    /// Its column in `callbacks` (people are stored by id).
    var column: String {
        switch self {
        case .owner: "owner_id"
        case .routedFrom: "routed_from_id"
        case .state, .urgent, .newContact, .notBefore, .notAfter, .dueAt, .repeatCount, .attempts, .escalationLevel,
             .acknowledgedAt, .closedAt, .closingNote, .buyerType, .sensitive: rawValue
        }
    }

    /// Its value in `callback` as the event log records it.
    func eventValue(of callback: CallbackRequest) -> JSONValue {
        switch self {
        case .owner: .string(callback.owner)
        case .state: .string(callback.state.rawValue)
        case .urgent: .bool(callback.urgent)
        case .newContact: .bool(callback.newContact)
        case .notBefore: .time(callback.notBefore)
        case .notAfter: .time(callback.notAfter)
        case .dueAt: .time(callback.dueAt)
        case .repeatCount: .int(callback.repeatCount)
        case .attempts: .int(callback.attempts)
        case .escalationLevel: .int(callback.escalationLevel)
        case .acknowledgedAt: .time(callback.acknowledgedAt)
        case .closedAt: .time(callback.closedAt)
        case .closingNote: callback.closingNote.map(JSONValue.string) ?? .null
        case .buyerType: .string(callback.buyerType.rawValue)
        case .sensitive: .bool(callback.sensitive)
        case .routedFrom: callback.routedFrom.map(JSONValue.string) ?? .null
        }
    }

    /// True when the field differs between `a` and `b`, compared as values, so that nothing is rendered for
    /// the fields that stayed the same.
    func differs(_ a: CallbackRequest, _ b: CallbackRequest) -> Bool {
        switch self {
        case .owner: a.owner != b.owner
        case .state: a.state != b.state
        case .urgent: a.urgent != b.urgent
        case .newContact: a.newContact != b.newContact
        case .notBefore: a.notBefore != b.notBefore
        case .notAfter: a.notAfter != b.notAfter
        case .dueAt: a.dueAt != b.dueAt
        case .repeatCount: a.repeatCount != b.repeatCount
        case .attempts: a.attempts != b.attempts
        case .escalationLevel: a.escalationLevel != b.escalationLevel
        case .acknowledgedAt: a.acknowledgedAt != b.acknowledgedAt
        case .closedAt: a.closedAt != b.closedAt
        case .closingNote: a.closingNote != b.closingNote
        case .buyerType: a.buyerType != b.buyerType
        case .sensitive: a.sensitive != b.sensitive
        case .routedFrom: a.routedFrom != b.routedFrom
        }
    }
}
