/// The days one closure covers: a dated range (`2026-08-13..2026-08-16`, or one date), or the same
/// days every year (`12-29..01-03`, which runs over the new year when it ends before it starts).
public struct ClosedSpan: Sendable, Hashable, CustomStringConvertible {
    /// A month and day without a year, for closures that come back every year.
    struct MonthDay: Hashable, Comparable, Sendable {
        let month: Int
        let day: Int

        static func < (lhs: MonthDay, rhs: MonthDay) -> Bool {
            (lhs.month, lhs.day) < (rhs.month, rhs.day)
        }

        /// "12-29".
        var text: String {
            var bytes: [UInt8] = []
            ASCII.append2(month, to: &bytes)
            bytes.append(ASCII.hyphen)
            ASCII.append2(day, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    enum Days: Hashable, Sendable {
        /// From `first` to `last`, both included; `last` is never before `first`.
        case dated(first: CivilDate, last: CivilDate)
        /// From `first` to `last` every year, both included; over the new year when `last < first`.
        case yearly(first: MonthDay, last: MonthDay)
    }

    let days: Days

    /// The documented default year-end closure, 年末年始: 29 December to 3 January every year.
    public static let yearEnd = ClosedSpan(days: .yearly(first: MonthDay(month: 12, day: 29), last: MonthDay(month: 1, day: 3)))

    init(days: Days) {
        self.days = days
    }

    /// Reads `2026-08-13..2026-08-16`, `2026-08-13`, `12-29..01-03` or `05-01` (full-width digits too).
    public init(parsing text: String) throws(InputError) {
        let normalized = text.precomposedStringWithCompatibilityMapping.trimmed
        let ends = normalized.components(separatedBy: "..")
        guard ends.count == 1 || ends.count == 2 else {
            throw InputError("\(InputError.quoted(text)) is not a day or a range of days: use 2026-08-13, 2026-08-13..2026-08-16, or 12-29..01-03 for every year")
        }
        let first = try Self.end(ends[0], of: text)
        let last = ends.count == 2 ? try Self.end(ends[1], of: text) : first
        switch (first, last) {
        case (.date(let first), .date(let last)):
            guard last.dayNumber >= first.dayNumber else {
                throw InputError("\(InputError.quoted(text)) ends before it starts: give the first day first, e.g. \(last.isoString)..\(first.isoString)")
            }
            days = .dated(first: first, last: last)
        case (.monthDay(let first), .monthDay(let last)):
            days = .yearly(first: first, last: last)
        default:
            throw InputError("\(InputError.quoted(text)) mixes a date with a day of every year: give both ends with a year (2026-12-29..2027-01-03) or both without (12-29..01-03)")
        }
    }

    private enum End {
        case date(CivilDate)
        case monthDay(MonthDay)
    }

    /// One end: `YYYY-MM-DD` or `MM-DD`, a day that exists (02-29 exists in leap years, so every year may name it).
    private static func end(_ part: String, of text: String) throws(InputError) -> End {
        let bytes = Array(part.utf8)
        if bytes.count == 10, bytes[4] == ASCII.hyphen, bytes[7] == ASCII.hyphen,
           let year = ASCII.number(bytes[0..<4]), let month = ASCII.number(bytes[5..<7]), let day = ASCII.number(bytes[8..<10]) {
            guard let date = CivilDate.valid(year: year, month: month, day: day) else {
                throw InputError("\(InputError.quoted(part)) is not a date that exists: use YYYY-MM-DD, e.g. 2026-08-13")
            }
            return .date(date)
        }
        if bytes.count == 5, bytes[2] == ASCII.hyphen, let month = ASCII.number(bytes[0..<2]), let day = ASCII.number(bytes[3..<5]) {
            guard CivilDate.valid(year: 2000, month: month, day: day) != nil else {
                throw InputError("\(InputError.quoted(part)) is not a day of the year: use MM-DD, e.g. 12-29")
            }
            return .monthDay(MonthDay(month: month, day: day))
        }
        throw InputError("\(InputError.quoted(text)) is not a day or a range of days: use 2026-08-13, 2026-08-13..2026-08-16, or 12-29..01-03 for every year")
    }

    /// True when the closure covers `date`.
    func contains(_ date: CivilDate) -> Bool {
        switch days {
        case .dated(let first, let last):
            return first.dayNumber <= date.dayNumber && date.dayNumber <= last.dayNumber
        case .yearly(let first, let last):
            let day = MonthDay(month: date.month, day: date.day)
            return first <= last ? (first <= day && day <= last) : (first <= day || day <= last)
        }
    }

    /// True for a closure that comes back every year.
    public var isYearly: Bool {
        if case .yearly = days { return true }
        return false
    }

    /// The stored ends: `2026-08-13` or `12-29`.
    var firstText: String {
        switch days {
        case .dated(let first, _): first.isoString
        case .yearly(let first, _): first.text
        }
    }

    var lastText: String {
        switch days {
        case .dated(_, let last): last.isoString
        case .yearly(_, let last): last.text
        }
    }

    /// The dates of a dated closure (nil for a yearly one), to find the opened dates it covers.
    var datedRange: ClosedRange<Int>? {
        if case .dated(let first, let last) = days { return first.dayNumber...last.dayNumber }
        return nil
    }

    /// As typed: "2026-08-13..2026-08-16", "2026-08-13", "12-29..01-03".
    public var description: String {
        firstText == lastText ? firstText : "\(firstText)..\(lastText)"
    }
}
