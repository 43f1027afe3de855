import Foundation
import Testing
@testable import desk

@Test func shortTimesDropWhatTodayAlreadySays() throws {
    let times = try fridayTimes()
    #expect(times.short(try at("2026-11-20T15:00:00+09:00")) == "15:00")
    // The business day is Tokyo's: 23:30 UTC on the 19th is 08:30 on the 20th there.
    #expect(times.short(try at("2026-11-19T23:30:00Z")) == "08:30")
    #expect(times.short(try at("2026-11-24T10:00:00+09:00")) == "11-24 10:00")
    #expect(times.short(try at("2026-11-20T15:00:00Z")) == "11-21 00:00")
    #expect(times.short(try at("2027-01-05T10:00:00+09:00")) == "2027-01-05 10:00")
    #expect(times.short(try at("2025-12-31T23:59:00+09:00")) == "2025-12-31 23:59")
}

@Test func isoTimesCarryTheBusinessZonesOffset() throws {
    let times = try fridayTimes()
    #expect(times.iso(try at("2026-11-20T01:15:00Z")) == "2026-11-20T10:15:00+09:00")
    #expect(times.iso(try at("2026-11-20T15:00:00Z")) == "2026-11-21T00:00:00+09:00")
}

@Test func durationsInWords() {
    #expect(TimeDisplay.duration(0) == "0m")
    #expect(TimeDisplay.duration(59) == "0m")
    #expect(TimeDisplay.duration(45 * 60) == "45m")
    #expect(TimeDisplay.duration(3_600) == "1h")
    #expect(TimeDisplay.duration(80 * 60) == "1h 20m")
    #expect(TimeDisplay.duration(86_400) == "1d")
    #expect(TimeDisplay.duration(2 * 86_400 + 3 * 3_600 + 59 * 60) == "2d 3h")
}
