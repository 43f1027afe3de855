import Foundation
import Testing
@testable import MessageDesk

// Times said the Japanese way (issue 14): 15時, 午後3時, 明日, 月曜, 来週月曜 10:00, 11/24, 今日中.
// The days are chosen clear of national holidays (2026-11-23 is 勤労感謝の日), so these results hold
// whether or not the business calendar knows the holidays.

/// Wednesday 2026-11-25 10:15 in Tokyo.
private let wednesday = at("2026-11-25T01:15:00Z")

private func parse(_ text: String, now: Date = wednesday) throws(InputError) -> String {
    Timestamp.format(try TimeExpression.parse(text, now: now, calendar: .standard))
}

@Test(arguments: [
    // Clock times the Japanese way: today, in Tokyo, even when already past (as 15:00 is).
    ("15時", "2026-11-25T06:00:00Z"),
    ("15時半", "2026-11-25T06:30:00Z"),
    ("15時30分", "2026-11-25T06:30:00Z"),
    ("15時05分", "2026-11-25T06:05:00Z"),
    ("15時5分", "2026-11-25T06:05:00Z"),
    ("9時", "2026-11-25T00:00:00Z"),
    ("0時", "2026-11-24T15:00:00Z"),
    ("12時", "2026-11-25T03:00:00Z"),
    ("23時59分", "2026-11-25T14:59:00Z"),
    ("午後3時", "2026-11-25T06:00:00Z"),
    ("午後3時半", "2026-11-25T06:30:00Z"),
    ("午後3時30分", "2026-11-25T06:30:00Z"),
    ("午後 3時", "2026-11-25T06:00:00Z"),
    ("午後3:30", "2026-11-25T06:30:00Z"),
    ("午前10時", "2026-11-25T01:00:00Z"),
    ("午前0時", "2026-11-24T15:00:00Z"),
    ("午後0時", "2026-11-25T03:00:00Z"),
    ("午後11時59分", "2026-11-25T14:59:00Z"),
    // Full-width digits and colon, as an IME types them.
    ("１５時", "2026-11-25T06:00:00Z"),
    ("午後３時３０分", "2026-11-25T06:30:00Z"),
    // A day alone: the end of that business day (18:00).
    ("今日", "2026-11-25T09:00:00Z"),
    ("きょう", "2026-11-25T09:00:00Z"),
    ("today", "2026-11-25T09:00:00Z"),
    ("今日中", "2026-11-25T09:00:00Z"),
    ("明日", "2026-11-26T09:00:00Z"),
    ("あした", "2026-11-26T09:00:00Z"),
    ("tomorrow", "2026-11-26T09:00:00Z"),
    ("Tomorrow", "2026-11-26T09:00:00Z"),
    ("明日中", "2026-11-26T09:00:00Z"),
    ("明後日", "2026-11-27T09:00:00Z"),
    ("あさって", "2026-11-27T09:00:00Z"),
    // A day and a time.
    ("明日10時", "2026-11-26T01:00:00Z"),
    ("明日 10時", "2026-11-26T01:00:00Z"),
    ("明日の午後2時", "2026-11-26T05:00:00Z"),
    ("明日の10:00", "2026-11-26T01:00:00Z"),
    ("明日　１５時半", "2026-11-26T06:30:00Z"),
    ("明後日 10:00", "2026-11-27T01:00:00Z"),
    ("tomorrow 15時", "2026-11-26T06:00:00Z"),
    // A weekday: the next such day after today.
    ("木曜", "2026-11-26T09:00:00Z"),
    ("月曜", "2026-11-30T09:00:00Z"),
    ("月曜日", "2026-11-30T09:00:00Z"),
    ("monday", "2026-11-30T09:00:00Z"),
    ("Monday", "2026-11-30T09:00:00Z"),
    ("mon", "2026-11-30T09:00:00Z"),
    ("tue", "2026-12-01T09:00:00Z"),
    ("thursday", "2026-11-26T09:00:00Z"),
    ("火曜 10:00", "2026-12-01T01:00:00Z"),
    ("火曜日の午前10時", "2026-12-01T01:00:00Z"),
    ("fri 15:00", "2026-11-27T06:00:00Z"),
    // A closed day alone: the end of the next open day; a time on it is kept as said.
    ("土曜", "2026-11-30T09:00:00Z"),
    ("日曜日", "2026-11-30T09:00:00Z"),
    ("土曜 10時", "2026-11-28T01:00:00Z"),
    // 来週: that weekday in next week (weeks run Monday to Sunday).
    ("来週月曜", "2026-11-30T09:00:00Z"),
    ("来週月曜 10:00", "2026-11-30T01:00:00Z"),
    ("来週水曜", "2026-12-02T09:00:00Z"),
    ("来週の金曜 15時", "2026-12-04T06:00:00Z"),
    ("来週 火曜日", "2026-12-01T09:00:00Z"),
    ("来週日曜", "2026-12-07T09:00:00Z"),
    // Month/day: the next such date that is not past (today counts); with a year, that date.
    ("11/26", "2026-11-26T09:00:00Z"),
    ("11/25", "2026-11-25T09:00:00Z"),
    ("11/24", "2027-11-24T09:00:00Z"),
    ("11/24 15:00", "2027-11-24T06:00:00Z"),
    ("11/30 15:00", "2026-11-30T06:00:00Z"),
    ("12/1", "2026-12-01T09:00:00Z"),
    ("01/15 10時", "2027-01-15T01:00:00Z"),
    ("2026/11/24 15:00", "2026-11-24T06:00:00Z"),
    ("2026/12/1 10時", "2026-12-01T01:00:00Z"),
    ("2026/11/30", "2026-11-30T09:00:00Z"),
    ("2028/2/29 9:00", "2028-02-29T00:00:00Z"),
    ("１１／３０　１５：００", "2026-11-30T06:00:00Z"),
    ("２０２６／１１／３０ １５時", "2026-11-30T06:00:00Z"),
])
func timesSaidTheJapaneseWay(text: String, expected: String) throws {
    #expect(try parse(text) == expected)
}

@Test func aDayThatIsClosedMeansTheEndOfTheNextOpenDay() throws {
    let friday = at("2026-11-27T01:15:00Z")
    #expect(try parse("明日", now: friday) == "2026-11-30T09:00:00Z")
    #expect(try parse("tomorrow", now: friday) == "2026-11-30T09:00:00Z")
    #expect(try parse("明後日", now: friday) == "2026-11-30T09:00:00Z")
    #expect(try parse("明日 10時", now: friday) == "2026-11-28T01:00:00Z")  // a time is kept as said
    let saturday = at("2026-11-28T01:15:00Z")
    #expect(try parse("今日", now: saturday) == "2026-11-30T09:00:00Z")
}

@Test func aDayAloneAfterClosingIsThatDaysClosingForTheCallerToJudge() throws {
    let evening = at("2026-11-25T10:00:00Z")  // Wednesday 19:00
    #expect(try parse("今日", now: evening) == "2026-11-25T09:00:00Z")
    #expect(try parse("今日中", now: evening) == "2026-11-25T09:00:00Z")
    #expect(try parse("15時", now: evening) == "2026-11-25T06:00:00Z")
}

@Test func theDayIsTheBusinessZonesDay() throws {
    // 16:00 UTC on Wednesday is already Thursday 01:00 in Tokyo.
    let lateUTC = at("2026-11-25T16:00:00Z")
    #expect(try parse("明日", now: lateUTC) == "2026-11-27T09:00:00Z")
    #expect(throws: InputError("'木曜' is ambiguous: today is 木曜 (2026-11-26); write 今日, or 来週木曜 for 2026-12-03")) {
        try parse("木曜", now: lateUTC)
    }
}

@Test func withinAClosedDayCannotBeMet() throws {
    let saturday = at("2026-11-28T01:15:00Z")
    #expect(throws: InputError("'今日中' cannot be met: the office is closed on 2026-11-28; write 11/30 for the end of the next open day, or a time such as 今日 15時")) {
        try parse("今日中", now: saturday)
    }
    let friday = at("2026-11-27T01:15:00Z")
    #expect(throws: InputError("'明日中' cannot be met: the office is closed on 2026-11-28; write 11/30 for the end of the next open day, or a time such as 明日 15時")) {
        try parse("明日中", now: friday)
    }
}

@Test func aWeekdayTypedOnThatWeekdayIsAmbiguous() throws {
    let monday = at("2026-11-30T01:15:00Z")
    #expect(throws: InputError("'月曜' is ambiguous: today is 月曜 (2026-11-30); write 今日, or 来週月曜 for 2026-12-07")) {
        try parse("月曜", now: monday)
    }
    #expect(throws: InputError("'月曜日 10:00' is ambiguous: today is 月曜日 (2026-11-30); write 今日 10:00, or 来週月曜日 10:00 for 2026-12-07")) {
        try parse("月曜日 10:00", now: monday)
    }
    #expect(throws: InputError("'Monday' is ambiguous: today is monday (2026-11-30); write today, or 12/7 for 2026-12-07")) {
        try parse("Monday", now: monday)
    }
    #expect(throws: InputError("'mon 15時' is ambiguous: today is mon (2026-11-30); write today 15時, or 12/7 15時 for 2026-12-07")) {
        try parse("mon 15時", now: monday)
    }
    #expect(try parse("来週月曜", now: monday) == "2026-12-07T09:00:00Z")
    #expect(try parse("今日", now: monday) == "2026-11-30T09:00:00Z")
    #expect(try parse("火曜", now: monday) == "2026-12-01T09:00:00Z")
}

@Test func impossibleTimesAreRefusedWithHowToWriteThem() {
    let clock = "is not a time of day: use 0時 to 23時 and 0分 to 59分, e.g. 15時, 15時30分, 15時半 or 午後3時"
    #expect(throws: InputError("'25時' \(clock)")) { try parse("25時") }
    #expect(throws: InputError("'２５時' \(clock)")) { try parse("２５時") }
    #expect(throws: InputError("'24時' \(clock)")) { try parse("24時") }
    #expect(throws: InputError("'15時60分' \(clock)")) { try parse("15時60分") }
    #expect(throws: InputError("'明日 25時' \(clock)")) { try parse("明日 25時") }
    #expect(throws: InputError("'午後25時' \(clock)")) { try parse("午後25時") }
    #expect(throws: InputError("'午後13時' is not a time: 午前 and 午後 take 0時 to 11時; write 午後1時 or 13時")) {
        try parse("午後13時")
    }
    #expect(throws: InputError("'午前15時半' is not a time: 午前 and 午後 take 0時 to 11時; write 午後3時半 or 15時半")) {
        try parse("午前15時半")
    }
    #expect(throws: InputError("'午後12時' is ambiguous: write 12時 for noon or 0時 for midnight")) { try parse("午後12時") }
    #expect(throws: InputError("'午前12時30分' is ambiguous: write 12時30分 for noon or 0時30分 for midnight")) {
        try parse("午前12時30分")
    }
}

@Test func impossibleDatesAreRefusedWithHowToWriteThem() {
    let how = "write month/day such as 11/24, or year/month/day such as 2026/11/24"
    #expect(throws: InputError("'2/30' is not a date: February 2027 has 28 days; \(how)")) { try parse("2/30") }
    #expect(throws: InputError("'2/29 10時' is not a date: February 2027 has 28 days; \(how)")) { try parse("2/29 10時") }
    #expect(throws: InputError("'2026/2/29' is not a date: February 2026 has 28 days; \(how)")) { try parse("2026/2/29") }
    #expect(throws: InputError("'11/31' is not a date: November 2026 has 30 days; \(how)")) { try parse("11/31") }
    #expect(throws: InputError("'11/0' is not a date: November 2027 has 30 days; \(how)")) { try parse("11/0") }
    #expect(throws: InputError("'13/1' is not a date: months run from 1 to 12; \(how)")) { try parse("13/1") }
    #expect(throws: InputError("'０/５' is not a date: months run from 1 to 12; \(how)")) { try parse("０/５") }
}

@Test(arguments: [
    "時", "15時半30分", "15時半半", "15時30", "15時30分半", "午後", "午後時", "午前午後3時", "3時午後", "115時", "15時123分",
    "15時 30分", "十五時", "来週", "来週 10:00", "来週明日", "明日の", "の10時", "昨日", "昨日 10時",
    "今日中 15時", "11/24/2026", "26/11/24", "2026/11", "11/", "/24", "11//24", "11/24x", "2026/11/24 25:00",
    "月", "月 10:00", "月曜曜", "next monday", "months", "mon day", "today tomorrow", "明日明日", "11/24 午後",
])
func notTimesEvenTheJapaneseWay(text: String) {
    #expect(throws: InputError("\(InputError.quoted(text)) is not a time: use 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 11/24 15:00, tomorrow 10:00 or ISO-8601 (2026-11-24T10:00+09:00)")) {
        try parse(text)
    }
}
