import Testing
@testable import MessageDesk

/// The office-queue engine, checked case by case and then statistically against Erlang C and Erlang A.
@Suite struct OfficeQueueTests {
    let lambda = 100.0 / 1800.0   // A = 10 Erlangs with 180 s handling, as in the golden values

    @Test func aFreeOperatorAnswersAtOnceAndABusyLineMakesTheNextCallerWait() {
        var line = OfficeQueue(operators: 1)
        #expect(line.offer(arrival: 10, handling: 100, patience: 60) == .answered(at: 10, until: 110))
        #expect(line.offer(arrival: 20, handling: 50, patience: 120) == .answered(at: 110, until: 160))
        // The operator frees at 160, 30 s after this caller's patience ends at 130.
        #expect(line.offer(arrival: 70, handling: 50, patience: 60) == .abandoned(at: 130))
        // The one who hung up did not take the operator.
        #expect(line.offer(arrival: 150, handling: 10, patience: 60) == .answered(at: 160, until: 170))
    }

    @Test func noOperatorsMeansNoDesk() {
        var line = OfficeQueue(operators: 0)
        #expect(line.offer(arrival: 0, handling: 10, patience: .infinity) == .noDesk)
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        let run = MarkovianOfficeRun(arrivalRate: lambda, meanHandlingTime: 180, operators: 14, calls: 5000)
        #expect(run.run(seed: 7) == run.run(seed: 7))
        #expect(run.run(seed: 7) != run.run(seed: 8))
    }

    /// 20 independent replications of 20,000 counted calls (after 1,000 warm-up calls each), seeds 1…20 chosen once.
    private func replications(patience: Double?, operators: Int) -> [OfficeQueueStatistics] {
        let run = MarkovianOfficeRun(arrivalRate: lambda, meanHandlingTime: 180, meanPatience: patience,
                                     operators: operators, calls: 20_000)
        return (1...20).map { run.run(seed: UInt64($0)) }
    }

    @Test func erlangCLiesInsideTheReplicationsNinetyFivePercentIntervals() {
        let runs = replications(patience: nil, operators: 14)
        let theory = ErlangC(arrivalRate: lambda, meanHandlingTime: 180, agents: 14)
        let wait = ConfidenceInterval(samples: runs.map(\.probabilityOfWaiting))
        let asa = ConfidenceInterval(samples: runs.map(\.averageSpeedOfAnswer))
        let sl = ConfidenceInterval(samples: runs.map(\.serviceLevel))
        #expect(wait.contains(theory.probabilityOfWaiting), "P(wait) \(theory.probabilityOfWaiting) vs \(wait)")
        #expect(asa.contains(theory.averageSpeedOfAnswer), "ASA \(theory.averageSpeedOfAnswer) vs \(asa)")
        #expect(sl.contains(theory.serviceLevel(target: 20)), "SL \(theory.serviceLevel(target: 20)) vs \(sl)")
        // A real comparison: the intervals are narrow enough to reject a formula off by a few percent.
        #expect(wait.halfWidth < 0.02 && asa.halfWidth < 1 && sl.halfWidth < 0.01)
        #expect(runs.allSatisfy { $0.abandoned == 0 })
    }

    @Test func erlangALiesInsideTheReplicationsNinetyFivePercentIntervals() {
        let runs = replications(patience: 300, operators: 13)
        let theory = ErlangA(arrivalRate: lambda, meanHandlingTime: 180, meanPatience: 300, agents: 13)
        let abandon = ConfidenceInterval(samples: runs.map(\.abandonRate))
        let wait = ConfidenceInterval(samples: runs.map(\.probabilityOfWaiting))
        #expect(abandon.contains(theory.probabilityOfAbandoning), "P(abandon) \(theory.probabilityOfAbandoning) vs \(abandon)")
        #expect(wait.contains(theory.probabilityOfWaiting), "P(wait) \(theory.probabilityOfWaiting) vs \(wait)")
        #expect(abandon.halfWidth < 0.005 && wait.halfWidth < 0.02)
    }

    @Test func theTQuantileMatchesTheTable() {
        #expect(ConfidenceInterval.t975(degreesOfFreedom: 19) == 2.093)
        #expect(abs(ConfidenceInterval.t975(degreesOfFreedom: 60) - 2.000) < 1e-3)
        #expect(abs(ConfidenceInterval.t975(degreesOfFreedom: 120) - 1.980) < 1e-3)
    }
}
