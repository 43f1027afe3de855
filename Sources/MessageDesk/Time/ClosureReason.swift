/// Why the office is closed on a day.
///
/// A day can be closed for several reasons at once; `BusinessCalendar.officeDay` gives the first of: a
/// national holiday, one of the office's closures, a weekday without hours. So 元日 inside 年末年始 reads
/// as 元日 (the day's own name), and a holiday on a Sunday as the holiday.
public enum ClosureReason: Sendable, Equatable {
    /// A national holiday (国民の祝日, 振替休日, 国民の休日) the office observes (`national_holidays`, default on).
    case holiday(NationalHoliday)
    /// One of the office's own closures (the year-end one included), with its note; empty when none was given.
    case closed(note: String)
    /// Its weekday has no hours (`business_days`, or `desk calendar hours WEEKDAY closed`).
    case weekday
}

/// What the office does on one day: opens with these hours, or stays closed, and why.
public enum OfficeDay: Sendable, Equatable {
    case open(BusinessHours)
    case closed(ClosureReason)
}
