import Foundation

/// The Erlang C model of a call queue: Poisson arrivals, exponential handling, `agents` operators, callers who never hang up.
///
/// All times are in seconds. The figures are those a call centre reports: the probability of waiting,
/// the service level for a target answer time, the average speed of answer and the operators' occupancy.
/// When the offered load reaches the number of agents the queue grows without bound; the figures then
/// say so (every caller waits, nobody is answered within any target, the average wait is infinite).
public struct ErlangC: Sendable, Equatable {
    /// Calls per second.
    public let arrivalRate: Double
    /// Mean handling (talk plus wrap-up) time of one call, in seconds.
    public let meanHandlingTime: Double
    /// Operators answering the line.
    public let agents: Int

    /// A queue with `arrivalRate` calls per second, each taking `meanHandlingTime` seconds on average, and `agents` operators.
    public init(arrivalRate: Double, meanHandlingTime: Double, agents: Int) {
        self.arrivalRate = arrivalRate
        self.meanHandlingTime = meanHandlingTime
        self.agents = agents
    }

    /// The offered load A in Erlangs: arrival rate × mean handling time.
    public var offeredLoad: Double { arrivalRate * meanHandlingTime }

    /// Whether the queue settles (A < agents); otherwise it grows for ever.
    public var isStable: Bool { offeredLoad < Double(agents) }

    /// The probability that a caller has to wait, C(c, A) = c·B / (c − A·(1 − B)).
    public var probabilityOfWaiting: Double {
        guard isStable else { return 1 }
        let load = offeredLoad
        guard load > 0 else { return 0 }
        let b = ErlangB.blocking(load: load, agents: agents)
        let c = Double(agents)
        return c * b / (c - load * (1 - b))
    }

    /// The share of callers answered within `target` seconds: 1 − C·e^(−(c − A)·t / h).
    public func serviceLevel(target: Double) -> Double {
        guard isStable else { return 0 }
        let c = Double(agents)
        return 1 - probabilityOfWaiting * exp(-(c - offeredLoad) * target / meanHandlingTime)
    }

    /// The average speed of answer over all callers, in seconds: C·h / (c − A).
    public var averageSpeedOfAnswer: Double {
        guard isStable else { return .infinity }
        return probabilityOfWaiting * meanHandlingTime / (Double(agents) - offeredLoad)
    }

    /// The share of time an operator spends on calls, A / c (at most 1).
    public var occupancy: Double {
        guard agents > 0 else { return 1 }
        return min(1, offeredLoad / Double(agents))
    }
}
