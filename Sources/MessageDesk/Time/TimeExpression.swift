import Foundation

/// How people type times at the desk: `15:00`, `15時`, `午後3時`, `+30m`, `明日`, `明日10時`, `月曜`, `11/24 15:00`,
/// `tomorrow 10:00`, ISO-8601.
///
/// Clock times and local date-times are read in the business time zone. Past times are returned as
/// they are: whether the past is allowed is the caller's decision.
public enum TimeExpression {
    /// The instant `text` names relative to `now`; throws `InputError` naming the accepted forms.
    ///
    /// - `15:00`, `9:30`, `15時`, `15時半`, `15時30分`, `午後3時`, `午前10時`: today (in the business zone) at that time.
    /// - `+30m`, `+2h`, `+1d`, `+1h30m`: that long after `now`; must be positive. A day is a calendar day
    ///   (same wall-clock time tomorrow, 23 or 25 hours across a DST change), hours and minutes are elapsed time.
    /// - A day, then optionally `の` and a clock time: `今日`, `明日`, `明後日` (`today`, `tomorrow`) are calendar
    ///   days; `月曜`, `月曜日` (`monday`, `mon`) the next such day after today, refused on that weekday itself;
    ///   `来週月曜` that day of next week; `11/24` the next 11/24 that is not past (today counts); `2026/11/24`.
    /// - A day alone: the end of that business day, or of the next open day when the office is closed that day.
    /// - `今日中`, `明日中`: the end of that business day; refused when the office is closed that day.
    /// - `2026-11-24T10:00+09:00`, `2026-11-24T01:00:00Z`: an exact instant.
    /// - `2026-11-24 10:00`, `2026-11-24T10:00`: a wall-clock time in the business zone.
    ///
    /// Input is NFKC-normalised first, so full-width `１５：００` and `１１／２４` typed through a Japanese IME work.
    public static func parse(_ text: String, now: Date, calendar: BusinessCalendar) throws(InputError) -> Date {
        let failure = InputError(
            "\(InputError.quoted(text)) is not a time: use 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 11/24 15:00, tomorrow 10:00 or ISO-8601 (2026-11-24T10:00+09:00)")
        let normalized = text.precomposedStringWithCompatibilityMapping
            .trimmed
            .lowercased()
        let bytes = Array(normalized.utf8)
        guard !bytes.isEmpty else { throw failure }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            if bytes[0] == ASCII.plus {
                guard let date = duration(bytes.dropFirst(), after: now, calendar: calendar) else { throw failure }
                return date
            }
            if bytes.count >= 10, bytes[4] == ASCII.hyphen {
                return try dateTime(bytes, calendar: calendar, text: text, failure: failure)
            }
        }
        return try spoken(Substring(normalized), now: now, calendar: calendar, text: text, failure: failure)
    }

    /// A day, a clock time, or a day then `の` and a clock time, as people say them (`SpokenDay`, `SpokenClock`).
    private static func spoken(_ normalized: Substring, now: Date, calendar: BusinessCalendar, text: String,
                               failure: InputError) throws(InputError) -> Date {
        let today = calendar.localDay(of: now)
        guard let (day, afterDay) = SpokenDay.take(from: normalized) else {
            guard let time = try SpokenClock.parse(normalized, typed: text) else { throw failure }
            return try wallClock(day: today, time: time, second: 0, calendar: calendar, text: text)
        }
        var clock = afterDay.drop(while: { $0 == " " })
        if clock.first == "の" {
            clock = clock.dropFirst().drop(while: { $0 == " " })
            guard !clock.isEmpty else { throw failure }
        }
        if clock.isEmpty {
            let date = try day.date(from: today, typed: text, rest: afterDay)
            return calendar.endOfBusinessDay(for: LocalDay(date, calendar: calendar).start)
        }
        if clock == "中" {
            let date = try day.date(from: today, typed: text, rest: afterDay)
            let start = LocalDay(date, calendar: calendar).start
            guard let closing = calendar.closing(onDayOf: start) else {
                let open = calendar.localDay(of: calendar.endOfBusinessDay(for: start))
                throw InputError(
                    "\(InputError.quoted(text)) cannot be met: the office is closed on \(date.isoString); write \(open.month)/\(open.day) for the end of the next open day, or a time such as \(day.word) 15時")
            }
            return closing
        }
        guard let time = try SpokenClock.parse(clock, typed: text) else { throw failure }
        let date = try day.date(from: today, typed: text, rest: afterDay)
        return try wallClock(day: date, time: time, second: 0, calendar: calendar, text: text)
    }

    /// `1d2h30m` with the units in that order, each at most once; nil when malformed or not positive.
    private static func duration(_ bytes: ArraySlice<UInt8>, after now: Date, calendar: BusinessCalendar) -> Date? {
        var amounts: [UInt8: Int] = [:]
        var index = bytes.startIndex
        var allowedUnits: [UInt8] = [UInt8(ascii: "d"), UInt8(ascii: "h"), UInt8(ascii: "m")]
        while index < bytes.endIndex {
            let digitsEnd = bytes[index...].firstIndex(where: { $0 < ASCII.zero || $0 > ASCII.nine }) ?? bytes.endIndex
            // At most 6 digits: enough for any real delay, and no overflow in the arithmetic below.
            guard digitsEnd > index, digitsEnd - index <= 6, digitsEnd < bytes.endIndex,
                  let amount = ASCII.number(bytes[index..<digitsEnd]),
                  let unitPosition = allowedUnits.firstIndex(of: bytes[digitsEnd])
            else { return nil }
            amounts[bytes[digitsEnd]] = amount
            allowedUnits.removeFirst(unitPosition + 1)  // later units only: "30m2h" is refused
            index = digitsEnd + 1
        }
        let days = amounts[UInt8(ascii: "d")] ?? 0
        let seconds = (amounts[UInt8(ascii: "h")] ?? 0) * 3600 + (amounts[UInt8(ascii: "m")] ?? 0) * 60
        guard days > 0 || seconds > 0 else { return nil }
        return calendar.adding(calendarDays: days, to: now).addingTimeInterval(TimeInterval(seconds))
    }

    /// An exact instant written in ISO-8601 with its zone — `2026-11-24T10:00:00+09:00`, `2026-11-24T01:00:00Z`,
    /// fractional seconds allowed (`2026-11-24T01:00:00.250Z`); nil for anything else, a zone-less time included.
    /// For clocks set from outside (`DESK_NOW`), where "now" cannot be relative to anything.
    public static func instant(_ text: String) -> Date? {
        let bytes = text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        guard let parts = dateTimeParts(bytes), !parts.zone.isEmpty,
              let offset = offsetSeconds(parts.zone)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(parts.localSeconds - offset) + parts.fraction)
    }

    /// `YYYY-MM-DD` then `t` or a space, `HH:MM[:SS[.fraction]]`, then what is left (a zone, or nothing);
    /// `bytes` lowercased. Nil when the date or the time is malformed.
    private static func dateTimeParts(_ bytes: [UInt8])
        -> (civil: CivilDate, time: LocalTime, second: Int, fraction: Double, zone: ArraySlice<UInt8>, localSeconds: Int)? {
        guard bytes.count >= 16, bytes[4] == ASCII.hyphen, bytes[7] == ASCII.hyphen,
              bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == ASCII.colon,
              let year = ASCII.number(bytes[0..<4]), let month = ASCII.number(bytes[5..<7]),
              let day = ASCII.number(bytes[8..<10]),
              let hour = ASCII.number(bytes[11..<13]), let minute = ASCII.number(bytes[14..<16]),
              let civil = CivilDate.valid(year: year, month: month, day: day),
              let time = LocalTime(hour: hour, minute: minute)
        else { return nil }
        var index = 16
        var second = 0
        var fraction = 0.0
        if index < bytes.count, bytes[index] == ASCII.colon {
            guard index + 3 <= bytes.count, let value = ASCII.number(bytes[(index + 1)..<(index + 3)]), value < 60 else {
                return nil
            }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                let digits = bytes[(index + 1)...].prefix { $0 >= ASCII.zero && $0 <= ASCII.nine }
                guard (1...9).contains(digits.count), let value = ASCII.number(digits) else { return nil }
                var scale = 1.0
                for _ in digits { scale *= 10 }
                fraction = Double(value) / scale
                index += 1 + digits.count
            }
        }
        let localSeconds = civil.dayNumber * 86_400 + time.minutesSinceMidnight * 60 + second
        return (civil, time, second, fraction, bytes[index...], localSeconds)
    }

    /// An exact instant when a zone follows the time, else a wall-clock time in the business zone.
    private static func dateTime(_ bytes: [UInt8], calendar: BusinessCalendar, text: String, failure: InputError) throws(InputError) -> Date {
        guard let parts = dateTimeParts(bytes) else { throw failure }
        if parts.zone.isEmpty {
            return try wallClock(day: parts.civil, time: parts.time, second: parts.second, calendar: calendar, text: text)
                .addingTimeInterval(parts.fraction)
        }
        guard let offset = offsetSeconds(parts.zone) else { throw failure }
        return Date(timeIntervalSince1970: TimeInterval(parts.localSeconds - offset) + parts.fraction)
    }

    /// `z` → 0; `+09:00`, `+0900`, `+09` → seconds east of UTC (up to ±18:00, Foundation's limit).
    private static func offsetSeconds(_ zone: ArraySlice<UInt8>) -> Int? {
        let zone = Array(zone)
        if zone == [UInt8(ascii: "z")] { return 0 }
        guard let sign = zone.first, sign == ASCII.plus || sign == ASCII.hyphen else { return nil }
        var digits = Array(zone.dropFirst())
        if digits.count == 5, digits[2] == ASCII.colon { digits.remove(at: 2) }
        guard digits.count == 2 || digits.count == 4,
              let hours = ASCII.number(digits[0..<2]),
              let minutes = digits.count == 4 ? ASCII.number(digits[2..<4]) : 0,
              minutes < 60, hours * 60 + minutes <= 18 * 60
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == ASCII.plus ? seconds : -seconds
    }

    /// A wall-clock time in the business zone; refuses a time that a DST change skips rather than moving it silently.
    private static func wallClock(day: CivilDate, time: LocalTime, second: Int, calendar: BusinessCalendar, text: String) throws(InputError) -> Date {
        let date = calendar.instant(on: day, at: time, second: second)
        let reading = calendar.wallClock(of: date)
        guard reading.day == day, reading.secondOfDay == time.minutesSinceMidnight * 60 + second else {
            throw InputError(
                "\(InputError.quoted(text)) does not exist on \(day.isoString) in \(calendar.timeZone.identifier): the clocks skip it for daylight saving; choose another time")
        }
        return date
    }
}
