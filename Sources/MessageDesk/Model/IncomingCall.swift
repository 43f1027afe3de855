import Foundation

/// What the desk knows of a ringing call before the operator says a word: whose line was dialled, whose mobile
/// forwarded it, and who is calling.
public struct IncomingCall: Sendable, Equatable {
    /// The dialled number: a line of `account`.
    public let line: PhoneNumber
    public let account: Account
    /// The number the call was diverted from (a mobile forwarding on no answer, 無応答時転送), when the phone system said.
    public let diversion: PhoneNumber?
    /// The member of the account whose mobile is `diversion`; nil when none is (or no diversion was given).
    public let person: Staff?
    /// Their presence as of the call.
    public let presence: Presence?
    /// The caller's number, when the phone system said.
    public let callerPhone: PhoneNumber?
    /// The account's caller with that number; nil for a new caller.
    public let caller: Caller?
    /// The caller's live callbacks in the account, highest priority first.
    public let callbacks: [RankedCallback]
    /// The phone system's id for the call, as given.
    public let phoneCallID: String?
    /// The account's block-list entry for the caller's number: the call will be recorded as blocked.
    public let blocked: BlockedNumber?
}
