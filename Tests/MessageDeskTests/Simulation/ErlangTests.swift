import Testing
@testable import MessageDesk

/// The golden figures of the simulator issue: 100 calls per 30 minutes, 180 s handling (A = 10 Erlangs).
@Suite struct ErlangTests {
    let lambda = 100.0 / 1800.0

    @Test func erlangCGoldenValuesForFourteenAgents() {
        let queue = ErlangC(arrivalRate: lambda, meanHandlingTime: 180, agents: 14)
        #expect(abs(queue.offeredLoad - 10) < 1e-12)
        #expect(abs(queue.probabilityOfWaiting - 0.1741319) < 1e-6)
        #expect(abs(queue.serviceLevel(target: 20) - 0.8883500) < 1e-6)
        #expect(abs(queue.averageSpeedOfAnswer - 7.836) < 1e-3)
        #expect(abs(queue.occupancy - 0.7142857) < 1e-6)
    }

    @Test func erlangAGoldenValuesForThirteenAgentsAndFiveMinutesPatience() {
        let queue = ErlangA(arrivalRate: lambda, meanHandlingTime: 180, meanPatience: 300, agents: 13)
        #expect(abs(queue.probabilityOfWaiting - 0.2258) < 0.5e-4)
        #expect(abs(queue.probabilityOfAbandoning - 0.02496) < 0.5e-5)
    }

    @Test func erlangBRecursionMatchesTheTextbookFormulaAndStaysFiniteForLargeOffices() {
        // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2.
        #expect(abs(ErlangB.blocking(load: 1, agents: 2) - 0.2) < 1e-15)
        let big = ErlangC(arrivalRate: 5, meanHandlingTime: 180, agents: 920)
        #expect(big.probabilityOfWaiting.isFinite)
        #expect(big.probabilityOfWaiting > 0 && big.probabilityOfWaiting < 1)
    }

    @Test func anOverloadedQueueMakesEveryoneWait() {
        let queue = ErlangC(arrivalRate: lambda, meanHandlingTime: 180, agents: 10)
        #expect(!queue.isStable)
        #expect(queue.probabilityOfWaiting == 1)
        #expect(queue.serviceLevel(target: 20) == 0)
        #expect(queue.averageSpeedOfAnswer == .infinity)
        #expect(queue.occupancy == 1)
    }

    @Test func erlangASettlesWhenOverloadedBecauseCallersHangUp() {
        let queue = ErlangA(arrivalRate: lambda, meanHandlingTime: 180, meanPatience: 300, agents: 5)
        #expect(queue.probabilityOfWaiting > 0.9 && queue.probabilityOfWaiting <= 1)
        // At least the excess load (10 − 5)/10 must leave.
        #expect(queue.probabilityOfAbandoning > 0.5 && queue.probabilityOfAbandoning < 1)
        #expect(queue.occupancy <= 1)
    }

    @Test func erlangAApproachesErlangCAsPatienceGrows() {
        let c = ErlangC(arrivalRate: lambda, meanHandlingTime: 180, agents: 14)
        let a = ErlangA(arrivalRate: lambda, meanHandlingTime: 180, meanPatience: 1e7, agents: 14)
        #expect(abs(a.probabilityOfWaiting - c.probabilityOfWaiting) < 1e-4)
        #expect(abs(a.averageWait - c.averageSpeedOfAnswer) < 0.01)
    }
}
