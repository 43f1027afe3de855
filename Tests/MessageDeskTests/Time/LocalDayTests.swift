import Foundation
import Testing
@testable import MessageDesk

@Suite struct LocalDayTests {
    let tokyo = BusinessCalendar.standard
    let now = at("2026-11-20T00:30:00+09:00")  // Friday just after midnight in Tokyo, still Thursday in UTC

    @Test func aDaySpansLocalMidnightToMidnight() throws {
        let day = try LocalDay(parsing: "2026-11-20", now: now, calendar: tokyo)
        #expect(day.description == "2026-11-20")
        #expect(day.weekday == .friday)
        #expect(day.start == at("2026-11-20T00:00:00+09:00"))
        #expect(day.end == at("2026-11-21T00:00:00+09:00"))
        #expect(LocalDay(containing: at("2026-11-20T23:59:59+09:00"), calendar: tokyo) == day)
        #expect(LocalDay(containing: at("2026-11-21T00:00:00+09:00"), calendar: tokyo) != day)
    }

    @Test func todayAndYesterdayAreCalendarDaysInTheBusinessZone() throws {
        #expect(try LocalDay(parsing: "today", now: now, calendar: tokyo).description == "2026-11-20")
        #expect(try LocalDay(parsing: " Yesterday ", now: now, calendar: tokyo).description == "2026-11-19")
        #expect(try LocalDay(parsing: "今日", now: now, calendar: tokyo).description == "2026-11-20")
        #expect(try LocalDay(parsing: "昨日", now: now, calendar: tokyo).description == "2026-11-19")
        // Monday's yesterday is Sunday: calendar days, not business days.
        #expect(try LocalDay(parsing: "yesterday", now: at("2026-11-23T10:00:00+09:00"), calendar: tokyo).weekday == .sunday)
        // Full-width digits typed through an IME.
        #expect(try LocalDay(parsing: "２０２６－１１－１９", now: now, calendar: tokyo).description == "2026-11-19")
    }

    @Test func aDayAcrossTheEndOfDaylightSavingHasTwentyFiveHours() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let newYork = try BusinessCalendar(timeZone: zone, opens: tokyo.opens, closes: tokyo.closes, days: tokyo.days)
        let day = try LocalDay(parsing: "2026-11-01", now: now, calendar: newYork)
        #expect(day.start == at("2026-11-01T00:00:00-04:00"))
        #expect(day.end == at("2026-11-02T00:00:00-05:00"))
        #expect(day.end.timeIntervalSince(day.start) == 25 * 3600)
    }

    @Test func anythingElseIsRefusedWithTheFormsThatWork() {
        for text in ["2026-02-30", "2026-11-2", "tomorrow", "20261120", "", "2026-11-20T10:00"] {
            #expect(throws: InputError("\(InputError.quoted(text)) is not a day: use YYYY-MM-DD (2026-11-20), today or yesterday")) {
                try LocalDay(parsing: text, now: now, calendar: tokyo)
            }
        }
    }
}
