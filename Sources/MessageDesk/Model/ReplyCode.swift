import Foundation

/// The code a notification carries so that its reader can ack or close the callback from it (`desk ack CODE`,
/// a mail or chat reply piped into `desk reply --stdin`).
///
/// Eight characters of Crockford's base32 (`0-9` and `A-Z` without `I L O U`): 40 bits, drawn from the random
/// source the caller gives (the CLI gives `SystemRandomNumberGenerator`, the system's secure source). A code of
/// digits only is drawn again, so a code always holds a letter and is never mistaken for a callback id; that
/// leaves 32⁸ − 10⁸ codes, still more than 2⁴⁰ − 2²⁷. Each code is used once.
public struct ReplyCode: Hashable, Sendable, CustomStringConvertible {
    /// The code as stored and shown: eight upper-case characters of the alphabet.
    public let text: String

    /// Crockford's base32 alphabet.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let length = 8

    public var description: String { text }

    /// A fresh code from `generator`.
    public static func random(using generator: inout some RandomNumberGenerator) -> ReplyCode {
        while true {
            let bits = UInt64.random(in: 0 ..< (1 << 40), using: &generator)
            let characters = (0..<length).reversed().map { alphabet[Int((bits >> (5 * UInt64($0))) & 31)] }
            if characters.contains(where: \.isLetter) { return ReplyCode(text: String(characters)) }
        }
    }

    /// Reads a code as a person may type it: any case, with `-` or spaces between groups, and the letters
    /// Crockford reads as digits (`O` as 0, `I` and `L` as 1). Nil when the text cannot be a code.
    public init?(reading typed: String) {
        var characters: [Character] = []
        for character in typed.uppercased() where character != "-" && character != " " {
            switch character {
            case "O": characters.append("0")
            case "I", "L": characters.append("1")
            default:
                guard Self.alphabet.contains(character) else { return nil }
                characters.append(character)
            }
        }
        guard characters.count == Self.length, characters.contains(where: \.isLetter) else { return nil }
        text = String(characters)
    }

    private init(text: String) {
        self.text = text
    }
}
