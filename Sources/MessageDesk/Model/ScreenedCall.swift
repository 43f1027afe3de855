import Foundation

/// A call that leaves no message and opens no callback: declined, wrong, silent, spam, a test, or blocked.
public struct ScreenedCall: Sendable, Equatable {
    /// From the calls' own sequence: no message call has this id.
    public let id: Int
    public let at: Date
    public let outcome: CallCategory
    public let phone: PhoneNumber?
    public let account: String
}

/// What `desk log --outcome` records.
public struct NewScreenedCall: Sendable {
    public var outcome: CallCategory
    public var phone: PhoneNumber?
    public var operatorHandle: String?
    public var note: String?

    public init(outcome: CallCategory, phone: PhoneNumber?, operatorHandle: String?, note: String? = nil) {
        self.outcome = outcome
        self.phone = phone
        self.operatorHandle = operatorHandle
        self.note = note
    }
}
