/// One day's opening (inclusive) and closing (exclusive) wall-clock times; closing is always after opening.
public struct BusinessHours: Sendable, Hashable, CustomStringConvertible {
    public let opens: LocalTime
    public let closes: LocalTime

    /// The hours; throws when `closes` is not after `opens`.
    public init(opens: LocalTime, closes: LocalTime) throws(InputError) {
        guard closes > opens else {
            throw InputError("\(opens)-\(closes) ends before it starts: give the closing time after the opening time, e.g. 09:00-12:00")
        }
        self.opens = opens
        self.closes = closes
    }

    /// Hours already known to close after they open.
    init(unchecked opens: LocalTime, _ closes: LocalTime) {
        self.opens = opens
        self.closes = closes
    }

    /// Reads `09:00-12:00` (full-width digits and `〜` too).
    public init(parsing text: String) throws(InputError) {
        let normalized = text.precomposedStringWithCompatibilityMapping.trimmed
            .replacingOccurrences(of: "〜", with: "-").replacingOccurrences(of: "~", with: "-")
        let ends = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, let opens = LocalTime.parseClock(Array(ends[0].utf8)),
              let closes = LocalTime.parseClock(Array(ends[1].utf8))
        else {
            throw InputError("\(InputError.quoted(text)) is not hours: use HH:MM-HH:MM, e.g. 09:00-12:00")
        }
        try self.init(opens: opens, closes: closes)
    }

    /// "09:00-12:00".
    public var description: String { "\(opens)-\(closes)" }
}
