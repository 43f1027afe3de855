import Foundation

/// A calendar month in the business time zone, and the instants it spans: [start, end), local midnights.
public struct LocalMonth: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let start: Date
    public let end: Date

    init(year: Int, month: Int, calendar: BusinessCalendar) {
        (self.year, self.month) = (year, month)
        start = LocalDay(CivilDate(year: year, month: month, day: 1), calendar: calendar).start
        let next = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
        end = LocalDay(next, calendar: calendar).start
    }

    /// The same month in `zone`: from its 1st at midnight there to the next 1st.
    public func inTimeZone(_ zone: TimeZone) -> LocalMonth {
        LocalMonth(year: year, month: month, calendar: BusinessCalendar.standard.with(timeZone: zone))
    }

    /// The month that contains `instant`.
    public init(containing instant: Date, calendar: BusinessCalendar) {
        let day = calendar.localDay(of: instant)
        self.init(year: day.year, month: day.month, calendar: calendar)
    }

    /// Reads `2026-11` (full-width digits work).
    public init(parsing text: String, calendar: BusinessCalendar) throws(InputError) {
        let bytes = Array(text.precomposedStringWithCompatibilityMapping.trimmed.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = ASCII.number(bytes[0..<4]), let month = ASCII.number(bytes[5..<7]),
              (1...12).contains(month), year >= 1970 else {
            throw InputError("\(InputError.quoted(text)) is not a month; write it as YYYY-MM, e.g. 2026-11")
        }
        self.init(year: year, month: month, calendar: calendar)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}
