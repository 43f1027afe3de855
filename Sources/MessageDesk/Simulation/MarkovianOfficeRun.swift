/// One run of the office line as an M/M/c (+M) queue: Poisson arrivals, exponential handling and patience.
///
/// The reference experiment for checking the engine against Erlang C and Erlang A, and the workload of the
/// engine benchmark. The first `warmUp` calls are simulated but not counted, because the line starts empty
/// while the formulas describe it in steady state.
public struct MarkovianOfficeRun: Sendable {
    /// Calls per second.
    public var arrivalRate: Double
    /// Mean handling time, in seconds.
    public var meanHandlingTime: Double
    /// Mean patience, in seconds; nil for callers who never hang up.
    public var meanPatience: Double?
    /// Operators.
    public var operators: Int
    /// Calls counted.
    public var calls: Int
    /// Calls simulated first and not counted.
    public var warmUp: Int
    /// Service-level target, in seconds.
    public var target: Double

    /// A run with the given rates; see the properties.
    public init(arrivalRate: Double, meanHandlingTime: Double, meanPatience: Double? = nil, operators: Int,
                calls: Int, warmUp: Int = 1000, target: Double = 20) {
        self.arrivalRate = arrivalRate
        self.meanHandlingTime = meanHandlingTime
        self.meanPatience = meanPatience
        self.operators = operators
        self.calls = calls
        self.warmUp = warmUp
        self.target = target
    }

    /// Simulates the run with randomness from `seed`.
    public func run(seed: UInt64) -> OfficeQueueStatistics {
        var random = SeededGenerator(seed: seed)
        var line = OfficeQueue(operators: operators)
        var statistics = OfficeQueueStatistics(target: target)
        let meanGap = 1 / arrivalRate
        var clock = 0.0
        for index in 0..<(warmUp + calls) {
            clock += random.exponential(mean: meanGap)
            let handling = random.exponential(mean: meanHandlingTime)
            let patience = meanPatience.map { random.exponential(mean: $0) } ?? .infinity
            let outcome = line.offer(arrival: clock, handling: handling, patience: patience)
            if index >= warmUp { statistics.record(arrival: clock, outcome: outcome) }
        }
        return statistics
    }
}
