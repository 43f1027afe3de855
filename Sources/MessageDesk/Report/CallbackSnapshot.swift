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

    /// Applies the fields an event's `after` records; fields this snapshot does not track are skipped, and so
    /// are names that are not callback fields (`notified`, `notification_id`, …). A state or buyer type the desk
    /// does not know is damage to the log and fails the replay, never kept as the previous value.
    mutating func apply(_ after: JSONValue?) throws {
        guard case .object(let fields)? = after else { return }
        for (name, value) in fields {
            guard let field = CallbackField(rawValue: name) else { continue }
            switch field {
            case .owner: if case .string(let handle) = value { owner = handle }
            case .state: if case .string(let text) = value { state = try StoredValue.read(text, in: "events.after.state") }
            case .urgent: if case .bool(let flag) = value { urgent = flag }
            case .newContact: if case .bool(let flag) = value { newContact = flag }
            case .notBefore: notBefore = try Self.time(value)
            case .notAfter: notAfter = try Self.time(value)
            case .dueAt: dueAt = try Self.time(value) ?? dueAt
            case .repeatCount: if case .int(let count) = value { repeatCount = count }
            case .attempts: if case .int(let count) = value { attempts = count }
            case .escalationLevel: if case .int(let level) = value { escalationLevel = level }
            case .acknowledgedAt: acknowledgedAt = try Self.time(value)
            case .closedAt: closedAt = try Self.time(value)
            case .buyerType: if case .string(let text) = value { buyerType = try StoredValue.read(text, in: "events.after.buyer_type") }
            // Priority does not read these.
            case .closingNote, .sensitive, .routedFrom: continue
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
