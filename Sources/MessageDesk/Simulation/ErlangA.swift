/// The Erlang A (M/M/c+M) model of a call queue: Erlang C plus callers who hang up after an exponential patience.
///
/// Computed exactly from the birth–death chain of the number of callers in the system: births at the
/// arrival rate λ, deaths at min(n, c)·μ + max(n − c, 0)·θ with θ = 1 / mean patience. States up to c come
/// from the Erlang B recursion (so no Aᶜ/c! is formed); states above c are summed term by term until the
/// remaining tail is below rounding, rescaling the running sums when an overloaded queue makes them large.
/// Waiting and abandoning probabilities follow from PASTA (arrivals see the time-average state).
public struct ErlangA: Sendable, Equatable {
    /// Calls per second.
    public let arrivalRate: Double
    /// Mean handling time of one call, in seconds.
    public let meanHandlingTime: Double
    /// Mean patience of a waiting caller, in seconds (must be positive and finite).
    public let meanPatience: Double
    /// Operators answering the line.
    public let agents: Int

    /// The probability that a caller has to wait.
    public let probabilityOfWaiting: Double
    /// The probability that a caller hangs up before being answered.
    public let probabilityOfAbandoning: Double
    /// The mean number of callers waiting.
    public let averageQueueLength: Double

    /// Solves the queue with `arrivalRate` calls per second, mean handling and patience in seconds, and `agents` operators.
    public init(arrivalRate: Double, meanHandlingTime: Double, meanPatience: Double, agents: Int) {
        self.arrivalRate = arrivalRate
        self.meanHandlingTime = meanHandlingTime
        self.meanPatience = meanPatience
        self.agents = agents
        let solution = ErlangA.solve(lambda: arrivalRate, mu: 1 / meanHandlingTime, theta: 1 / meanPatience, agents: agents)
        probabilityOfWaiting = solution.wait
        probabilityOfAbandoning = solution.abandon
        averageQueueLength = solution.queue
    }

    /// The offered load A in Erlangs.
    public var offeredLoad: Double { arrivalRate * meanHandlingTime }

    /// The mean time a caller spends waiting (answered or not), in seconds, by Little's law.
    public var averageWait: Double { arrivalRate > 0 ? averageQueueLength / arrivalRate : 0 }

    /// The share of time an operator spends on calls: the answered load over the agents.
    public var occupancy: Double {
        guard agents > 0 else { return 1 }
        return min(1, offeredLoad * (1 - probabilityOfAbandoning) / Double(agents))
    }

    // MARK: - Birth–death solution

    private static func solve(lambda: Double, mu: Double, theta: Double, agents: Int)
        -> (wait: Double, abandon: Double, queue: Double) {
        guard lambda > 0, mu > 0, theta > 0, theta.isFinite else { return (0, 0, 0) }
        let load = lambda / mu
        let c = Double(agents)
        // Weights relative to π_c = 1: Σ_{n<c} π_n = 1/B − 1.
        var below = 1 / ErlangB.blocking(load: load, agents: agents) - 1
        var waiting = 1.0       // Σ_{n≥c} π_n
        var queued = 0.0        // Σ_{n≥c} (n − c)·π_n
        var term = 1.0
        var k = 0.0             // n − c
        // The ratio λ / (cμ + kθ) falls below 1 once k passes (λ − cμ)/θ; after that the tail is geometric-or-faster.
        let peak = max(0, (lambda - c * mu) / theta)
        let limit = 100_000_000.0
        while k < limit {
            k += 1
            term *= lambda / (c * mu + k * theta)
            waiting += term
            queued += k * term
            if term > 1e200 {
                // An overloaded queue with patient callers: keep the sums finite, the ratios are what count.
                below /= 1e200; waiting /= 1e200; queued /= 1e200; term /= 1e200
            }
            if k > peak, term * k < 1e-17 * (below + waiting) { break }
        }
        let total = below + waiting
        let wait = waiting / total
        let queue = queued / total
        return (wait, theta * queue / lambda, queue)
    }
}
