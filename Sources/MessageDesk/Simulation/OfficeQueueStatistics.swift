/// The call-centre figures of an office line: calls offered, answered, abandoned, waits and busy time.
///
/// Definitions follow common call-centre use: the average speed of answer is over answered calls; the service
/// level is the share of *offered* calls answered within the target (abandoned calls count against it); the
/// probability of waiting is the share of offered calls not answered at once. With infinite patience these are
/// exactly the quantities Erlang C predicts.
public struct OfficeQueueStatistics: Sendable, Equatable, Codable {
    /// The answer-time target of the service level, in seconds.
    public var target: Double
    /// Calls offered to the line.
    public var offered = 0
    /// Calls an operator answered.
    public var answered = 0
    /// Callers who hung up while waiting (or found no desk).
    public var abandoned = 0
    /// Calls not answered at once (they waited, whether answered later or not).
    public var waited = 0
    /// Answered calls answered within `target`.
    public var answeredWithinTarget = 0
    /// Total wait of answered calls, in seconds.
    public var totalAnswerWait = 0.0
    /// Total operator time spent on answered calls, in seconds.
    public var busySeconds = 0.0

    /// Empty statistics for a service-level target of `target` seconds.
    public init(target: Double = 20) { self.target = target }

    /// Counts one call that arrived at `arrival` with the given outcome.
    public mutating func record(arrival: Double, outcome: OfficeQueue.Outcome) {
        offered += 1
        switch outcome {
        case .answered(let at, let until):
            answered += 1
            let wait = at - arrival
            if wait > 0 { waited += 1 }
            if wait <= target { answeredWithinTarget += 1 }
            totalAnswerWait += wait
            busySeconds += until - at
        case .abandoned:
            abandoned += 1
            waited += 1
        case .noDesk:
            abandoned += 1
        }
    }

    /// Adds another period's figures to these.
    public mutating func add(_ other: OfficeQueueStatistics) {
        offered += other.offered; answered += other.answered; abandoned += other.abandoned; waited += other.waited
        answeredWithinTarget += other.answeredWithinTarget; totalAnswerWait += other.totalAnswerWait
        busySeconds += other.busySeconds
    }

    /// The share of offered calls that waited.
    public var probabilityOfWaiting: Double { offered > 0 ? Double(waited) / Double(offered) : 0 }
    /// The share of offered calls abandoned.
    public var abandonRate: Double { offered > 0 ? Double(abandoned) / Double(offered) : 0 }
    /// The share of offered calls answered within the target.
    public var serviceLevel: Double { offered > 0 ? Double(answeredWithinTarget) / Double(offered) : 0 }
    /// The mean wait of answered calls, in seconds.
    public var averageSpeedOfAnswer: Double { answered > 0 ? totalAnswerWait / Double(answered) : 0 }

    /// The share of `operators` × `seconds` spent on calls.
    public func occupancy(operators: Int, over seconds: Double) -> Double {
        guard operators > 0, seconds > 0 else { return 0 }
        return busySeconds / (Double(operators) * seconds)
    }
}
