import Foundation

/// One call of either kind as `desk show --call` tells it: a message's call with the callback it opened or
/// joined, or a screened call with its outcome.
public struct CallRecord: Sendable, Equatable {
    public let id: Int
    public let account: String
    public let at: Date
    /// `message`, or the screened call's outcome.
    public let category: CallCategory
    /// The caller's number; nil for a silent caller who withheld it.
    public let phone: PhoneNumber?
    /// The operator who took it, when recorded.
    public let operatorHandle: String?
    /// Whom a message was for; nil for a screened call.
    public let forHandle: String?
    /// The callback a message opened or joined; nil for a screened call.
    public let callbackID: Int?
}
