/// What happened in one simulated business day, or in all of them: the figures `desk simulate` reports.
public struct SimulationFigures: Sendable, Equatable {
    /// Client calls to salespeople's mobiles (first calls and retries).
    public var mobileCalls = 0
    /// Of those, calls nobody answered.
    public var unansweredMobile = 0
    /// Unanswered callers who then called the office for the first time about that matter.
    public var fellBackToOffice = 0
    /// Unanswered callers who decided about the office at all (the denominator of the fallback rate).
    public var fallbackDecisions = 0
    /// The office line: offered, answered, abandoned, waits, busy time.
    public var office = OfficeQueueStatistics()
    /// Operator-seconds the line was staffed, for occupancy.
    public var staffedSeconds = 0.0
    /// Callback requests the desk opened (a new message for a caller with nothing open).
    public var callbacksOpened = 0
    /// Messages that joined a callback already open for the same caller and salesperson.
    public var callbacksJoined = 0
    /// Callbacks completed (the salesperson reached the caller).
    public var callbacksDone = 0
    /// Of those, completed by their due time (the caller's window when given).
    public var callbacksDoneOnTime = 0
    /// Failed callback attempts (the caller was not reached).
    public var failedAttempts = 0
    /// Missed calls returned by the salesperson without a message at the desk.
    public var missedCallsReturned = 0
    /// Business seconds from a callback's opening to its completion, one entry per completed callback.
    public var callbackDelays: [Double] = []
    /// Escalation steps fired by the sweep, by "ladder step N (kind)".
    public var escalations: [String: Int] = [:]
    /// Type ① buyers whose patience ran out before anyone called back: gone to the vendor who answered first.
    public var dealsLostTypeOne = 0
    /// Type ② buyers whose (longer) patience ran out too.
    public var dealsLostTypeTwo = 0

    /// Empty figures with the given service-level target.
    public init(target: Double = 20) { office = OfficeQueueStatistics(target: target) }

    /// All deals lost.
    public var dealsLost: Int { dealsLostTypeOne + dealsLostTypeTwo }

    /// The operators' occupancy: time on calls over staffed time.
    public var occupancy: Double { staffedSeconds > 0 ? office.busySeconds / staffedSeconds : 0 }

    /// The observed share of unanswered callers who called the office.
    public var fallbackRate: Double { fallbackDecisions > 0 ? Double(fellBackToOffice) / Double(fallbackDecisions) : 0 }

    /// The callback delay at quantile `q` (nearest rank), in business seconds; 0 when none was done.
    public func callbackDelay(quantile q: Double) -> Double {
        guard !callbackDelays.isEmpty else { return 0 }
        let sorted = callbackDelays.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// Adds another period's figures to these.
    public mutating func add(_ other: SimulationFigures) {
        mobileCalls += other.mobileCalls; unansweredMobile += other.unansweredMobile
        fellBackToOffice += other.fellBackToOffice; fallbackDecisions += other.fallbackDecisions
        office.add(other.office); staffedSeconds += other.staffedSeconds
        callbacksOpened += other.callbacksOpened; callbacksJoined += other.callbacksJoined
        callbacksDone += other.callbacksDone; callbacksDoneOnTime += other.callbacksDoneOnTime
        failedAttempts += other.failedAttempts; missedCallsReturned += other.missedCallsReturned
        callbackDelays += other.callbackDelays
        escalations.merge(other.escalations, uniquingKeysWith: +)
        dealsLostTypeOne += other.dealsLostTypeOne; dealsLostTypeTwo += other.dealsLostTypeTwo
    }
}
