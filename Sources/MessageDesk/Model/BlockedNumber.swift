import Foundation

/// A number on an account's block list: its calls are recorded as blocked, and billed as the plan says.
public struct BlockedNumber: Sendable, Equatable {
    public let id: Int
    public let phone: PhoneNumber
    public let note: String?
    public let addedAt: Date
}
