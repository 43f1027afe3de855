import Foundation

/// The changing fields of a callback as they stood at one moment, rebuilt by replaying its events.
///
/// Every change to a callback writes an event whose `after` holds the fields it changed (the
/// opening event holds them all), so applying the `after` objects in order up to a moment gives
/// the callback as it was then — whatever has changed since.
struct CallbackSnapshot {
    var owner: String
    var state: CallbackRequest.State = .open
    var urgent: Bool
    var newContact: Bool
    var notBefore: Date?
    var notAfter: Date?
    var dueAt: Date
    var repeatCount: Int
    var attempts = 0
    var escalationLevel = 0
    var acknowledgedAt: Date?
    var closedAt: Date?
    /// Recorded on opening only when known, and on every join: unknown until an event says otherwise.
    var buyerType: BuyerType = .unknown

    init(owner: String, urgent: Bool, newContact: Bool, notBefore: Date?, notAfter: Date?, dueAt: Date, repeatCount: Int) {
        self.owner = owner
        self.urgent = urgent
        self.newContact = newContact
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.dueAt = dueAt
        self.repeatCount = repeatCount
    }

    /// Applies the fields an event's `after` records; fields this snapshot does not track are skipped.
    mutating func apply(_ after: JSONValue?) throws {
        guard case .object(let fields)? = after else { return }
        for (name, value) in fields {
            switch (name, value) {
            case ("owner", .string(let handle)): owner = handle
            case ("state", .string(let text)): state = CallbackRequest.State(rawValue: text) ?? state
            case ("urgent", .bool(let flag)): urgent = flag
            case ("new_contact", .bool(let flag)): newContact = flag
            case ("not_before", _): notBefore = try Self.time(value)
            case ("not_after", _): notAfter = try Self.time(value)
            case ("due_at", _): dueAt = try Self.time(value) ?? dueAt
            case ("repeat_count", .int(let count)): repeatCount = count
            case ("attempts", .int(let count)): attempts = count
            case ("escalation_level", .int(let level)): escalationLevel = level
            case ("acknowledged_at", _): acknowledgedAt = try Self.time(value)
            case ("closed_at", _): closedAt = try Self.time(value)
            case ("buyer_type", .string(let text)): buyerType = BuyerType(rawValue: text) ?? buyerType
            default: continue
            }
        }
    }

    /// A stored UTC time in an event, or nil for JSON null.
    private static func time(_ value: JSONValue) throws -> Date? {
        guard case .string(let text) = value else { return nil }
        return try StoredTime.date(text)
    }

    /// The callback as it stood, for scoring its priority. Only what priority reads is filled in:
    /// the report never reads message words, so there are none here.
    func callback(id: Int, caller: Caller, openedAt: Date) -> CallbackRequest {
        CallbackRequest(
            id: id, owner: owner, ownerName: "", caller: caller, state: state, urgent: urgent, newContact: newContact,
            notBefore: notBefore, notAfter: notAfter, dueAt: dueAt, repeatCount: repeatCount, attempts: attempts,
            escalationLevel: escalationLevel, openedAt: openedAt, acknowledgedAt: acknowledgedAt, closedAt: closedAt,
            closingNote: nil, latestMessage: "", wants: .callback, buyerType: buyerType, sensitive: false, routedFrom: nil)
    }
}
