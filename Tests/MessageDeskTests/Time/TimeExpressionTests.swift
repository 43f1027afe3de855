import Foundation
import Testing
@testable import MessageDesk

/// Friday 2026-11-20 10:15 in Tokyo.
private let now = Timestamp.parse("2026-11-20T01:15:00Z")!

private func parse(_ text: String, calendar: BusinessCalendar = .standard, now: Date = now) throws(InputError) -> String {
    Timestamp.format(try TimeExpression.parse(text, now: now, calendar: calendar))
}

private func newYork() throws -> BusinessCalendar {
    try BusinessCalendar(
        timeZone: #require(TimeZone(identifier: "America/New_York")),
        opens: #require(LocalTime(hour: 9, minute: 0)),
        closes: #require(LocalTime(hour: 18, minute: 0)),
        days: [.monday, .tuesday, .wednesday, .thursday, .friday])
}

@Test(arguments: [
    // Clock times: today in Tokyo, even when already past.
    ("15:00", "2026-11-20T06:00:00Z"),
    ("9:30", "2026-11-20T00:30:00Z"),
    ("09:30", "2026-11-20T00:30:00Z"),
    ("0:00", "2026-11-19T15:00:00Z"),
    ("23:59", "2026-11-20T14:59:00Z"),
    // Durations from now.
    ("+30m", "2026-11-20T01:45:00Z"),
    ("+2h", "2026-11-20T03:15:00Z"),
    ("+1d", "2026-11-21T01:15:00Z"),
    ("+90m", "2026-11-20T02:45:00Z"),
    ("+1h30m", "2026-11-20T02:45:00Z"),
    ("+1d2h", "2026-11-21T03:15:00Z"),
    ("+0h5m", "2026-11-20T01:20:00Z"),
    // Calendar days, not business days: tomorrow is Saturday.
    ("tomorrow 10:00", "2026-11-21T01:00:00Z"),
    ("today 15:00", "2026-11-20T06:00:00Z"),
    ("tomorrow 9:00", "2026-11-21T00:00:00Z"),
    ("Tomorrow  10:00", "2026-11-21T01:00:00Z"),
    ("明日 10:00", "2026-11-21T01:00:00Z"),
    ("明日10:00", "2026-11-21T01:00:00Z"),
    ("今日 15:00", "2026-11-20T06:00:00Z"),
    ("あした 10:00", "2026-11-21T01:00:00Z"),
    // Exact instants.
    ("2026-11-24T10:00+09:00", "2026-11-24T01:00:00Z"),
    ("2026-11-24T01:00:00Z", "2026-11-24T01:00:00Z"),
    ("2026-11-24T01:00Z", "2026-11-24T01:00:00Z"),
    ("2026-11-23T20:00:00-05:00", "2026-11-24T01:00:00Z"),
    ("2026-11-24T10:00+0900", "2026-11-24T01:00:00Z"),
    ("2026-11-24T10:00:30+09", "2026-11-24T01:00:30Z"),
    // Local date-times in the business zone.
    ("2026-11-24 10:00", "2026-11-24T01:00:00Z"),
    ("2026-11-24T10:00", "2026-11-24T01:00:00Z"),
    ("2026-11-24 10:00:45", "2026-11-24T01:00:45Z"),
    ("2024-02-29 12:00", "2024-02-29T03:00:00Z"),
    // Typed through a Japanese IME, with stray spaces and capitals.
    ("１５：００", "2026-11-20T06:00:00Z"),
    ("＋３０ｍ", "2026-11-20T01:45:00Z"),
    ("明日　１０：００", "2026-11-21T01:00:00Z"),
    ("  15:00\n", "2026-11-20T06:00:00Z"),
    ("２０２６－１１－２４Ｔ１０：００＋０９：００", "2026-11-24T01:00:00Z"),
])
func acceptedForms(text: String, expected: String) throws {
    #expect(try parse(text) == expected)
}

@Test(arguments: [
    "", "   ", "25:00", "12:60", "24:00", "9", "10:0", "10:000", "1000", "-10:00", "10:00pm",
    "+0m", "+0h", "+0d0h0m", "+", "+m", "+30", "+30x", "+30s", "+1w", "+30m2h", "+1h1h", "+-5m", "+1 h", "+1234567m",
    "tomorrow 25:00", "yesterday 10:00", "tomorrow at 10:00",
    "2026-02-30T10:00", "2026-13-01T10:00", "2026-11-24", "2026-11-24T", "2026-11-24T10", "2026-11-24T1:00",
    "2026-11-24T10:00+25:00", "2026-11-24T10:00+09:60", "2026-11-24T10:00+9", "2026-11-24T10:00 +09:00",
    "2026-11-24T10:00:60", "2026-11-24T10:00:5", "26-11-24 10:00", "2026-11-24x10:00",
    "next week", "now", "15:00 JST",
])
func rejectedForms(text: String) {
    #expect(throws: InputError.self) { try parse(text) }
}

@Test func rejectionSaysWhatWasWrongAndHowToFixIt() {
    #expect(throws: InputError("'25:00' is not a time: use 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 11/24 15:00, tomorrow 10:00 or ISO-8601 (2026-11-24T10:00+09:00)")) {
        try parse("25:00")
    }
    // The original text is quoted, as typed; control characters cannot break the line.
    #expect(throws: InputError("'２５：００' is not a time: use 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 11/24 15:00, tomorrow 10:00 or ISO-8601 (2026-11-24T10:00+09:00)")) {
        try parse("２５：００")
    }
    #expect(throws: InputError("'1\\n\\u{1B}[2J' is not a time: use 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 11/24 15:00, tomorrow 10:00 or ISO-8601 (2026-11-24T10:00+09:00)")) {
        try parse("1\n\u{1B}[2J")
    }
}

@Test func clockTimesUseTheBusinessZonesDay() throws {
    // 23:30 UTC on Friday is already Saturday 08:30 in Tokyo: "15:00" is Saturday 15:00 there.
    let lateUTC = try #require(Timestamp.parse("2026-11-20T23:30:00Z"))
    #expect(try parse("15:00", now: lateUTC) == "2026-11-21T06:00:00Z")
    #expect(try parse("tomorrow 10:00", now: lateUTC) == "2026-11-22T01:00:00Z")
    // The same instant in New York is still Friday 18:30.
    #expect(try parse("15:00", calendar: newYork(), now: lateUTC) == "2026-11-20T20:00:00Z")
}

@Test func daysAreCalendarDaysAcrossDST() throws {
    let calendar = try newYork()
    let saturday = try #require(Timestamp.parse("2026-03-07T15:00:00Z"))  // 10:00 EST
    #expect(try parse("+1d", calendar: calendar, now: saturday) == "2026-03-08T14:00:00Z")  // 10:00 EDT, 23 h later
    #expect(try parse("+24h", calendar: calendar, now: saturday) == "2026-03-08T15:00:00Z")  // elapsed time
    #expect(try parse("tomorrow 10:00", calendar: calendar, now: saturday) == "2026-03-08T14:00:00Z")
    #expect(try parse("2026-03-08 10:00", calendar: calendar) == "2026-03-08T14:00:00Z")
    let repeated = try parse("2026-11-01 01:30", calendar: calendar)
    #expect(repeated == "2026-11-01T05:30:00Z")  // a wall time that occurs twice: the first (EDT) reading
}

@Test func timesSkippedByDSTAreRefused() throws {
    let calendar = try newYork()
    let saturday = try #require(Timestamp.parse("2026-03-07T15:00:00Z"))
    #expect(throws: InputError("'2026-03-08 02:30' does not exist on 2026-03-08 in America/New_York: the clocks skip it for daylight saving; choose another time")) {
        try parse("2026-03-08 02:30", calendar: calendar)
    }
    #expect(throws: InputError.self) { try parse("tomorrow 02:00", calendar: calendar, now: saturday) }
    #expect(try parse("tomorrow 03:00", calendar: calendar, now: saturday) == "2026-03-08T07:00:00Z")
}

@Test func pastTimesAreReturnedForTheCallerToJudge() throws {
    let date = try TimeExpression.parse("9:00", now: now, calendar: .standard)
    #expect(date < now)
    #expect(Timestamp.format(date) == "2026-11-20T00:00:00Z")
}

/// `DESK_NOW`'s form: an exact instant with its zone, as ISO-8601 writes it.
@Test(arguments: [
    ("2026-11-20T10:15:00+09:00", 1_795_137_300.0),
    ("2026-11-20T01:15:00Z", 1_795_137_300.0),
    ("2026-11-20t01:15:00z", 1_795_137_300.0),
    ("2026-11-20T10:15:00+0900", 1_795_137_300.0),
    ("2026-11-19T20:15:00-05:00", 1_795_137_300.0),
    ("2026-11-20T10:15+09:00", 1_795_137_300.0),
    ("2026-11-20T01:15:00.250Z", 1_795_137_300.25),
    ("2026-11-20T10:15:00.5+09:00", 1_795_137_300.5),
])
func exactInstantsWithTheirZone(text: String, seconds: Double) {
    #expect(TimeExpression.instant(text) == Date(timeIntervalSince1970: seconds))
}

@Test(arguments: [
    "", "2026-11-20T10:15:00", "2026-11-20", "15:00", "+30m", "tomorrow 10:00", "yesterday",
    "2026-02-30T10:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T10:15:00+19:00", "2026-11-20T10:15:00.Z",
    "2026-11-20T10:15:00.1234567890Z", "2026-11-20T10:15:00Z trailing", "2026/11/20T10:15:00Z",
])
func anythingButAnExactInstantIsNotOne(text: String) {
    #expect(TimeExpression.instant(text) == nil)
}
