import Foundation
import Testing
@testable import MessageDesk

/// The day simulation, driven through a real (in-memory or on-disk) desk database.
@Suite struct DaySimulationTests {
    /// Sunday 2026-11-15 in Tokyo: the run starts on Monday the 16th.
    let start = at("2026-11-15T12:00:00+09:00")

    func configuration(_ changes: (inout SimulationConfiguration) -> Void = { _ in }) -> SimulationConfiguration {
        var configuration = SimulationConfiguration()
        changes(&configuration)
        return configuration
    }

    func run(_ configuration: SimulationConfiguration, path: String = ":memory:",
             from start: Date? = nil) throws -> (SimulationReport, DeskStore) {
        let start = start ?? self.start
        let store = try SimulationDatabase.create(path: path, now: start)
        return (try DaySimulation(configuration: configuration, start: start).run(into: store), store)
    }

    @Test func theSameSeedGivesTheSameReportAndTheSameDatabase() throws {
        let directory = try makeTemporaryDirectory()
        let (first, firstStore) = try run(configuration(), path: directory + "/a.sqlite")
        let (second, secondStore) = try run(configuration(), path: directory + "/b.sqlite")
        #expect(first == second)
        #expect(try firstStore.allEvents() == secondStore.allEvents())
        #expect(try firstStore.allEvents().count > 500)
        let (other, _) = try run(configuration { $0.seed = 2 })
        #expect(other.total != first.total)
    }

    @Test func theRunFollowsBusinessDaysAndAddsUpItsDays() throws {
        let (report, _) = try run(configuration())
        #expect(report.dayOpenings == [at("2026-11-16T09:00:00+09:00"), at("2026-11-17T09:00:00+09:00"),
                                       at("2026-11-18T09:00:00+09:00"), at("2026-11-19T09:00:00+09:00"),
                                       at("2026-11-20T09:00:00+09:00")])
        #expect(report.days.map(\.mobileCalls).reduce(0, +) == report.total.mobileCalls)
        #expect(report.total.office.offered == report.total.office.answered + report.total.office.abandoned)
        #expect(report.total.callbacksOpened + report.total.callbacksJoined == report.total.office.answered)
    }

    /// A week whose Monday is 勤労感謝の日: the run simulates the five open days from Tuesday.
    @Test func theRunSkipsANationalHoliday() throws {
        let (report, _) = try run(configuration(), from: at("2026-11-22T12:00:00+09:00"))
        #expect(report.dayOpenings == [at("2026-11-24T09:00:00+09:00"), at("2026-11-25T09:00:00+09:00"),
                                       at("2026-11-26T09:00:00+09:00"), at("2026-11-27T09:00:00+09:00"),
                                       at("2026-11-30T09:00:00+09:00")])
    }

    /// The survey: 63% of callers who cannot reach the mobile call the office. 60 days × 20 salespeople give
    /// about 6,000 first decisions, a standard error of 0.6 points; ±2.5 points is four of them.
    @Test func theSurveysFallbackRateIsRecoveredFromALongRun() throws {
        let (report, _) = try run(configuration { $0.days = 60; $0.salespeople = 20; $0.seed = 63 })
        #expect(report.total.fallbackDecisions > 4_000)
        #expect(abs(report.total.fallbackRate - 0.63) < 0.025, "observed \(report.total.fallbackRate)")
    }

    @Test func urgentCallersFallBackMoreOften() {
        let base = SimulationConfiguration()
        #expect(base.urgentOfficeFallback > base.officeFallback)
        #expect(base.nonUrgentOfficeFallback < base.officeFallback)
        let overall = base.urgentShare * base.urgentOfficeFallback + (1 - base.urgentShare) * base.nonUrgentOfficeFallback
        #expect(abs(overall - 0.63) < 1e-12)
    }

    @Test func repeatCallersJoinTheirOpenCallback() throws {
        // Few clients and callers who redial: the same caller reaches the desk again while a callback is open.
        let (report, store) = try run(configuration { $0.clientsPerSalesperson = 3; $0.redialShare = 1; $0.operators = 1 })
        #expect(report.total.callbacksJoined > 0)
        let repeated = try store.callbacks(CallbackFilter(states: Set(CallbackRequest.State.allCases)), at: start)
            .filter { $0.callback.repeatCount > 0 }
        #expect(!repeated.isEmpty)
    }

    @Test func escalationsHappenOnTheSimulatedClock() throws {
        let (report, store) = try run(configuration())
        #expect(!report.total.escalations.isEmpty)
        let escalated = try store.allEvents().filter { $0.kind == "callback.escalated" }
        #expect(!escalated.isEmpty)
        // Every escalation is dated inside the simulated week, during business hours.
        let calendar = store.policy.calendar
        #expect(escalated.allSatisfy { calendar.isBusinessTime($0.at) || $0.at == calendar.endOfBusinessDay(for: $0.at) })
        #expect(escalated.allSatisfy { $0.at > at("2026-11-16T09:00:00+09:00") && $0.at <= at("2026-11-20T18:00:00+09:00") })
    }

    @Test func salespeopleCloseCallbacksThroughTheLibrary() throws {
        let (report, store) = try run(configuration())
        let done = try store.callbacks(CallbackFilter(states: [.done]), at: start)
        #expect(done.count == report.total.callbacksDone)
        #expect(report.total.callbacksDoneOnTime <= report.total.callbacksDone)
        #expect(report.total.callbackDelays.count <= report.total.callbacksDone)
        #expect(report.total.failedAttempts > 0)
    }

    /// The simulator tracks who owes what from the library's answers; what an earlier run left owed in the
    /// same database is read at the start, so the next run works it too.
    @Test func callbacksLeftOwedByAnEarlierRunAreWorkedByTheNext() throws {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        // Callers rarely reached on the first day: callbacks are still owed at its close.
        let (_, store) = try run(configuration { $0.days = 1; $0.reachProbability = 0.1; $0.retryAttemptMinutes = 240 }, path: path)
        let owedBefore = try store.callbacks(CallbackFilter(), at: start).count
        #expect(owedBefore > 0)
        let quiet = configuration { $0.days = 1; $0.callsPerSalespersonPerDay = 0; $0.reachProbability = 1 }
        let report = try DaySimulation(configuration: quiet, start: at("2026-11-17T08:00:00+09:00")).run(into: store)
        #expect(report.total.office.offered == 0)
        #expect(report.total.callbacksDone > 0)
        #expect(try store.callbacks(CallbackFilter(), at: start).count == owedBefore - report.total.callbacksDone)
    }

    @Test func meetingsVisitsAndDaysOffAreOnThePresenceBoard() throws {
        let (_, store) = try run(configuration { $0.dayOffProbability = 0.2 })
        let changes = try store.allEvents().filter { $0.kind == "presence.changed" && $0.actor == "simulator" }
        let statuses: Set<String> = Set(changes.compactMap {
            if case .string(let status)? = $0.after?["status"] { return status } else { return nil }
        })
        #expect(statuses == ["meeting", "out", "day_off"])
    }

    @Test func withoutADeskNobodyAnswersTheOfficeAndMoreDealsAreLost() throws {
        let (none, store) = try run(configuration { $0.operators = 0 })
        let (desk, _) = try run(configuration { $0.operators = 2 })
        #expect(none.total.office.offered > 0)
        #expect(none.total.office.answered == 0)
        #expect(none.total.office.abandoned == none.total.office.offered)
        #expect(none.total.callbacksOpened == 0)
        #expect(try store.callbacks(CallbackFilter(), at: start).isEmpty)
        #expect(none.total.dealsLost > desk.total.dealsLost)
    }

    @Test func parametersAreSetByNameAndBadOnesAreRefused() throws {
        var configuration = SimulationConfiguration()
        try SimulationParameter.apply("operators=3", to: &configuration)
        try SimulationParameter.apply("office-fallback=0.7", to: &configuration)
        try SimulationParameter.apply("hourly-profile=1/2/1", to: &configuration)
        #expect(configuration.operators == 3 && configuration.officeFallback == 0.7 && configuration.hourlyProfile == [1, 2, 1])
        #expect(throws: InputError.self) { try SimulationParameter.apply("operators=-1", to: &configuration) }
        #expect(throws: InputError.self) { try SimulationParameter.apply("office-fallback=1.5", to: &configuration) }
        #expect(throws: InputError.self) { try SimulationParameter.apply("nonsense=1", to: &configuration) }
        #expect(throws: InputError.self) { try SimulationParameter.apply("operators", to: &configuration) }
        #expect(SimulationParameter.named("seed")?.value(in: SimulationConfiguration()) == "1")
    }

    /// The library itself refuses to play traffic into a real desk: its sweep would escalate real callbacks.
    @Test func aRealDeskIsRefusedBeforeAnythingIsWritten() throws {
        let store = try makeDesk()
        _ = try store.takeMessage(message(urgent: true), actor: "sato", at: at("2026-11-20T10:00:00+09:00"))
        let events = try store.allEvents()
        do {
            _ = try DaySimulation(configuration: configuration { $0.days = 1 }, start: start).run(into: store)
            Issue.record("a simulation ran into a real desk")
        } catch let error as DeskError {
            #expect(error == DeskError(.badInput, "\(store.path) is a real desk, and a simulation would escalate its "
                                       + "callbacks and notify its staff; simulate into another, new file"))
        }
        #expect(try store.allEvents() == events)
    }

    @Test func aConfigurationBuiltByHandIsCheckedBeforeItRuns() throws {
        let store = try SimulationDatabase.create(path: ":memory:", now: start)
        for broken in [configuration { $0.days = 0 }, configuration { $0.clientsPerSalesperson = 0 },
                       configuration { $0.hourlyProfile = [] }, configuration { $0.urgentShare = 2 },
                       configuration { $0.salespeople = 100_000; $0.clientsPerSalesperson = 10_000 }] {
            #expect(throws: DeskError.self) { try DaySimulation(configuration: broken, start: start).run(into: store) }
        }
    }
}
