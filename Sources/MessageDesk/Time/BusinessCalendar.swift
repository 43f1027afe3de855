import Foundation

/// When the office is open: a time zone, the usual hours on the business weekdays, and the office's own
/// calendar over them — its year-end closure, the closures, opened dates and weekday hours of `desk calendar`.
///
/// One day is read in this order (`officeDay`): a date the office opened (with its own hours, or the
/// day's usual ones); else a national holiday, when the office observes them; else a closure that covers
/// it; else its weekday's hours — a weekday entry's, or `opens`–`closes` on `days` (the settings
/// `business_hours` and `business_days`); a weekday with no hours is closed. Everything that counts
/// business time goes through `hours(on:)`, so it all follows.
///
/// The holidays are those of `JapaneseHolidays`, 1973–2099. Outside those years no holiday is known, and
/// the days follow the closures and the weekly hours alone.
///
/// All arithmetic is on wall-clock times in `timeZone`, so a business day keeps its hours across a
/// daylight-saving change. Instant → local day uses the zone's offset at that instant; local → instant
/// goes through a Gregorian `Calendar` in the zone.
public struct BusinessCalendar: Sendable, Equatable {
    /// The zone business hours are read in.
    public let timeZone: TimeZone
    /// Usual opening time (inclusive), the setting `business_hours`.
    public let opens: LocalTime
    /// Usual closing time (exclusive); always later than `opens`.
    public let closes: LocalTime
    /// The usual business weekdays, the setting `business_days`; never empty. Weekday entries override them.
    public let days: Set<Weekday>
    /// The closure that comes back every year (the setting `year_end_closure`, default 年末年始 12-29..01-03); nil when removed.
    public let yearEndClosure: ClosedSpan?
    /// The office's own entries (`desk calendar close/open/hours`), oldest first.
    public let entries: [CalendarEntry]
    /// Whether national holidays close the office (the setting `national_holidays`, default on); a date the
    /// office opened stays open either way.
    public let observesNationalHolidays: Bool

    /// Derived from `timeZone` and immutable, so sharing it across threads is safe.
    private let calendar: Calendar
    /// Each weekday's hours, indexed by `Weekday.rawValue` (index 0 unused); nil when the weekday is closed.
    private let weekly: [BusinessHours?]
    /// Opened dates by day number: their own hours, or nil for the day's usual ones.
    private let opened: [Int: BusinessHours?]
    /// Every closure with its note, the year-end one first.
    private let closures: [(span: ClosedSpan, note: String)]

    /// The note of the year-end closure.
    public static let yearEndNote = "年末年始"

    /// A calendar; throws when `closes` is not after `opens` or `days` is empty.
    public init(timeZone: TimeZone, opens: LocalTime, closes: LocalTime, days: Set<Weekday>,
                yearEndClosure: ClosedSpan? = .yearEnd, entries: [CalendarEntry] = [],
                observesNationalHolidays: Bool = true) throws(InputError) {
        guard closes > opens else {
            throw InputError("business hours \(opens)–\(closes) close before they open: give a closing time after the opening time, e.g. 09:00–18:00")
        }
        guard !days.isEmpty else {
            throw InputError("no business days given: name at least one, e.g. mon-fri")
        }
        self.init(unchecked: timeZone, opens: opens, closes: closes, days: days, yearEndClosure: yearEndClosure,
                  entries: entries, observesNationalHolidays: observesNationalHolidays)
    }

    private init(unchecked timeZone: TimeZone, opens: LocalTime, closes: LocalTime, days: Set<Weekday>,
                 yearEndClosure: ClosedSpan?, entries: [CalendarEntry], observesNationalHolidays: Bool) {
        self.timeZone = timeZone
        self.opens = opens
        self.closes = closes
        self.days = days
        self.yearEndClosure = yearEndClosure
        self.entries = entries
        self.observesNationalHolidays = observesNationalHolidays
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        let usual = BusinessHours(unchecked: opens, closes)
        var weekly: [BusinessHours?] = [nil] + (1...7).map { days.contains(Weekday(rawValue: $0) ?? .sunday) ? usual : nil }
        var opened: [Int: BusinessHours?] = [:]
        var closures: [(span: ClosedSpan, note: String)] = yearEndClosure.map { [($0, Self.yearEndNote)] } ?? []
        for entry in entries {
            switch entry.change {
            case .closed(let span, let note): closures.append((span, note))
            case .opened(let date, let hours): opened[date.date.dayNumber] = .some(hours)
            case .weekday(let weekday, let hours): weekly[weekday.rawValue] = hours
            }
        }
        self.weekly = weekly
        self.opened = opened
        self.closures = closures
    }

    /// The documented default: Asia/Tokyo, 09:00–18:00, Monday to Friday, closed 12-29..01-03 every year
    /// and on the national holidays.
    public static let standard = BusinessCalendar(
        unchecked: TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600)!,  // fixed +09:00 if tzdata is missing; Japan has no DST
        opens: LocalTime(hour: 9, minute: 0)!,
        closes: LocalTime(hour: 18, minute: 0)!,
        days: [.monday, .tuesday, .wednesday, .thursday, .friday],
        yearEndClosure: .yearEnd, entries: [], observesNationalHolidays: true)

    /// The same calendar with the office's entries replaced by `entries`.
    public func with(entries: [CalendarEntry]) -> BusinessCalendar {
        BusinessCalendar(unchecked: timeZone, opens: opens, closes: closes, days: days, yearEndClosure: yearEndClosure,
                         entries: entries, observesNationalHolidays: observesNationalHolidays)
    }

    /// The same calendar read in `zone` (an account's own, for its usage months).
    public func with(timeZone zone: TimeZone) -> BusinessCalendar {
        BusinessCalendar(unchecked: zone, opens: opens, closes: closes, days: days, yearEndClosure: yearEndClosure,
                         entries: entries, observesNationalHolidays: observesNationalHolidays)
    }

    /// Equal when everything it was made from is equal (the lookups and the cached `Calendar` are derived from it).
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZone == rhs.timeZone && lhs.opens == rhs.opens && lhs.closes == rhs.closes && lhs.days == rhs.days
            && lhs.yearEndClosure == rhs.yearEndClosure && lhs.entries == rhs.entries
            && lhs.observesNationalHolidays == rhs.observesNationalHolidays
    }

    // MARK: The office's days

    /// What the office does on `day`: its hours, or why it is closed.
    public func officeDay(_ day: LocalDay) -> OfficeDay {
        officeDay(on: day.date)
    }

    /// A weekday's hours (a weekday entry's, else the usual hours on a business day); nil when that weekday is closed.
    public func hours(of weekday: Weekday) -> BusinessHours? {
        weekly[weekday.rawValue]
    }

    /// The national holiday on `date` when the office observes them; nil on other days, and on every day when it does not.
    func holiday(on date: CivilDate) -> NationalHoliday? {
        holiday(onDayNumber: date.dayNumber)
    }

    private func holiday(onDayNumber dayNumber: Int) -> NationalHoliday? {
        observesNationalHolidays ? JapaneseHolidays.holiday(onDayNumber: dayNumber) : nil
    }

    /// True when `date` is one the office opened with `desk calendar open` or `hours DATE`.
    func isOpenedDate(_ date: CivilDate) -> Bool {
        opened[date.dayNumber] != nil
    }

    func officeDay(on date: CivilDate) -> OfficeDay {
        let weekday = Weekday(rawValue: date.weekdayNumber) ?? .sunday  // weekdayNumber is always 1...7
        let dayNumber = date.dayNumber
        if let hours = opened[dayNumber] {
            return .open(hours ?? weekly[weekday.rawValue] ?? BusinessHours(unchecked: opens, closes))
        }
        if let holiday = holiday(onDayNumber: dayNumber) {
            return .closed(.holiday(holiday))
        }
        if let closure = closures.first(where: { $0.span.contains(date) }) {
            return .closed(.closed(note: closure.note))
        }
        guard let hours = weekly[weekday.rawValue] else { return .closed(.weekday) }
        return .open(hours)
    }

    /// How many days ahead the walks below look for an open day: past any closure an office plausibly has.
    /// A calendar closed for longer counts no business time, and the walks stop there.
    static let searchDays = 2 * 366 + 15

    // MARK: Business hours

    /// True when `date` is within opening (inclusive) and closing (exclusive) on a business day.
    public func isBusinessTime(_ date: Date) -> Bool {
        guard let hours = hours(on: localDay(of: date)) else { return false }
        return hours.open <= date && date < hours.close
    }

    /// The opening instant on the local day of `date`; nil when that day is not a business day.
    public func opening(onDayOf date: Date) -> Date? {
        hours(on: localDay(of: date))?.open
    }

    /// The closing instant on the local day of `date`; nil when that day is not a business day.
    public func closing(onDayOf date: Date) -> Date? {
        hours(on: localDay(of: date))?.close
    }

    /// `date` itself inside business hours, else the next opening after it.
    public func nextOpening(atOrAfter date: Date) -> Date {
        let today = localDay(of: date)
        for offset in 0..<Self.searchDays {
            guard let hours = hours(on: today.adding(days: offset)) else { continue }
            if date < hours.open { return hours.open }
            if date < hours.close { return date }
        }
        return date  // closed for longer than the search: no business time ahead
    }

    /// The closing of `date`'s day if it is a business day not yet closed (even before opening), else the next business day's closing.
    public func endOfBusinessDay(for date: Date) -> Date {
        let today = localDay(of: date)
        for offset in 0..<Self.searchDays {
            guard let hours = hours(on: today.adding(days: offset)) else { continue }
            if date < hours.close { return hours.close }
        }
        return date  // closed for longer than the search: no business time ahead
    }

    /// The instant `businessMinutes` of business time after `date`, counting from the next opening when `date` is outside hours.
    ///
    /// A span that ends exactly at closing gives the closing time (09:00 + 540 min = 18:00 the same day).
    /// Negative minutes count as 0; more than 100 years' worth are capped so the walk stays bounded.
    public func adding(businessMinutes: Int, to date: Date) -> Date {
        var remaining = TimeInterval(min(max(businessMinutes, 0), 100 * 366 * 24 * 60) * 60)
        var cursor = nextOpening(atOrAfter: date)
        while true {
            guard let close = closing(onDayOf: cursor) else { return cursor }  // cursor is always in business time
            let available = close.timeIntervalSince(cursor)
            if remaining <= available { return cursor.addingTimeInterval(remaining) }
            remaining -= available
            let next = nextOpening(atOrAfter: close)
            guard next > close else { return close }  // closed past the search: no business time ahead
            cursor = next
        }
    }

    /// Whole minutes of business time in [from, to); 0 when `to` is not after `from`. Walks day by day, not minute by minute.
    public func businessMinutes(from: Date, to: Date) -> Int {
        guard from < to else { return 0 }
        var seconds: TimeInterval = 0
        var day = localDay(of: from)
        let lastDay = localDay(of: to)
        while day.dayNumber <= lastDay.dayNumber {
            if let hours = hours(on: day) {
                let start = max(from, hours.open)
                let end = min(to, hours.close)
                if start < end { seconds += end.timeIntervalSince(start) }
            }
            day = day.adding(days: 1)
        }
        // Tiny epsilon: sub-second Date arithmetic must not turn 60.0 s into 59.999… s and lose a minute.
        return Int((seconds + 1e-6) / 60)
    }

    // MARK: Local days

    /// The first instant of `date`'s local day (usually 00:00; later on days whose midnight a DST change skips).
    public func startOfDay(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    /// The local date of `date`, "2026-11-22".
    public func dayString(_ date: Date) -> String {
        localDay(of: date).isoString
    }

    /// The local wall-clock time of `date`, "15:00".
    public func timeString(_ date: Date) -> String {
        localTime(of: date).description
    }

    /// The local calendar date of an instant, from the zone's offset at that instant.
    func localDay(of date: Date) -> CivilDate {
        wallClock(of: date).day
    }

    /// The local wall-clock time of an instant, to the minute.
    func localTime(of date: Date) -> LocalTime {
        let secondOfDay = wallClock(of: date).secondOfDay
        return LocalTime(hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60)!
    }

    private func localSeconds(of date: Date) -> Int {
        Timestamp.wholeSeconds(date) + timeZone.secondsFromGMT(for: date)
    }

    /// The instant of a wall-clock time on a local day. A time that a DST change skips resolves
    /// forward (02:30 on a spring-forward night becomes 03:30), as `Calendar` does.
    func instant(on day: CivilDate, at time: LocalTime, second: Int = 0) -> Date {
        let components = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute, second: second)
        if let date = calendar.date(from: components) { return date }
        // Calendar only fails for absurd years; fall back to the offset at the naive UTC reading.
        let naive = Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + time.minutesSinceMidnight * 60 + second))
        return naive.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: naive)))
    }

    /// The local wall-clock reading of an instant, to the second; used to detect times a DST change skips.
    func wallClock(of date: Date) -> (day: CivilDate, secondOfDay: Int) {
        let local = localSeconds(of: date)
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        return (CivilDate(dayNumber: (local - secondOfDay) / 86_400), secondOfDay)
    }

    /// An open day's opening and closing instants; nil on a closed day, and on a day whose hours a DST
    /// change swallows entirely (open must precede close, or the walks above could stall).
    private func hours(on day: CivilDate) -> (open: Date, close: Date)? {
        guard case .open(let hours) = officeDay(on: day) else { return nil }
        let open = instant(on: day, at: hours.opens)
        let close = instant(on: day, at: hours.closes)
        return open < close ? (open, close) : nil
    }
}

extension CivilDate {
    /// The date `days` later (earlier when negative).
    func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }
}

extension BusinessCalendar {
    /// The same wall-clock time `days` calendar days later in the zone (23 or 25 hours across a DST change).
    func adding(calendarDays days: Int, to date: Date) -> Date {
        guard days != 0 else { return date }
        return calendar.date(byAdding: .day, value: days, to: date)
            ?? date.addingTimeInterval(TimeInterval(days * 86_400))  // Calendar fails only for absurd years
    }
}
