import Foundation

/// The days `desk calendar` lists: a year or a month, this year when neither is given.
public struct CalendarPeriod: Sendable, Equatable, CustomStringConvertible {
    let first: CivilDate
    let last: CivilDate
    /// "2026" or "2026-08".
    public let description: String

    /// The year the period is in.
    public var year: Int { first.year }

    /// From `--year 2026` or `--month 2026-08` (at most one; full-width digits too); this year when neither.
    public init(year: String?, month: String?, now: Date, calendar: BusinessCalendar) throws(InputError) {
        switch (year, month) {
        case (.some, .some):
            throw InputError("give --year or --month, not both")
        case (let year?, nil):
            guard let number = Self.year(year) else {
                throw InputError("\(InputError.quoted(year)) is not a year: use four digits, e.g. 2026")
            }
            try Self.checkHolidaysKnown(number)
            self.init(year: number)
        case (nil, let month?):
            let parts = month.precomposedStringWithCompatibilityMapping.trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let year = Self.year(String(parts[0])), (1...2).contains(parts[1].count),
                  let number = ASCII.number(Array(parts[1].utf8)), (1...12).contains(number)
            else {
                throw InputError("\(InputError.quoted(month)) is not a month: use YYYY-MM, e.g. 2026-08")
            }
            try Self.checkHolidaysKnown(year)
            let first = CivilDate(year: year, month: number, day: 1)
            self.init(first: first, last: CivilDate(year: year, month: number, day: CivilDate.daysInMonth(year: year, month: number)),
                      description: String(first.isoString.prefix(7)))
        case (nil, nil):
            let year = calendar.localDay(of: now).year
            try Self.checkHolidaysKnown(year)
            self.init(year: year)
        }
    }

    /// Refuses a year the national holidays are not known for: its listing would show them as working days.
    private static func checkHolidaysKnown(_ year: Int) throws(InputError) {
        let years = JapaneseHolidays.supportedYears
        guard years.contains(year) else {
            throw InputError("\(year) is outside the years whose national holidays are known: give a year from \(years.lowerBound) to \(years.upperBound)")
        }
    }

    private init(year: Int) {
        let first = CivilDate(year: year, month: 1, day: 1)
        self.init(first: first, last: CivilDate(year: year, month: 12, day: 31), description: String(first.isoString.prefix(4)))
    }

    private init(first: CivilDate, last: CivilDate, description: String) {
        (self.first, self.last, self.description) = (first, last, description)
    }

    private static func year(_ text: String) -> Int? {
        let bytes = Array(text.precomposedStringWithCompatibilityMapping.trimmed.utf8)
        guard bytes.count == 4, let year = ASCII.number(bytes), year >= 1000 else { return nil }
        return year
    }
}

/// One day of a `desk calendar` listing.
public struct CalendarDay: Sendable, Equatable {
    public let day: LocalDay
    public let office: OfficeDay
    /// The national holiday on the day when the office observes them, whether it closes the day or the
    /// office opened on it; nil otherwise.
    public let holiday: NationalHoliday?
    /// False when the calendar changes the day (a holiday, a closure, or a date opened); true when it is
    /// as its weekday always is.
    public let isUsual: Bool
}

extension BusinessCalendar {
    /// Every day of `period`, with what the office does on it.
    public func days(in period: CalendarPeriod) -> [CalendarDay] {
        days(from: period.first, through: period.last)
    }

    /// The days from `start`'s local day through `last`'s that the office's calendar closes (a closure, and
    /// whatever else is not the weekday's usual rest): what a simulated run passes over, and why.
    func closedDays(from start: Date, through last: Date) -> [CalendarDay] {
        days(from: localDay(of: start), through: localDay(of: last)).filter { day in
            if case .closed = day.office { return !day.isUsual }
            return false
        }
    }

    /// Every day from `first` through `last` (none when `last` is earlier).
    func days(from first: CivilDate, through last: CivilDate) -> [CalendarDay] {
        guard first.dayNumber <= last.dayNumber else { return [] }
        return (first.dayNumber...last.dayNumber).map { number in
            let date = CivilDate(dayNumber: number)
            let office = officeDay(on: date)
            let weekday = Weekday(rawValue: date.weekdayNumber) ?? .sunday  // weekdayNumber is always 1...7
            let usual: OfficeDay = hours(of: weekday).map(OfficeDay.open) ?? .closed(.weekday)
            return CalendarDay(day: LocalDay(date, calendar: self), office: office, holiday: holiday(on: date),
                               isUsual: office == usual && !isOpenedDate(date))
        }
    }
}
