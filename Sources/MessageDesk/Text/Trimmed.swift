import Foundation

extension StringProtocol {
    /// Without leading and trailing white space and line breaks (Unicode's, as `CharacterSet.whitespacesAndNewlines`).
    ///
    /// Native: `trimmingCharacters(in:)` goes through `NSString`, and every message taken trims three fields.
    public var trimmed: String {
        let text = Substring(self)
        let scalars = text.unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in CharacterSet.whitespacesAndNewlines.contains(scalar) }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        // Substring ↔ its scalar view share storage: this copies the bytes once.
        return String(Substring(scalars[first...last]))
    }
}
