import Foundation
import Testing
@testable import MessageDesk

/// An instant written as ISO-8601 with offset, read by Foundation's own parser (an independent oracle).
private func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else { fatalError("bad test instant \(text)") }
    return date
}

/// "2026-11-20 17:30" in Japan.
private func jst(_ text: String) -> Date {
    instant(text.replacingOccurrences(of: " ", with: "T") + ":00+09:00")
}

private let standard = BusinessCalendar.standard

private func newYork(days: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]) throws -> BusinessCalendar {
    try BusinessCalendar(
        timeZone: #require(TimeZone(identifier: "America/New_York")),
        opens: #require(LocalTime(hour: 9, minute: 0)),
        closes: #require(LocalTime(hour: 18, minute: 0)),
        days: days)
}

// MARK: The default calendar

@Test func standardIsTokyoNineToSixOnWeekdays() {
    #expect(standard.timeZone.identifier == "Asia/Tokyo")
    #expect(standard.opens.description == "09:00")
    #expect(standard.closes.description == "18:00")
    #expect(Weekday.describe(standard.days) == "mon-fri")
}

@Test func businessTimeIsOpeningInclusiveClosingExclusive() {
    #expect(!standard.isBusinessTime(jst("2026-11-13 08:59").addingTimeInterval(59)))
    #expect(standard.isBusinessTime(jst("2026-11-13 09:00")))
    #expect(standard.isBusinessTime(jst("2026-11-13 17:59").addingTimeInterval(59.9)))
    #expect(!standard.isBusinessTime(jst("2026-11-13 18:00")))
    #expect(!standard.isBusinessTime(jst("2026-11-14 12:00")))  // Saturday
    #expect(!standard.isBusinessTime(jst("2026-11-15 12:00")))  // Sunday
    #expect(standard.isBusinessTime(jst("2026-11-16 12:00")))   // Monday
}

@Test func openingAndClosingOfADay() {
    #expect(standard.opening(onDayOf: jst("2026-11-20 23:59")) == jst("2026-11-20 09:00"))
    #expect(standard.closing(onDayOf: jst("2026-11-20 00:00")) == jst("2026-11-20 18:00"))
    #expect(standard.opening(onDayOf: jst("2026-11-21 12:00")) == nil)
    #expect(standard.closing(onDayOf: jst("2026-11-22 12:00")) == nil)
    // 23:30 UTC on Friday is already Saturday in Tokyo.
    #expect(standard.opening(onDayOf: instant("2026-11-20T23:30:00Z")) == nil)
}

@Test func nextOpening() {
    #expect(standard.nextOpening(atOrAfter: jst("2026-11-13 10:15")) == jst("2026-11-13 10:15"))
    #expect(standard.nextOpening(atOrAfter: jst("2026-11-13 09:00")) == jst("2026-11-13 09:00"))
    #expect(standard.nextOpening(atOrAfter: jst("2026-11-13 07:00")) == jst("2026-11-13 09:00"))
    #expect(standard.nextOpening(atOrAfter: jst("2026-11-13 18:00")) == jst("2026-11-16 09:00"))
    #expect(standard.nextOpening(atOrAfter: jst("2026-11-14 12:00")) == jst("2026-11-16 09:00"))
    #expect(standard.nextOpening(atOrAfter: jst("2026-11-12 20:00")) == jst("2026-11-13 09:00"))
}

@Test func endOfBusinessDay() {
    #expect(standard.endOfBusinessDay(for: jst("2026-11-13 07:00")) == jst("2026-11-13 18:00"))  // before opening
    #expect(standard.endOfBusinessDay(for: jst("2026-11-13 12:00")) == jst("2026-11-13 18:00"))
    #expect(standard.endOfBusinessDay(for: jst("2026-11-13 18:00")) == jst("2026-11-16 18:00"))
    #expect(standard.endOfBusinessDay(for: jst("2026-11-14 10:00")) == jst("2026-11-16 18:00"))  // Saturday → Monday
    #expect(standard.endOfBusinessDay(for: jst("2026-11-15 23:59")) == jst("2026-11-16 18:00"))
}

@Test func addingBusinessMinutesAcrossTheWeekend() {
    #expect(standard.adding(businessMinutes: 60, to: jst("2026-11-13 17:30")) == jst("2026-11-16 09:30"))
    #expect(standard.adding(businessMinutes: 30, to: jst("2026-11-20 10:00")) == jst("2026-11-20 10:30"))
    #expect(standard.adding(businessMinutes: 540, to: jst("2026-11-20 09:00")) == jst("2026-11-20 18:00"))
    #expect(standard.adding(businessMinutes: 541, to: jst("2026-11-13 09:00")) == jst("2026-11-16 09:01"))
    #expect(standard.adding(businessMinutes: 120, to: jst("2026-11-14 15:00")) == jst("2026-11-16 11:00"))
    // Ten business days from a Monday opening end at the second Friday's closing.
    #expect(standard.adding(businessMinutes: 5400, to: jst("2026-11-09 09:00")) == jst("2026-11-20 18:00"))
}

@Test func addingFromOutsideHoursStartsAtTheNextOpening() {
    #expect(standard.adding(businessMinutes: 0, to: jst("2026-11-13 20:00")) == jst("2026-11-16 09:00"))
    #expect(standard.adding(businessMinutes: 0, to: jst("2026-11-20 10:00")) == jst("2026-11-20 10:00"))
    #expect(standard.adding(businessMinutes: 30, to: jst("2026-11-20 07:00")) == jst("2026-11-20 09:30"))
    #expect(standard.adding(businessMinutes: 30, to: jst("2026-11-19 22:00")) == jst("2026-11-20 09:30"))
    #expect(standard.adding(businessMinutes: -5, to: jst("2026-11-20 10:00")) == jst("2026-11-20 10:00"))
}

@Test func businessMinutesBetweenInstants() {
    #expect(standard.businessMinutes(from: jst("2026-11-13 17:00"), to: jst("2026-11-16 10:00")) == 120)
    #expect(standard.businessMinutes(from: jst("2026-11-16 10:00"), to: jst("2026-11-13 17:00")) == 0)
    #expect(standard.businessMinutes(from: jst("2026-11-20 10:00"), to: jst("2026-11-20 10:00")) == 0)
    #expect(standard.businessMinutes(from: jst("2026-11-20 10:00"), to: jst("2026-11-20 10:30").addingTimeInterval(59)) == 30)
    #expect(standard.businessMinutes(from: jst("2026-11-20 06:00"), to: jst("2026-11-20 23:00")) == 540)
    #expect(standard.businessMinutes(from: jst("2026-11-21 00:00"), to: jst("2026-11-22 23:59")) == 0)
    // Four weeks without a national holiday: 20 business days of 9 hours.
    #expect(standard.businessMinutes(from: jst("2026-06-01 00:00"), to: jst("2026-06-29 00:00")) == 20 * 540)
}

@Test func addingAndCountingAgree() {
    let starts = ["2026-11-20 17:30", "2026-11-21 03:00", "2026-11-18 12:34", "2026-11-23 09:00", "2026-11-19 18:00"].map(jst)
    for start in starts {
        for minutes in [0, 1, 29, 60, 539, 540, 541, 1000, 2700, 9999] {
            let end = standard.adding(businessMinutes: minutes, to: start)
            #expect(standard.businessMinutes(from: start, to: end) == minutes, "\(start) + \(minutes)")
        }
    }
}

@Test func dayAndTimeStringsAreInTheBusinessZone() {
    let date = instant("2026-11-21T23:30:00Z")  // Sunday 08:30 in Tokyo
    #expect(standard.dayString(date) == "2026-11-22")
    #expect(standard.timeString(date) == "08:30")
    #expect(standard.startOfDay(date) == instant("2026-11-21T15:00:00Z"))
    #expect(standard.dayString(instant("1969-12-31T15:00:00Z")) == "1970-01-01")
    #expect(standard.dayString(instant("1969-12-31T14:59:59Z")) == "1969-12-31")
    #expect(standard.timeString(instant("1969-12-31T14:59:59Z")) == "23:59")
}

// MARK: A calendar with daylight saving (America/New_York; 2026 changes on 8 March and 1 November)

@Test func newYorkBusinessDaysKeepNineHoursAcrossDST() throws {
    let calendar = try newYork()
    let friday = instant("2026-03-06T12:00:00-05:00")
    let monday = instant("2026-03-09T12:00:00-04:00")
    #expect(calendar.opening(onDayOf: friday) == instant("2026-03-06T14:00:00Z"))
    #expect(calendar.closing(onDayOf: friday) == instant("2026-03-06T23:00:00Z"))
    #expect(calendar.opening(onDayOf: monday) == instant("2026-03-09T13:00:00Z"))
    #expect(calendar.closing(onDayOf: monday) == instant("2026-03-09T22:00:00Z"))
    for day in [friday, monday, instant("2026-10-30T12:00:00-04:00"), instant("2026-11-02T12:00:00-05:00")] {
        let hours = try #require(calendar.closing(onDayOf: day)).timeIntervalSince(try #require(calendar.opening(onDayOf: day)))
        #expect(hours == 9 * 3600)
    }
    #expect(calendar.businessMinutes(from: instant("2026-03-06T09:00:00-05:00"), to: instant("2026-03-09T18:00:00-04:00")) == 1080)
    #expect(calendar.adding(businessMinutes: 600, to: instant("2026-03-06T09:00:00-05:00")) == instant("2026-03-09T10:00:00-04:00"))
    #expect(calendar.endOfBusinessDay(for: instant("2026-03-07T12:00:00-05:00")) == instant("2026-03-09T18:00:00-04:00"))
    #expect(calendar.nextOpening(atOrAfter: instant("2026-10-30T18:00:00-04:00")) == instant("2026-11-02T09:00:00-05:00"))
    #expect(calendar.timeString(instant("2026-03-09T13:00:00Z")) == "09:00")
}

@Test func newYorkDSTSundayItselfHasNineBusinessHours() throws {
    let calendar = try newYork(days: Set(Weekday.allCases))
    let sunday = instant("2026-03-08T12:00:00-04:00")
    #expect(calendar.opening(onDayOf: sunday) == instant("2026-03-08T13:00:00Z"))
    #expect(calendar.closing(onDayOf: sunday) == instant("2026-03-08T22:00:00Z"))
    #expect(calendar.businessMinutes(from: instant("2026-03-08T00:00:00-05:00"), to: instant("2026-03-09T00:00:00-04:00")) == 540)
    #expect(calendar.businessMinutes(from: instant("2026-11-01T00:00:00-04:00"), to: instant("2026-11-02T00:00:00-05:00")) == 540)
    // The 23-hour day starts at local midnight, 05:00 UTC.
    #expect(calendar.startOfDay(sunday) == instant("2026-03-08T05:00:00Z"))
    #expect(calendar.dayString(instant("2026-03-08T04:59:59Z")) == "2026-03-07")
}

// MARK: Validation and the small types

@Test func calendarRejectsInvertedHoursAndNoDays() throws {
    let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
    let nine = try #require(LocalTime(hour: 9, minute: 0))
    let six = try #require(LocalTime(hour: 18, minute: 0))
    #expect(throws: InputError.self) { try BusinessCalendar(timeZone: tokyo, opens: six, closes: nine, days: [.monday]) }
    #expect(throws: InputError.self) { try BusinessCalendar(timeZone: tokyo, opens: nine, closes: nine, days: [.monday]) }
    #expect(throws: InputError("no business days given: name at least one, e.g. mon-fri")) {
        try BusinessCalendar(timeZone: tokyo, opens: nine, closes: six, days: [])
    }
    let custom = try BusinessCalendar(timeZone: tokyo, opens: nine, closes: six, days: [.monday, .tuesday, .wednesday, .thursday, .friday])
    #expect(custom == BusinessCalendar.standard)
    #expect(try BusinessCalendar(timeZone: tokyo, opens: nine, closes: six, days: [.saturday]) != BusinessCalendar.standard)
}

@Test func localTimeParsing() throws {
    #expect(try LocalTime(parsing: "09:00") == LocalTime(hour: 9, minute: 0))
    #expect(try LocalTime(parsing: "9:05") == LocalTime(hour: 9, minute: 5))
    #expect(try LocalTime(parsing: " ９：３０ ") == LocalTime(hour: 9, minute: 30))
    #expect(try LocalTime(parsing: "23:59").description == "23:59")
    #expect(try LocalTime(parsing: "0:00").description == "00:00")
    #expect(LocalTime(hour: 24, minute: 0) == nil)
    #expect(LocalTime(hour: 12, minute: 60) == nil)
    #expect(try #require(LocalTime(hour: 9, minute: 0)) < #require(LocalTime(hour: 9, minute: 1)))
    for bad in ["", "24:00", "9:60", "9", "09:0", "009:00", "ab:cd", "-1:00", "9:00am", "9.00"] {
        #expect(throws: InputError.self, "\(bad)") { try LocalTime(parsing: bad) }
    }
    #expect(throws: InputError("'24:00' is not a time of day: use HH:MM from 00:00 to 23:59, e.g. 09:00 or 18:00")) {
        try LocalTime(parsing: "24:00")
    }
}

@Test func weekdaySetsParse() throws {
    let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
    #expect(try Weekday.parseSet("mon-fri") == weekdays)
    #expect(try Weekday.parseSet("Mon - Fri") == weekdays)
    #expect(try Weekday.parseSet("monday-friday") == weekdays)
    #expect(try Weekday.parseSet("月-金") == weekdays)
    #expect(try Weekday.parseSet("月曜〜金曜") == weekdays)
    #expect(try Weekday.parseSet("mon,wed,fri") == [.monday, .wednesday, .friday])
    #expect(try Weekday.parseSet("月曜日、水曜日、金曜日") == [.monday, .wednesday, .friday])
    #expect(try Weekday.parseSet("sat-sun") == [.saturday, .sunday])
    #expect(try Weekday.parseSet("fri-mon") == [.friday, .saturday, .sunday, .monday])
    #expect(try Weekday.parseSet("mon-wed,fri") == [.monday, .tuesday, .wednesday, .friday])
    #expect(try Weekday.parseSet("tue-tue") == [.tuesday])
    for bad in ["", "mon-", "-fri", "xyz", "mon--fri", "mon-tue-wed", "mon,,fri", "mo-fr"] {
        #expect(throws: InputError.self, "\(bad)") { try Weekday.parseSet(bad) }
    }
    #expect(throws: InputError("'xyz' is not a set of weekdays: use a range or a list, e.g. mon-fri, mon,wed,fri or sat-sun")) {
        try Weekday.parseSet("xyz")
    }
}

@Test func weekdaySetsDescribe() throws {
    #expect(Weekday.describe([.monday, .tuesday, .wednesday, .thursday, .friday]) == "mon-fri")
    #expect(Weekday.describe([.monday, .wednesday, .friday]) == "mon,wed,fri")
    #expect(Weekday.describe([.saturday, .sunday]) == "sat-sun")
    #expect(Weekday.describe([.monday, .tuesday, .wednesday, .friday]) == "mon-wed,fri")
    #expect(Weekday.describe(Set(Weekday.allCases)) == "mon-sun")
    #expect(Weekday.describe([.sunday]) == "sun")
    #expect(Weekday.describe([]) == "none")
    // Every non-empty set survives describe → parse.
    for mask in 1..<128 {
        let days = Set(Weekday.allCases.filter { mask & (1 << ($0.rawValue - 1)) != 0 })
        #expect(try Weekday.parseSet(Weekday.describe(days)) == days)
    }
}
