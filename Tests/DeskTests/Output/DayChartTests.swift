import Foundation
import MessageDesk
import Testing
@testable import desk

@Test func barsAreWholeBlocksThenOneEighth() {
    #expect(DayChart.bar(0, of: 4, width: 8) == "")
    #expect(DayChart.bar(1, of: 0, width: 8) == "")
    #expect(DayChart.bar(4, of: 4, width: 8) == "████████")
    #expect(DayChart.bar(1, of: 4, width: 8) == "██")
    // 1/64 of the width rounds to one eighth; 3/8 of a cell is ▍.
    #expect(DayChart.bar(1, of: 64, width: 8) == "▏")
    #expect(DayChart.bar(11, of: 64, width: 8) == "█▍")
    #expect(DayChart.bar(63, of: 64, width: 8) == "███████▉")
}

/// A day of an office with no desk (operators=0), on Tuesday 2026-11-24: callbacks are never opened and
/// no operator is ever busy, so every bar is empty.
@Test func anIdleChartHasNoTrailingBlanks() throws {
    var configuration = SimulationConfiguration()
    try SimulationParameter.apply("days=1", to: &configuration)
    try SimulationParameter.apply("operators=0", to: &configuration)
    let start = try at("2026-11-24T09:00:00+09:00")
    let report = try DaySimulation(configuration: configuration, start: start)
        .run(into: SimulationDatabase.create(path: ":memory:", now: start))
    #expect(DayChart.text(report, calendar: .standard) == """
        the day, averaged over 1 day: callbacks owed (peak in the hour) │ operators busy (of 0)
        09:00   0.0                          │  0.0
        10:00   0.0                          │  0.0
        11:00   0.0                          │  0.0
        12:00   0.0                          │  0.0
        13:00   0.0                          │  0.0
        14:00   0.0                          │  0.0
        15:00   0.0                          │  0.0
        16:00   0.0                          │  0.0
        17:00   0.0                          │  0.0

        """)
}

/// Thursday 2026-11-26 a half day (09:00-13:00), Friday, Saturday 11-28 open 09:00-12:00, Monday: the report says
/// which days had their own hours, and each hour of the chart is averaged over the days open in it.
@Test func daysOfTheirOwnHoursAreNamedAndTheChartAveragesEachHourOverTheDaysOpenInIt() throws {
    var configuration = SimulationConfiguration()
    try SimulationParameter.apply("days=4", to: &configuration)
    let created = try at("2026-11-20T10:00:00+09:00")
    let store = try SimulationDatabase.create(path: ":memory:", now: created)
    try store.setHours(of: .saturday, to: try BusinessHours(parsing: "09:00-12:00"), actor: "bucho", at: created)
    try store.open(try OpenedDate(parsing: "2026-11-26"), hours: try BusinessHours(parsing: "09:00-13:00"), actor: "bucho", at: created)
    let report = try DaySimulation(configuration: configuration, start: try at("2026-11-26T00:00:00+09:00")).run(into: store)
    let calendar = store.policy.calendar
    #expect(SimulationOutput.daysLines(report, calendar: calendar)
            == "days with their own hours (usually 09:00-18:00): 2026-11-26 09:00-13:00, 2026-11-28 09:00-12:00\n")
    // 09:00 is over four days, 12:00 over three (Thursday, Friday, Monday), 13:00 on over two: halves only.
    #expect(DayChart.text(report, calendar: calendar) == """
        the day, averaged over 4 days (each hour over the days open then): callbacks owed (peak in the hour) │ operators busy (of 2)
        09:00   4.5 █████████▍               │  0.0 ▎
        10:00   4.8 █████████▉               │  0.2 █▎
        11:00   5.0 ██████████▍              │  0.1 █▏
        12:00   5.0 ██████████▍              │  0.1 ▋
        13:00   4.5 █████████▍               │  0.1 ▋
        14:00   8.0 ████████████████▊        │  0.4 ███▌
        15:00  10.5 █████████████████████▉   │  0.5 ███▊
        16:00  11.5 ████████████████████████ │  0.2 █▉
        17:00   9.0 ██████████████████▊      │  0.1 ▊

        """)
}
