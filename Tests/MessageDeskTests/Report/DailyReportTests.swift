import Foundation
import Testing
@testable import MessageDesk

/// The daily summary through the library, on a Friday (2026-11-20) whose figures are worked out by hand.
@Suite struct DailyReportTests {
    /// The fixture, in the order it happens (Tokyo times; ids in order of opening):
    ///
    /// - Thu 17:00      #1 opened for tanaka (A), due Thu 18:00.
    /// - Thu 23:59:59   #2 opened for suzuki (C), due Fri 18:00 — the day before: its call does not count.
    /// - Fri 00:00:00   #3 opened for suzuki (B), due Fri 18:00 — the first second of the day: counts.
    /// - Fri 09:00      tanaka closes #1: done, late (due Thu 18:00); 16h = 960 min after opening.
    /// - Fri 09:30:59   suzuki closes #2: done within its window; 9h 31m = 571 min.
    /// - Fri 10:00      #4 opened for tanaka (D), urgent, due 10:30; 10:10 reassigned to suzuki;
    ///                  10:20 suzuki closes it: done within the window, 20 min — opened counts for tanaka.
    /// - Fri 11:00      #5 opened for tanaka (E), due 18:00; 12:00 sato escalates it to boss (tanaka's contact).
    /// - Fri 12:30      suzuki cancels #3.
    func friday() throws -> DeskStore {
        let desk = try makeDesk(now: at("2026-11-19T09:00:00+09:00"))
        _ = try desk.takeMessage(message(for: "tanaka", phone: "03-1000-0001"), actor: "sato", at: at("2026-11-19T17:00:00+09:00"))
        _ = try desk.takeMessage(message(for: "suzuki", phone: "03-1000-0003"), actor: "sato", at: at("2026-11-19T23:59:59+09:00"))
        _ = try desk.takeMessage(message(for: "suzuki", phone: "03-1000-0002"), actor: "sato", at: at("2026-11-20T00:00:00+09:00"))
        try desk.complete(1, note: nil, actor: "tanaka", at: at("2026-11-20T09:00:00+09:00"))
        try desk.complete(2, note: nil, actor: "suzuki", at: at("2026-11-20T09:30:59+09:00"))
        _ = try desk.takeMessage(message(for: "tanaka", phone: "03-1000-0004", urgent: true), actor: "sato",
                             at: at("2026-11-20T10:00:00+09:00"))
        try desk.reassign(4, to: "suzuki", reason: nil, actor: "sato", at: at("2026-11-20T10:10:00+09:00"))
        try desk.complete(4, note: nil, actor: "suzuki", at: at("2026-11-20T10:20:00+09:00"))
        _ = try desk.takeMessage(message(for: "tanaka", phone: "03-1000-0005"), actor: "sato", at: at("2026-11-20T11:00:00+09:00"))
        try desk.escalate(5, to: nil, reason: "no answer", actor: "sato", at: at("2026-11-20T12:00:00+09:00"))
        try desk.cancel(3, reason: "重複", actor: "suzuki", at: at("2026-11-20T12:30:00+09:00"))
        return desk
    }

    func minutes(_ count: Double) -> TimeInterval { count * 60 }

    func figures(calls: Int = 0, opened: Int = 0, done: Int = 0, within: Int = 0, cancelled: Int = 0, open: Int = 0,
                 overdue: Int = 0, bands: [PriorityBand: Int] = [:], escalations: Int = 0,
                 times: [TimeInterval] = []) -> DailyReport.Figures {
        DailyReport.Figures(
            callsTaken: calls, callbacksOpened: opened, done: done, doneWithinWindow: within, cancelled: cancelled,
            openAtEnd: open, overdueAtEnd: overdue, openByBand: bands, escalations: escalations, timesToCallback: times)
    }

    func day(_ text: String, _ desk: DeskStore) throws -> LocalDay {
        try LocalDay(parsing: text, now: at("2026-11-20T12:00:00+09:00"), calendar: desk.policy.calendar)
    }

    @Test func theFiguresOfAWholeDayAreThoseWorkedOutByHand() throws {
        let desk = try friday()
        let report = try desk.dailyReport(for: try day("2026-11-20", desk), at: at("2026-11-23T09:00:00+09:00"))
        #expect(report.isComplete)
        #expect(report.asOf == at("2026-11-21T00:00:00+09:00"))

        // Calls: tanaka D and E, suzuki B (C was the day before). Opened: #4 and #5 for tanaka, #3 for suzuki.
        // Done: #1 (tanaka, late, 960 min); #2 (571 min) and #4 (20 min) for suzuki, both in their window.
        // Open at the end: #5, with boss since the escalation; due 18:00, so overdue at midnight.
        // Its priority then: 7 business hours old × 0.5 = 3.5, escalation level 1 × 2 = 2 → 5.5, medium.
        let office = figures(calls: 3, opened: 3, done: 3, within: 2, cancelled: 1, open: 1, overdue: 1, bands: [.medium: 1],
                             escalations: 1, times: [minutes(20), minutes(571), minutes(960)])
        #expect(report.office == office)
        #expect(office.medianTimeToCallback == minutes(571))   // rank ⌈0.5 × 3⌉ = 2
        #expect(office.p90TimeToCallback == minutes(960))      // rank ⌈0.9 × 3⌉ = 3
        #expect(office.shareDoneWithinWindow == 2.0 / 3.0)

        // sato (an operator with nothing that day) is left out.
        #expect(report.people.map(\.handle) == ["boss", "suzuki", "tanaka"])
        #expect(report.people.map(\.name) == ["部長", "鈴木花子", "田中一郎"])
        #expect(report.people.map(\.figures) == [
            figures(open: 1, overdue: 1, bands: [.medium: 1]),
            figures(calls: 1, opened: 1, done: 2, within: 2, cancelled: 1, times: [minutes(20), minutes(571)]),
            figures(calls: 2, opened: 2, done: 1, escalations: 1, times: [minutes(960)]),
        ])
        #expect(report.people[0].open == [DailyReport.OpenCallback(
            id: 5, caller: "山田太郎", company: "ＡＢＣ商事", state: .open, urgent: false,
            dueAt: at("2026-11-20T18:00:00+09:00"), repeatCount: 0, priority: 5.5, band: .medium, overdue: true)])
        #expect(report.people[1].figures.medianTimeToCallback == minutes(20))  // nearest rank: the lower middle of two
        #expect(report.people[2].figures.shareDoneWithinWindow == 0)
    }

    @Test func aPastDayIsTheSameAfterLaterJoinsMovesClosingsAndSettings() throws {
        let desk = try friday()
        let friday = try day("2026-11-20", desk)
        let before = try desk.dailyReport(for: friday, at: at("2026-11-21T00:00:00+09:00"))
        // Saturday: E calls again under another name, urgent (joins #5: repeat count and urgent change);
        // the priority of age is quadrupled. Monday: #5 goes back to tanaka, is escalated again, and closed.
        _ = try desk.takeMessage(NewMessage(forHandle: "boss", callerName: "山田花子", phone: phone("03-1000-0005"),
                                        company: "ＸＹＺ物産", body: "再度", urgent: true),
                             actor: "sato", at: at("2026-11-21T00:00:00+09:00"))
        try desk.set(.priorityAgePerHour, to: "2", actor: "boss", at: at("2026-11-21T10:00:00+09:00"))
        try desk.reassign(5, to: "tanaka", reason: nil, actor: "boss", at: at("2026-11-23T09:00:00+09:00"))
        try desk.escalate(5, to: "suzuki", reason: nil, actor: "sato", at: at("2026-11-23T09:10:00+09:00"))
        try desk.complete(5, note: nil, actor: "suzuki", at: at("2026-11-23T09:20:00+09:00"))

        let after = try desk.dailyReport(for: friday, at: at("2026-11-23T12:00:00+09:00"))
        #expect(after == before)
        #expect(after.people[0].open.first?.caller == "山田太郎")
        // The later days see the later activity.
        let saturday = try desk.dailyReport(for: try day("2026-11-21", desk), at: at("2026-11-23T12:00:00+09:00"))
        #expect(saturday.office.callsTaken == 1)  // 00:00:00 is Saturday's first second
        let monday = try desk.dailyReport(for: try day("2026-11-23", desk), at: at("2026-11-23T12:00:00+09:00"))
        // boss only handed #5 on: nothing to count for him.
        #expect(monday.people.map(\.handle) == ["suzuki", "tanaka"])
        #expect(monday.people.map(\.figures.escalations) == [0, 1])   // escalated away from tanaka
        #expect(monday.people.map(\.figures.done) == [1, 0])
    }

    @Test func todayIsTheDaySoFarAsOfNow() throws {
        let desk = try friday()
        let friday = try day("today", desk)
        let noon = try desk.dailyReport(for: friday, at: at("2026-11-20T12:00:00+09:00"))
        #expect(!noon.isComplete)
        #expect(noon.asOf == at("2026-11-20T12:00:00+09:00"))
        // The escalation at exactly 12:00:00 counts; #5 is not overdue until 18:00.
        #expect(noon.office.escalations == 1)
        #expect(noon.people.first?.open.map(\.overdue) == [false])
        // With the clock set back to 11:00, later events are not counted: #3 is still open, #5 still tanaka's.
        let eleven = try desk.dailyReport(for: friday, at: at("2026-11-20T11:00:00+09:00"))
        #expect(eleven.office.escalations == 0 && eleven.office.cancelled == 0)
        #expect(eleven.people.map(\.handle) == ["suzuki", "tanaka"])
        #expect(eleven.people.map { $0.open.map(\.id) } == [[3], [5]])
    }

    @Test func aDayThatHasNotBegunIsRefused() throws {
        let desk = try friday()
        #expect(throws: DeskError(.badInput, "2026-11-21 has not begun yet (it is 2026-11-20 12:00 now); give today or an earlier day")) {
            try desk.dailyReport(for: try day("2026-11-21", desk), at: at("2026-11-20T12:00:00+09:00"))
        }
    }

    @Test func aDayWithNothingListsNobody() throws {
        let desk = try makeDesk()
        let report = try desk.dailyReport(for: try day("today", desk), at: at("2026-11-20T12:00:00+09:00"))
        #expect(report.people.isEmpty)
        #expect(report.office == DailyReport.Figures())
        #expect(report.office.medianTimeToCallback == nil && report.office.shareDoneWithinWindow == nil)
    }

    @Test func openCallbacksAreBandedAndListedMostPressingFirst() throws {
        let desk = try makeDesk(now: at("2026-11-20T09:00:00+09:00"))
        // At 18:00: A urgent from 09:00, due 09:30 → 8 + 8.5h overdue × 3 + age cap 4 = 37.5 (high).
        // B due 16:00, opened 15:00 → 2h overdue × 3 + 3h × 0.5 = 7.5 (medium). C due 17:00, opened 16:00,
        // called twice → 1h × 3 + 2h × 0.5 + 3 = 7.0 (medium). D opened 17:00 → 0.5 (low).
        _ = try desk.takeMessage(message(phone: "03-1000-0001", urgent: true), actor: "sato", at: at("2026-11-20T09:00:00+09:00"))
        _ = try desk.takeMessage(message(phone: "03-1000-0002", notAfter: at("2026-11-20T16:00:00+09:00")), actor: "sato",
                             at: at("2026-11-20T15:00:00+09:00"))
        _ = try desk.takeMessage(message(phone: "03-1000-0003", notAfter: at("2026-11-20T17:00:00+09:00")), actor: "sato",
                             at: at("2026-11-20T16:00:00+09:00"))
        _ = try desk.takeMessage(message(phone: "03-1000-0003"), actor: "sato", at: at("2026-11-20T16:30:00+09:00"))
        _ = try desk.takeMessage(message(phone: "03-1000-0004"), actor: "sato", at: at("2026-11-20T17:00:00+09:00"))
        let report = try desk.dailyReport(for: try day("today", desk), at: at("2026-11-20T18:00:00+09:00"))
        let tanaka = try #require(report.people.first)
        #expect(tanaka.open.map(\.id) == [1, 2, 3, 4])
        #expect(tanaka.open.map(\.priority) == [37.5, 7.5, 7.0, 0.5])
        #expect(tanaka.open.map(\.band) == [.high, .medium, .medium, .low])
        #expect(tanaka.figures.openByBand == [.high: 1, .medium: 2, .low: 1])
        #expect(tanaka.figures.overdueAtEnd == 3)
        #expect(tanaka.figures.callsTaken == 5 && tanaka.figures.callbacksOpened == 4)
    }
}
