import Foundation
import Testing
@testable import MessageDesk

private func at(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: seconds) }

@Test func formatsPinnedInstants() {
    #expect(Timestamp.format(at(0)) == "1970-01-01T00:00:00Z")
    #expect(Timestamp.format(at(1_795_305_600 + 5 * 3600 + 30 * 60)) == "2026-11-22T05:30:00Z")
    #expect(Timestamp.format(at(951_782_400)) == "2000-02-29T00:00:00Z")
    #expect(Timestamp.format(at(1_709_164_800)) == "2024-02-29T00:00:00Z")
    #expect(Timestamp.format(at(4_107_456_000)) == "2100-02-28T00:00:00Z")
    #expect(Timestamp.format(at(4_107_456_000 + 86_400)) == "2100-03-01T00:00:00Z")  // 2100 is not a leap year
    #expect(Timestamp.format(at(-2_208_988_800)) == "1900-01-01T00:00:00Z")
    #expect(Timestamp.format(at(-86_400)) == "1969-12-31T00:00:00Z")
    #expect(Timestamp.format(at(-1)) == "1969-12-31T23:59:59Z")
}

@Test func truncatesSubSecondsTowardNegativeInfinity() {
    #expect(Timestamp.format(at(1.999)) == "1970-01-01T00:00:01Z")
    #expect(Timestamp.format(at(-0.5)) == "1969-12-31T23:59:59Z")
    #expect(Timestamp.format(at(-0.000001)) == "1969-12-31T23:59:59Z")
    #expect(Timestamp.format(at(59.9999)) == "1970-01-01T00:00:59Z")
}

@Test func formatsWithZoneOffset() throws {
    let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
    let newYork = try #require(TimeZone(identifier: "America/New_York"))
    let instant = at(1_795_305_600 + 5 * 3600 + 30 * 60)  // 2026-11-22T05:30:00Z
    #expect(Timestamp.format(instant, in: tokyo) == "2026-11-22T14:30:00+09:00")
    #expect(Timestamp.format(instant, in: newYork) == "2026-11-22T00:30:00-05:00")
    #expect(Timestamp.format(instant, in: TimeZone(identifier: "UTC")!) == "2026-11-22T05:30:00+00:00")
    #expect(Timestamp.format(at(-0.5), in: tokyo) == "1970-01-01T08:59:59+09:00")
    #expect(Timestamp.format(instant, in: TimeZone(secondsFromGMT: 5 * 3600 + 45 * 60)!) == "2026-11-22T11:15:00+05:45")
}

@Test func parsesExactlyTheStoredForm() {
    #expect(Timestamp.parse("2026-11-22T05:30:00Z") == at(1_795_305_600 + 5 * 3600 + 30 * 60))
    #expect(Timestamp.parse("1970-01-01T00:00:00Z") == at(0))
    #expect(Timestamp.parse("1900-01-01T00:00:00Z") == at(-2_208_988_800))
    #expect(Timestamp.parse("2000-02-29T00:00:00Z") == at(951_782_400))
    #expect(Timestamp.parse("2024-02-29T00:00:00Z") == at(1_709_164_800))
    #expect(Timestamp.parse("9999-12-31T23:59:59Z") != nil)
    #expect(Timestamp.parse("0000-01-01T00:00:00Z") != nil)
}

@Test(arguments: [
    "", "2026-11-22T05:30:00", "2026-11-22T05:30:00z", "2026-11-22t05:30:00Z", "2026-11-22 05:30:00Z",
    "2026-11-22T05:30Z", "2026-11-22T05:30:00.000Z", "2026-11-22T14:30:00+09:00", " 2026-11-22T05:30:00Z",
    "2026-11-22T05:30:00Z ", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z",
    "2026-11-31T00:00:00Z", "2026-02-30T00:00:00Z", "2100-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z", "2026-11-22T23:59:60Z",
    "+026-11-22T05:30:00Z", "2026-1a-22T05:30:00Z", "２０２６-11-22T05:30:00Z", "2026/11/22T05:30:00Z",
])
func rejectsEverythingElse(_ text: String) {
    #expect(Timestamp.parse(text) == nil)
}

@Test func roundTripsEveryDayFrom1899To2101() {
    let first = CivilDate(year: 1899, month: 1, day: 1).dayNumber
    let last = CivilDate(year: 2101, month: 12, day: 31).dayNumber
    var failures = 0
    for day in first...last {
        // A different second of the day each time, so hours, minutes and seconds vary too.
        let seconds = day * 86_400 + ((day &* 7919) % 86_400 + 86_400) % 86_400
        let date = at(TimeInterval(seconds))
        let text = Timestamp.format(date)
        if Timestamp.parse(text) != date { failures += 1 }
    }
    #expect(failures == 0)
}

@Test func civilDayNumbersAreAConsistentBijection() {
    var previous = CivilDate(dayNumber: -800_001)
    var failures = 0
    for day in -800_000...800_000 {  // about 2190 BCE to 4160 CE
        let civil = CivilDate(dayNumber: day)
        if civil.dayNumber != day { failures += 1 }
        // Consecutive day numbers are consecutive calendar days.
        let expectedNext: CivilDate
        if previous.day < CivilDate.daysInMonth(year: previous.year, month: previous.month) {
            expectedNext = CivilDate(year: previous.year, month: previous.month, day: previous.day + 1)
        } else if previous.month < 12 {
            expectedNext = CivilDate(year: previous.year, month: previous.month + 1, day: 1)
        } else {
            expectedNext = CivilDate(year: previous.year + 1, month: 1, day: 1)
        }
        if civil != expectedNext { failures += 1 }
        previous = civil
    }
    #expect(failures == 0)
    #expect(CivilDate(year: 1970, month: 1, day: 1).weekdayNumber == Weekday.thursday.rawValue)
    #expect(CivilDate(year: 2026, month: 11, day: 20).weekdayNumber == Weekday.friday.rawValue)
    #expect(CivilDate(year: 1900, month: 1, day: 1).weekdayNumber == Weekday.monday.rawValue)
}

@Test func agreesWithISO8601DateFormatterOnRandomInstants() throws {
    var generator = SeededGenerator(seed: 0x00C0_FFEE)
    let utc = ISO8601DateFormatter()
    utc.timeZone = TimeZone(identifier: "UTC")
    let zones = try ["Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"].map {
        try #require(TimeZone(identifier: $0))
    }
    let zoned = zones.map { zone in
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        return formatter
    }
    let low: Int64 = -2_208_988_800   // 1900-01-01
    let high: Int64 = 7_258_118_400   // 2200-01-01
    var mismatches: [String] = []
    for index in 0..<4000 {
        let seconds = Int64.random(in: low..<high, using: &generator)
        let fraction = Double(Int.random(in: 0..<1000, using: &generator)) / 1000
        let date = at(TimeInterval(seconds) + fraction)
        let whole = at(TimeInterval(seconds))  // the formatter's own sub-second handling is not the question
        if Timestamp.format(date) != utc.string(from: whole) { mismatches.append(utc.string(from: whole)) }
        if Timestamp.parse(utc.string(from: whole)) != whole { mismatches.append("parse " + utc.string(from: whole)) }
        let zoneIndex = index % zones.count
        if Timestamp.format(date, in: zones[zoneIndex]) != zoned[zoneIndex].string(from: whole) {
            mismatches.append(zoned[zoneIndex].string(from: whole))
        }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
}
