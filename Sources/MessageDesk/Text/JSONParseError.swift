/// Why a JSON text was rejected, and where.
public struct JSONParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was wrong.
    public let message: String
    /// Byte offset into the UTF-8 text where the problem was found.
    public let offset: Int

    /// Creates an error for `message` at byte `offset`.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// "message at byte N".
    public var description: String { "\(message) at byte \(offset)" }
}
