import Foundation
import Testing
@testable import MessageDesk

/// The simulator keeps its own copy of what each salesperson owes, so that a free salesperson need not read the
/// database to learn there is nothing to try. It stays right only while every change to a callback that the run
/// makes passes through it and the sweep changes no owner or state: these tests catch it going stale.
@Suite struct OwedCallbacksTests {
    /// Sunday 2026-11-22 in Tokyo: the run starts on Monday the 23rd.
    let start = at("2026-11-22T12:00:00+09:00")

    @Test func theCopyOfWhatIsOwedMatchesTheStoreAtTheEndOfEveryDay() throws {
        var configuration = SimulationConfiguration()
        configuration.days = 4
        configuration.salespeople = 30
        configuration.operators = 2
        let store = try SimulationDatabase.create(path: ":memory:", now: start)
        let engine = try SimulationEngine(configuration: configuration, start: start, store: store)
        var stale: [String] = []
        var checked: [Int] = []
        var owedAtDayEnd = 0
        var acknowledgedAtDayEnd = 0
        _ = try engine.run { day, _ in
            checked.append(day)
            do {
                stale += try engine.staleOwedCallbacks().map { "day \(day): \($0)" }
                let live = try store.callbacks(CallbackFilter(), at: start).map(\.callback)
                owedAtDayEnd += live.count
                acknowledgedAtDayEnd += live.filter { $0.state == .acknowledged }.count
            } catch {
                stale.append("day \(day): \(error)")
            }
        }
        #expect(checked == [1, 2, 3, 4])
        #expect(stale == [])
        // Not a vacuous check: callbacks were owed at the ends of the days, and some were acknowledged.
        #expect(owedAtDayEnd > 50)
        #expect(acknowledgedAtDayEnd > 5)
        // The sweep ran and escalated while the copy was kept: the rule it relies on was exercised.
        #expect(try store.allEvents().contains { $0.kind == "callback.escalated" })
    }

    @Test func aChangeTheCopyDidNotHearOfIsReportedExactly() throws {
        var configuration = SimulationConfiguration()
        configuration.salespeople = 3
        let store = try SimulationDatabase.create(path: ":memory:", now: start)
        let engine = try SimulationEngine(configuration: configuration, start: start, store: store)
        let now = at("2026-11-24T10:00:00+09:00")
        let taken = try store.takeMessage(
            NewMessage(forHandle: "sp0001", callerName: "顧客1", phone: try PhoneNumber(parsing: "03-1000-0001"),
                       body: "見積の件で折り返しください"), actor: SimulationEngine.actor, at: now)
        #expect(try engine.staleOwedCallbacks() == ["#1 (owner sp0001, open, not before -) is missing"])
        engine.owed.note(taken.callback)
        #expect(try engine.staleOwedCallbacks() == [])
        // Something the simulator never does, behind the copy's back: the callback changes hands, then is seen.
        _ = try store.reassign(1, to: "sp0002", reason: nil, actor: "bucho", at: now)
        _ = try store.acknowledge(1, actor: "sp0002", at: now)
        #expect(try engine.staleOwedCallbacks() == [
            "#1: the copy says owner sp0001, open, not before -, the store owner sp0002, acknowledged, not before -",
            "#1 is not in sp0002's list",
        ])
        // Told, the copy moves the callback to its new owner.
        engine.owed.note(try store.callback(id: 1))
        #expect(try engine.staleOwedCallbacks() == [])
        #expect(engine.owed.owed(by: 0) == [] && engine.owed.owed(by: 1) == [1])
        // A callback that closes behind its back stays in the copy: reported too.
        _ = try store.complete(1, note: nil, actor: "sp0002", at: now)
        #expect(try engine.staleOwedCallbacks() == ["#1 is in the copy but no longer owed by a salesperson"])
    }
}
