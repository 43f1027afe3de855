import Foundation

/// A message for a member of staff in the outbox: a reminder or an escalation of a callback.
public struct OutboxNotification: Sendable, Equatable {
    /// Why someone is told.
    public enum Kind: String, Sendable {
        /// The owner is reminded of their own callback.
        case reminder
        /// Someone else is told that a callback needs them.
        case escalation
    }

    public let id: Int
    public let createdAt: Date
    public let recipient: String
    public let recipientName: String
    public let recipientMobile: PhoneNumber?
    public let callbackID: Int
    public let kind: Kind
    public let reason: String
    /// The text to send. It never holds the message's words, which may be sensitive: the
    /// recipient reads them with `desk show`.
    public let body: String
    public let attempts: Int
    public let lastError: String?
    public let deliveredAt: Date?
    public let state: DeliveryState
    /// When a temporary failure is tried again; nil in every other state.
    public let nextAttemptAt: Date?

    /// The same on every attempt to deliver this notification, and different for every other one:
    /// delivery is at least once (a gateway may deliver and then fail, or be stopped, before desk
    /// records it), so a gateway or the service behind it drops a repeat by this key.
    ///
    /// Made of the id and the creation time, which never change; the time keeps the key unique even
    /// if a restored older database hands the same id to a new notification. Letters, digits and `-`
    /// only, so it fits a file name, a mail header or an HTTP `Idempotency-Key`:
    /// `notification-12-20261120T012500Z`.
    public var idempotencyKey: String {
        let compact = Timestamp.format(createdAt).filter { $0 != "-" && $0 != ":" }
        return "notification-\(id)-\(compact)"
    }
}

/// One step that a sweep (or a person) fired.
public struct FiredEscalation: Sendable, Equatable {
    public let callbackID: Int
    public let ladder: LadderName
    /// Which run of the ladder (0 first) and which step in it (0 first).
    public let cycle: Int
    public let step: Int
    /// Who was told.
    public let target: String
    public let kind: OutboxNotification.Kind
    public let reason: String
}
