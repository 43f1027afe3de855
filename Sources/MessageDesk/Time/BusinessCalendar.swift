import Foundation

/// When the office is open: a time zone, opening and closing wall-clock times, and the business weekdays.
///
/// All arithmetic is on wall-clock times in `timeZone`, so a business day keeps its hours across a
/// daylight-saving change. Instant → local day uses the zone's offset at that instant; local → instant
/// goes through a Gregorian `Calendar` in the zone.
public struct BusinessCalendar: Sendable, Equatable {
    /// The zone business hours are read in.
    public let timeZone: TimeZone
    /// Opening time (inclusive).
    public let opens: LocalTime
    /// Closing time (exclusive); always later than `opens`.
    public let closes: LocalTime
    /// The business weekdays; never empty.
    public let days: Set<Weekday>

    /// Derived from `timeZone` and immutable, so sharing it across threads is safe.
    private let calendar: Calendar

    /// A calendar; throws when `closes` is not after `opens` or `days` is empty.
    public init(timeZone: TimeZone, opens: LocalTime, closes: LocalTime, days: Set<Weekday>) throws(InputError) {
        guard closes > opens else {
            throw InputError("business hours \(opens)–\(closes) close before they open: give a closing time after the opening time, e.g. 09:00–18:00")
        }
        guard !days.isEmpty else {
            throw InputError("no business days given: name at least one, e.g. mon-fri")
        }
        self.init(unchecked: timeZone, opens: opens, closes: closes, days: days)
    }

    private init(unchecked timeZone: TimeZone, opens: LocalTime, closes: LocalTime, days: Set<Weekday>) {
        self.timeZone = timeZone
        self.opens = opens
        self.closes = closes
        self.days = days
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The documented default: Asia/Tokyo, 09:00–18:00, Monday to Friday.
    public static let standard = BusinessCalendar(
        unchecked: TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600)!,  // fixed +09:00 if tzdata is missing; Japan has no DST
        opens: LocalTime(hour: 9, minute: 0)!,
        closes: LocalTime(hour: 18, minute: 0)!,
        days: [.monday, .tuesday, .wednesday, .thursday, .friday])

    /// Equal when the zone, hours and days are equal (the cached `Calendar` is derived from them).
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZone == rhs.timeZone && lhs.opens == rhs.opens && lhs.closes == rhs.closes && lhs.days == rhs.days
    }

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
        // Days is non-empty, so a business day with an opening still ahead comes within 8 days;
        // the bound is generous for zones that once skipped a calendar day.
        for offset in 0..<15 {
            guard let hours = hours(on: today.adding(days: offset)) else { continue }
            if date < hours.open { return hours.open }
            if date < hours.close { return date }
        }
        return date  // unreachable with a non-empty set of days
    }

    /// The closing of `date`'s day if it is a business day not yet closed (even before opening), else the next business day's closing.
    public func endOfBusinessDay(for date: Date) -> Date {
        let today = localDay(of: date)
        for offset in 0..<15 {
            guard let hours = hours(on: today.adding(days: offset)) else { continue }
            if date < hours.close { return hours.close }
        }
        return date  // unreachable with a non-empty set of days
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
            cursor = nextOpening(atOrAfter: close)
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

    /// A business day's opening and closing; nil on other days, and on a day whose hours a DST change
    /// swallows entirely (open must precede close, or the walks above could stall).
    private func hours(on day: CivilDate) -> (open: Date, close: Date)? {
        guard let weekday = Weekday(rawValue: day.weekdayNumber), days.contains(weekday) else { return nil }
        let open = instant(on: day, at: opens)
        let close = instant(on: day, at: closes)
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
