import Foundation

/// A message for a member of staff in the outbox: a message taken, a re-notification, a reminder or an escalation
/// of a callback, on one channel.
public struct OutboxNotification: Sendable, Equatable {
    /// Why someone is told.
    public enum Kind: String, Sendable {
        /// A message was taken (or a repeat call joined the callback): its owner is told at once.
        case message
        /// Nobody acknowledged the message: told again, and the account's group too.
        case renotify
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
    /// Where it goes; nil when nobody has a channel (the gateway goes by the recipient).
    public let channel: Channel?
    /// The account the callback is owed in.
    public let accountCode: String
    public let accountName: String
    /// One line for a mail's subject or a chat's first line; masked when the message is sensitive.
    public let subject: String
    /// The message in a line or two; masked when sensitive: "a message (sensitive) — see desk show N".
    public let summary: String
    /// The code that acks or closes the callback from this notification; nil for those written before codes.
    public let replyCode: ReplyCode?
    /// The message it tells of (`message` and `renotify`).
    public let messageID: Int?
    public let state: DeliveryState
    /// When a temporary failure is tried again; nil in every other state.
    public let nextAttemptAt: Date?

    /// What a gateway sends: the stored text and how to answer.
    public var fullBody: String {
        guard let replyCode else { return body }
        return body + "\nReply \"ack \(replyCode)\" or \"done \(replyCode)\", or run: desk ack \(replyCode)"
    }

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
