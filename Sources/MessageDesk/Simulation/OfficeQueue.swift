/// The office line: callers queue first-come first-served for a number of operators, and hang up when their patience runs out.
///
/// The engine is event-driven, with one simplification that FIFO service allows: a caller's fate depends only
/// on the callers who arrived before them, so each arrival is resolved when it is offered. The event heap holds
/// one "operator becomes free" event per operator; an arrival takes the earliest of them. If that operator is
/// free already the call is answered at once; if it frees before the caller's patience ends the call is answered
/// then; otherwise the caller hangs up at arrival + patience and the operator stays for the next caller. This
/// is the Kiefer–Wolfowitz recursion for the multi-server queue, exact for FIFO with reneging, and it needs no
/// departure or abandonment events of its own — which is what makes millions of calls per second possible.
/// Arrivals must be offered in time order. Times are seconds on any clock the caller chooses.
public struct OfficeQueue: Sendable {
    /// What happened to one call to the office.
    public enum Outcome: Sendable, Equatable {
        /// An operator picked up at `at` and is busy until `until`.
        case answered(at: Double, until: Double)
        /// The caller hung up at `at`, still waiting.
        case abandoned(at: Double)
        /// Nobody answers the office line (no operators): the caller gives up at once.
        case noDesk
    }

    /// Operators answering the line.
    public let operators: Int
    private var freeAt = MinHeap<Double>()

    /// A line with `operators` operators, all free from time `start`.
    public init(operators: Int, start: Double = 0) {
        self.operators = max(0, operators)
        for _ in 0..<self.operators { freeAt.insert(start) }
    }

    /// Offers a call arriving at `arrival` that needs `handling` seconds once answered and waits at most `patience` seconds.
    public mutating func offer(arrival: Double, handling: Double, patience: Double) -> Outcome {
        guard let free = freeAt.min else { return .noDesk }
        if free <= arrival {
            freeAt.replaceMin(with: arrival + handling)
            return .answered(at: arrival, until: arrival + handling)
        }
        if free - arrival <= patience {
            freeAt.replaceMin(with: free + handling)
            return .answered(at: free, until: free + handling)
        }
        return .abandoned(at: arrival + patience)
    }

    /// Makes every operator free from `time` on (a new day; the previous day's calls are finished).
    public mutating func reopen(at time: Double) {
        freeAt = MinHeap()
        for _ in 0..<operators { freeAt.insert(time) }
    }
}
