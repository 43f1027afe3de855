import Foundation

/// A person who calls the office, known by their normalised phone number.
public struct Caller: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let company: String?
    public let phone: PhoneNumber
}
