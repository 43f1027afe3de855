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
