import Foundation
import Testing
@testable import MessageDesk

/// The simulation's clock over days of different length, and over a closure: business seconds count only the
/// hours each day is open, and map to real instants day by day.
@Suite struct SimulationClockTests {
    /// Saturdays 09:00-12:00, and Thursday 2026-11-26 a half day, 09:00-13:00 (no national holiday near).
    let office = BusinessCalendar.standard.with(entries: [
        CalendarEntry(id: 1, change: .weekday(.saturday, hours: BusinessHours(unchecked: LocalTime(hour: 9, minute: 0)!,
                                                                              LocalTime(hour: 12, minute: 0)!))),
        CalendarEntry(id: 2, change: .opened(OpenedDate(CivilDate(year: 2026, month: 11, day: 26)),
                                             hours: BusinessHours(unchecked: LocalTime(hour: 9, minute: 0)!,
                                                                  LocalTime(hour: 13, minute: 0)!))),
    ])

    /// Thu 11-26 (4 h), Fri 11-27 (9 h), Sat 11-28 (3 h), Mon 11-30 (9 h): 25 business hours.
    var halfDays: SimulationClock {
        SimulationClock(calendar: office, start: at("2026-11-26T07:00:00+09:00"), days: 4)
    }

    @Test func eachDayHasItsOwnOpeningAndClosing() {
        let clock = halfDays
        #expect(clock.openings == [at("2026-11-26T09:00:00+09:00"), at("2026-11-27T09:00:00+09:00"),
                                   at("2026-11-28T09:00:00+09:00"), at("2026-11-30T09:00:00+09:00")])
        #expect(clock.closings == [at("2026-11-26T13:00:00+09:00"), at("2026-11-27T18:00:00+09:00"),
                                   at("2026-11-28T12:00:00+09:00"), at("2026-11-30T18:00:00+09:00")])
        #expect(clock.horizon == 25 * 3_600)
        let lengths: [Double] = [4 * 3_600, 9 * 3_600, 3 * 3_600, 9 * 3_600]
        #expect((0..<4).map(clock.length(ofDay:)) == lengths)
    }

    /// A day's last second is that day's; its closing second is the next day's opening (the night is skipped).
    @Test func businessSecondsMapToRealInstantsAtEachDaysBoundaries() {
        let clock = halfDays
        let cases: [(Double, String, Int)] = [
            (0, "2026-11-26T09:00:00+09:00", 0),
            (4 * 3_600 - 1, "2026-11-26T12:59:59+09:00", 0),
            (4 * 3_600, "2026-11-27T09:00:00+09:00", 1),
            (13 * 3_600 - 1, "2026-11-27T17:59:59+09:00", 1),
            (13 * 3_600, "2026-11-28T09:00:00+09:00", 2),
            (16 * 3_600 - 1, "2026-11-28T11:59:59+09:00", 2),
            (16 * 3_600, "2026-11-30T09:00:00+09:00", 3),
            (25 * 3_600, "2026-11-30T18:00:00+09:00", 3),   // the horizon: the last closing
        ]
        for (time, instant, day) in cases {
            #expect(clock.date(time) == at(instant), "\(time)")
            #expect(clock.dayIndex(time) == day, "\(time)")
        }
        #expect(clock.dayEnd(0) == 4 * 3_600)
        #expect(clock.dayEnd(4 * 3_600) == 13 * 3_600)
        #expect(clock.dayEnd(14 * 3_600) == 16 * 3_600)
        #expect(clock.dayEnd(25 * 3_600) == 25 * 3_600)
    }

    /// Hours are counted day by day: each day has as many as it is open (a part hour counts as one).
    @Test func hoursAreNumberedDayByDay() {
        let clock = halfDays
        #expect(clock.hourCount == 4 + 9 + 3 + 9)
        #expect((0..<4).map(clock.hours(ofDay:)) == [0..<4, 4..<13, 13..<16, 16..<25])
        let cases: [(Double, Int)] = [(0, 0), (3_599, 0), (3_600, 1), (4 * 3_600 - 1, 3), (4 * 3_600, 4),
                                      (13 * 3_600 - 1, 12), (13 * 3_600, 13), (16 * 3_600 - 1, 15), (16 * 3_600, 16),
                                      (25 * 3_600, 24)]
        for (time, hour) in cases { #expect(clock.hourIndex(time) == hour, "\(time)") }
        // An hour ends on the hour after its day's opening, or at the day's closing.
        #expect(clock.hourBoundary(after: 0) == 3_600)
        #expect(clock.hourBoundary(after: 3 * 3_600) == 4 * 3_600)
        #expect(clock.hourBoundary(after: 4 * 3_600) == 5 * 3_600)
        // Past the horizon the hours run on, so that what is left there is still handled.
        #expect(clock.hourBoundary(after: 25 * 3_600) == 26 * 3_600)
    }

    @Test func aDayThatClosesOnTheHalfHourHasAPartHour() {
        let short = BusinessCalendar.standard.with(entries: [
            CalendarEntry(id: 1, change: .opened(OpenedDate(CivilDate(year: 2026, month: 12, day: 4)),
                                                 hours: BusinessHours(unchecked: LocalTime(hour: 9, minute: 0)!,
                                                                      LocalTime(hour: 11, minute: 30)!))),
        ])
        let clock = SimulationClock(calendar: short, start: at("2026-12-04T00:00:00+09:00"), days: 2)
        #expect(clock.horizon == 2.5 * 3_600 + 9 * 3_600)
        #expect(clock.hours(ofDay: 0) == 0..<3)
        #expect(clock.hourIndex(2.5 * 3_600 - 1) == 2)
        #expect(clock.hourBoundary(after: 2 * 3_600) == 2.5 * 3_600)
        #expect(clock.date(2.5 * 3_600) == at("2026-12-07T09:00:00+09:00"))
    }

    /// 年末年始: Monday 12-28, then nothing until Monday 01-04; the closure adds no business seconds.
    @Test func theYearEndClosureIsSkipped() {
        let clock = SimulationClock(calendar: .standard, start: at("2026-12-28T00:00:00+09:00"), days: 3)
        #expect(clock.openings == [at("2026-12-28T09:00:00+09:00"), at("2027-01-04T09:00:00+09:00"),
                                   at("2027-01-05T09:00:00+09:00")])
        #expect(clock.horizon == 27 * 3_600)
        #expect(clock.date(9 * 3_600 - 1) == at("2026-12-28T17:59:59+09:00"))
        #expect(clock.date(9 * 3_600) == at("2027-01-04T09:00:00+09:00"))
        #expect(clock.date(18 * 3_600 + 60) == at("2027-01-05T09:01:00+09:00"))
    }
}
