import Foundation

/// A telephone number in E.164 form (`+81312345678`), so that the same caller matches however the number was typed.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// `+` followed by the country code and national number, digits only.
    public let e164: String

    /// Parses how people write numbers in Japan: `03-1234-5678`, `090 1234 5678`, `+81 (0)3 1234 5678`,
    /// full-width `０３－１２３４－５６７８`, and international numbers after `+`, `00` or Japan's `010` prefix.
    public init(parsing text: String) throws(InputError) {
        guard let e164 = PhoneNumber.normalize(text) else {
            throw InputError(
                "\(InputError.quoted(text)) is not a phone number: use digits with optional spaces or hyphens, e.g. 03-1234-5678 or +81 3 1234 5678")
        }
        self.e164 = e164
    }

    /// Accepts a stored E.164 value as it is; nil unless it is `+` and 7–15 digits (a Japanese one: a valid domestic length).
    public init?(e164: String) {
        guard PhoneNumber.isValidE164(e164) else { return nil }
        self.e164 = e164
    }

    /// Japanese numbers in domestic form with hyphens (`03-1234-5678`, `090-1234-5678`); others as E.164.
    public var national: String {
        guard e164.hasPrefix("+81") else { return e164 }
        let domestic = Array("0" + e164.dropFirst(3))
        let prefix = String(domestic.prefix(4))
        let groups: [Int]
        if ["0120", "0800", "0570"].contains(prefix) {
            groups = [4, 3, domestic.count - 7]  // toll-free and navi-dial: 0120-123-456, 0800-123-4567
        } else if domestic.count == 11, ["070", "080", "090", "050"].contains(where: prefix.hasPrefix) {
            groups = [3, 4, 4]                   // mobile and IP phone: 090-1234-5678
        } else if domestic.count == 10, prefix.hasPrefix("03") || prefix.hasPrefix("06") {
            groups = [2, 4, 4]                   // Tokyo and Osaka: 03-1234-5678
        } else if domestic.count == 10 {
            // Approximation: Japanese area codes are 2 to 5 digits and the real split needs the MIC
            // numbering table; the 3-3-4 grouping is right for many areas and always dials correctly.
            groups = [3, 3, 4]
        } else {
            groups = [3, 4, 4]                   // other 11-digit services (020 M2M and pagers)
        }
        var parts: [String] = []
        var start = 0
        for length in groups {
            parts.append(String(domestic[start..<(start + length)]))
            start += length
        }
        return parts.joined(separator: "-")
    }

    /// The national form: what the desk shows and reads out.
    public var description: String { national }

    // MARK: Parsing

    /// Separators people type between digit groups, including the look-alike dashes a Japanese IME
    /// produces. Parentheses are removed later, after "(0)" has been recognised.
    private static let separators: Set<Character> = [
        "-", ".", "/", "ー", "−", "‐", "‑", "‒", "–", "—", "―",
    ]

    private static func normalize(_ text: String) -> String? {
        var compact = text.precomposedStringWithCompatibilityMapping
            .trimmed
            .filter { !$0.isWhitespace && !separators.contains($0) }
        // "+81 (0)3 …" writes the domestic trunk 0 that must not be dialled after the country code.
        if compact.hasPrefix("+"), let trunk = compact.range(of: "(0)") {
            compact.removeSubrange(trunk)
        }
        compact.removeAll { $0 == "(" || $0 == ")" }

        var digits: Substring
        if compact.hasPrefix("+") {
            digits = compact.dropFirst()
        } else if compact.hasPrefix("010") {
            digits = compact.dropFirst(3)   // Japan's international call prefix
        } else if compact.hasPrefix("00") {
            digits = compact.dropFirst(2)   // the international prefix most other countries use
        } else if compact.hasPrefix("0") {
            // Domestic: the trunk 0 plus 9 or 10 digits (10 only for 0X0 services, checked below).
            guard (10...11).contains(compact.count), compact.allSatisfy(\.isASCIIDigit) else { return nil }
            let e164 = "+81" + compact.dropFirst()
            return isValidE164(e164) ? e164 : nil
        } else {
            return nil  // no area code and no country code: cannot be matched reliably
        }
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        // "+81 03 …": a Japanese national number never starts with 0, so the stray trunk 0 is dropped.
        if digits.hasPrefix("810") { digits = "81" + digits.dropFirst(3) }
        let e164 = "+" + digits
        return isValidE164(e164) ? e164 : nil
    }

    /// Checked on bytes: every callback read from the database passes through here.
    private static func isValidE164(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let zero = UInt8(ascii: "0")
        guard bytes.first == UInt8(ascii: "+") else { return false }
        let digits = bytes.dropFirst()
        guard (7...15).contains(digits.count), digits.allSatisfy({ (zero...UInt8(ascii: "9")).contains($0) }),
              digits.first != zero else {
            return false
        }
        if digits.starts(with: "81".utf8) {
            let national = digits.dropFirst(2)
            guard (9...10).contains(national.count), national.first != zero else { return false }
            // Mobile, IP, M2M/pager and 0800 numbers (020, 050, 060, 070, 080, 090…) are exactly 11 digits
            // domestically, all others exactly 10: a digit too many or too few is a typo that would
            // relay a wrong callback number.
            let first = national[national.startIndex], second = national[national.startIndex + 1]
            let isElevenDigitService = "256789".utf8.contains(first) && second == zero
            return isElevenDigitService == (national.count == 10)
        }
        return true
    }
}
