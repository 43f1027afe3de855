import Foundation

/// A callback (折り返し) that one member of staff owes a caller.
public struct CallbackRequest: Sendable, Equatable {
    /// The callback's life: open → acknowledged → done, or cancelled.
    public enum State: String, Sendable, CaseIterable {
        case open
        case acknowledged
        case done
        case cancelled

        /// Open and acknowledged callbacks are still owed.
        public var isLive: Bool { self == .open || self == .acknowledged }
    }

    public let id: Int
    public let owner: String
    public let ownerName: String
    public let caller: Caller
    public let state: State
    public let urgent: Bool
    public let newContact: Bool
    public let notBefore: Date?
    public let notAfter: Date?
    public let dueAt: Date
    /// Calls after the first that joined this callback.
    public let repeatCount: Int
    /// Failed attempts to reach the caller.
    public let attempts: Int
    public let escalationLevel: Int
    public let openedAt: Date
    public let acknowledgedAt: Date?
    public let closedAt: Date?
    public let closingNote: String?
    /// The words of the latest message.
    public let latestMessage: String
    /// What the caller asked for on the latest call.
    public let wants: Message.Wants
    /// The buyer type read from the latest buyer attributes its calls gave.
    public let buyerType: BuyerType
    /// True when any of its messages is sensitive: lists show that a message exists, not its words.
    public let sensitive: Bool
    /// The owner it was taken for, while it sits with their substitute; nil otherwise.
    public let routedFrom: String?

    /// True when still owed and past its due time.
    public func isOverdue(at now: Date) -> Bool {
        state.isLive && dueAt < now
    }
}
