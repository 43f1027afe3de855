import Foundation

/// A calendar date in the business time zone, and the instants it spans: from its local midnight up
/// to (not including) the next one — 24 hours, or 23 or 25 across a daylight-saving change.
public struct LocalDay: Sendable, Equatable, CustomStringConvertible {
    let date: CivilDate
    /// The first instant of the day (local midnight; later on a day whose midnight a DST change skips).
    public let start: Date
    /// The first instant of the next day; the day is [start, end).
    public let end: Date

    init(_ date: CivilDate, calendar: BusinessCalendar) {
        self.date = date
        start = calendar.instant(on: date, at: Self.midnight)
        end = calendar.instant(on: date.adding(days: 1), at: Self.midnight)
    }

    private static let midnight = LocalTime(hour: 0, minute: 0)!  // a constant in range

    /// The local day that contains `instant`.
    public init(containing instant: Date, calendar: BusinessCalendar) {
        self.init(calendar.localDay(of: instant), calendar: calendar)
    }

    /// Reads a day as people type it: `2026-11-20`, `today` or `yesterday` (`今日`, `昨日`), the
    /// last two counted in calendar days from `now` in the business zone. Full-width digits work.
    public init(parsing text: String, now: Date, calendar: BusinessCalendar) throws(InputError) {
        let normalized = text.precomposedStringWithCompatibilityMapping
            .trimmed.lowercased()
        let today = calendar.localDay(of: now)
        switch normalized {
        case "today", "今日", "きょう":
            self.init(today, calendar: calendar)
        case "yesterday", "昨日", "きのう":
            self.init(today.adding(days: -1), calendar: calendar)
        default:
            let bytes = Array(normalized.utf8)
            guard bytes.count == 10, bytes[4] == ASCII.hyphen, bytes[7] == ASCII.hyphen,
                  let year = ASCII.number(bytes[0..<4]), let month = ASCII.number(bytes[5..<7]),
                  let day = ASCII.number(bytes[8..<10]),
                  let date = CivilDate.valid(year: year, month: month, day: day)
            else {
                throw InputError("\(InputError.quoted(text)) is not a day: use YYYY-MM-DD (2026-11-20), today or yesterday")
            }
            self.init(date, calendar: calendar)
        }
    }

    /// "2026-11-20".
    public var description: String { date.isoString }

    /// The day of the week.
    public var weekday: Weekday {
        Weekday(rawValue: date.weekdayNumber) ?? .sunday  // weekdayNumber is always 1...7
    }
}
