import Foundation
import Testing
@testable import MessageDesk

/// The simulator over the office's own calendar: each simulated day has its own hours, and what is owed at
/// a closure's eve is carried over it. Ranges hold no national holiday, so these figures stay when holidays land.
@Suite struct SimulatedOfficeDaysTests {
    let created = at("2026-11-20T10:00:00+09:00")

    func hours(_ text: String) throws -> BusinessHours { try BusinessHours(parsing: text) }

    /// A simulation database whose office opens on Saturdays 09:00-12:00 and half a day on Thursday 11-26.
    func halfDayOffice() throws -> DeskStore {
        let store = try SimulationDatabase.create(path: ":memory:", now: created)
        try store.setHours(of: .saturday, to: try hours("09:00-12:00"), actor: "bucho", at: created)
        try store.open(try OpenedDate(parsing: "2026-11-26"), hours: try hours("09:00-13:00"), actor: "bucho", at: created)
        return store
    }

    func configuration(_ changes: (inout SimulationConfiguration) -> Void = { _ in }) -> SimulationConfiguration {
        var configuration = SimulationConfiguration()
        changes(&configuration)
        return configuration
    }

    /// Thu 11-26 (4 h), Fri 11-27 (9 h), Sat 11-28 (3 h), Mon 11-30 (9 h): staffed time, the days' hours
    /// and the hours of the chart are each day's own.
    @Test func eachDayIsSimulatedWithItsOwnHours() throws {
        let store = try halfDayOffice()
        let report = try DaySimulation(configuration: configuration { $0.days = 4; $0.operators = 3 },
                                       start: at("2026-11-26T08:00:00+09:00")).run(into: store)
        #expect(report.dayOpenings == ["2026-11-26T09:00", "2026-11-27T09:00", "2026-11-28T09:00", "2026-11-30T09:00"]
            .map { at($0 + ":00+09:00") })
        #expect(report.dayClosings == ["2026-11-26T13:00", "2026-11-27T18:00", "2026-11-28T12:00", "2026-11-30T18:00"]
            .map { at($0 + ":00+09:00") })
        #expect(report.days.map(\.staffedSeconds) == [4, 9, 3, 9].map { 3.0 * Double($0) * 3_600 })
        #expect(report.hours.map(\.count) == [4, 9, 3, 9])
        #expect(report.hours.flatMap { $0 }.map(\.officeCalls).reduce(0, +) == report.total.office.offered)
        #expect(report.closedDays.map(\.day.description) == [])   // Sunday 11-29 is the weekly rest day, not a closure
        // Nothing happens outside each day's own hours.
        let calendar = store.policy.calendar
        let events = try store.allEvents().filter { $0.at > created }
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { calendar.isBusinessTime($0.at) || calendar.closing(onDayOf: $0.at) == $0.at })
        #expect(!events.contains { calendar.dayString($0.at) == "2026-11-26" && calendar.timeString($0.at) >= "13:00" })
        #expect(!events.contains { calendar.dayString($0.at) == "2026-11-28" && calendar.timeString($0.at) >= "12:00" })
    }

    /// Calls follow the hourly profile by hour since opening: a 3-hour Saturday gets the profile's first three
    /// hours, 0.8 + 1.6 + 1.4 of 9.8, about 39% of a usual day's calls (with no retries, every mobile call is a first call).
    @Test func aShortDayGetsTheCallsOfItsHours() throws {
        let store = try SimulationDatabase.create(path: ":memory:", now: created)
        for weekday in Weekday.mondayFirst where weekday != .saturday {
            try store.setHours(of: weekday, to: nil, actor: "bucho", at: created)
        }
        try store.setHours(of: .saturday, to: try hours("09:00-12:00"), actor: "bucho", at: created)
        let report = try DaySimulation(configuration: configuration { $0.days = 10; $0.salespeople = 30; $0.retryMobileShare = 0 },
                                       start: at("2026-11-28T00:00:00+09:00")).run(into: store)
        #expect(report.dayOpenings.allSatisfy { store.policy.calendar.timeString($0) == "09:00" })
        // Expected 10 × 30 × 8 × 3.8 / 9.8 = 930.6 first calls; the Poisson standard deviation is 30.5.
        #expect(abs(Double(report.total.mobileCalls) - 930.6) < 4 * 30.5, "\(report.total.mobileCalls) calls")
    }

    /// 年末年始: Monday 12-28, then 01-04 and 01-05. Callbacks still owed at 18:00 on 12-28 keep their due times
    /// across the closure and are worked on 01-04; nothing is dated inside the closure. Callers hard to reach and
    /// long waits between attempts leave plenty owed at the close.
    @Test func whatIsOwedBeforeTheYearEndIsWorkedWhenTheOfficeReopens() throws {
        let store = try SimulationDatabase.create(path: ":memory:", now: created)
        let report = try DaySimulation(configuration: configuration {
            $0.days = 3; $0.salespeople = 20; $0.reachProbability = 0.3; $0.retryAttemptMinutes = 240
        }, start: at("2026-12-28T00:00:00+09:00")).run(into: store)
        let calendar = store.policy.calendar
        #expect(report.dayOpenings.map(calendar.dayString) == ["2026-12-28", "2027-01-04", "2027-01-05"])
        #expect(report.closedDays.map(\.day.description)
                == ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"])
        // 元日 is closed as the holiday it is, the other days by the office's closure.
        #expect(report.closedDays.map { day -> String in
            switch day.office {
            case .closed(.holiday(let holiday)): holiday.name
            case .closed(.closed(let note)): note
            case .closed(.weekday), .open: "\(day.office)"
            }
        } == ["年末年始", "年末年始", "年末年始", "元日", "年末年始", "年末年始"])
        let events = try store.allEvents()
        let closure = at("2026-12-29T00:00:00+09:00")..<at("2027-01-04T00:00:00+09:00")
        #expect(!events.contains { closure.contains($0.at) })
        let all = try store.callbacks(CallbackFilter(states: Set(CallbackRequest.State.allCases)), at: created).map(\.callback)
        let eve = all.filter { calendar.dayString($0.openedAt) == "2026-12-28" }
        let carried = eve.filter { $0.closedAt.map { calendar.dayString($0) != "2026-12-28" } ?? true }
        #expect(!carried.isEmpty)
        // Their due times are the library's (taken in business hours, they fall due on 12-28 and are overdue
        // over the closure, which counts no business time); none falls inside the closure.
        #expect(carried.allSatisfy { !closure.contains($0.dueAt) })
        #expect(carried.filter { $0.repeatCount == 0 }.allSatisfy {
            $0.dueAt == store.policy.due.dueTime(takenAt: $0.openedAt, urgent: $0.urgent, notBefore: $0.notBefore,
                                                 notAfter: $0.notAfter, buyerType: $0.buyerType)
        })
        // Worked by their salespeople on the 4th: acknowledged, attempted or done.
        let worked = Set(events.filter {
            $0.subject == .callback && $0.actor.hasPrefix("sp") && calendar.dayString($0.at) == "2027-01-04"
                && ["callback.acknowledged", "callback.attempted", "callback.done"].contains($0.kind)
        }.map(\.subjectID))
        #expect(carried.contains { worked.contains($0.id) })
    }
}
