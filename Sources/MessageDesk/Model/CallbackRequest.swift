import Foundation

/// A callback (折り返し) that one member of staff owes a caller.
public struct CallbackRequest: Sendable, Equatable {
    /// The callback's life: open → acknowledged → done, or cancelled; a closed one can be reopened.
    public enum State: String, Sendable, CaseIterable {
        case open
        case acknowledged
        case done
        case cancelled

        /// Open and acknowledged callbacks are still owed.
        public var isLive: Bool { self == .open || self == .acknowledged }
    }

    public let id: Int
    public internal(set) var owner: String
    public internal(set) var ownerName: String
    /// The caller, with the corrections made to this callback's caller name and phone (`desk correct`).
    public internal(set) var caller: Caller
    public internal(set) var state: State
    public let urgent: Bool
    public let newContact: Bool
    public let notBefore: Date?
    public let notAfter: Date?
    public internal(set) var dueAt: Date
    /// Calls after the first that joined this callback.
    public let repeatCount: Int
    /// Failed attempts to reach the caller.
    public internal(set) var attempts: Int
    public internal(set) var escalationLevel: Int
    public let openedAt: Date
    public internal(set) var acknowledgedAt: Date?
    public internal(set) var closedAt: Date?
    public internal(set) var closingNote: String?
    /// The words of the latest message.
    public let latestMessage: String
    /// What the caller asked for on the latest call.
    public let wants: Message.Wants
    /// The buyer type read from the latest buyer attributes its calls gave.
    public let buyerType: BuyerType
    /// True when any of its messages is sensitive: lists show that a message exists, not its words.
    public let sensitive: Bool
    /// The owner it was taken for, while it sits with their substitute; nil otherwise.
    public internal(set) var routedFrom: String?
    /// The id of the account it is owed in (its caller's); 0 where none is known (a report's snapshot).
    public internal(set) var accountID: Int = 0

    /// Closes the callback (done or cancelled) at `now`, as stored: to the second.
    mutating func close(_ state: State, at now: Date, note: String?) {
        self.state = state
        closedAt = Timestamp.stored(now)
        closingNote = note
    }

    /// True when still owed and past its due time.
    public func isOverdue(at now: Date) -> Bool {
        state.isLive && dueAt < now
    }
}
