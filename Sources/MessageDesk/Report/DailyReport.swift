import Foundation

/// The daily summary a manager reads at the end of the day: per person and for the office, what
/// came in, what was closed, and what is still open and overdue, grouped by priority.
///
/// Figures are computed from the event log as of `asOf`, never from the callbacks' current state,
/// so a past day's report stays the same whatever happens later. It holds no message words.
public struct DailyReport: Sendable, Equatable {
    /// The calendar day in the business time zone.
    public let day: LocalDay
    /// The moment figures are taken at: the end of the day once it is over, else now (the day so far).
    public let asOf: Date
    /// The whole office: every person's figures together.
    public let office: Figures
    /// Everyone with at least one non-zero figure that day, by handle; staff with nothing are left out.
    public let people: [Person]
    /// The day's calls that left no message (`desk log --outcome`, blocked numbers), by outcome; none absent.
    public let screenedCalls: [CallCategory: Int]
    /// Details of the account's callbacks corrected that day (`desk correct`; each field fixed counts once).
    public internal(set) var corrections = 0

    /// Corrections per 100 calls taken that day: the rate of 伝言ミス (messages relayed wrongly); nil without calls.
    public var correctionsPer100Messages: Double? {
        office.callsTaken == 0 ? nil : Double(corrections) * 100 / Double(office.callsTaken)
    }

    /// True once the day is over, so the figures are final.
    public var isComplete: Bool { asOf >= day.end }

    /// The figures of one person, or of the office.
    public struct Figures: Sendable, Equatable {
        /// Calls to the office that day for this person (every call, including repeat calls that joined a callback).
        public internal(set) var callsTaken = 0
        /// Callbacks opened that day, counted for whoever owed them when they opened.
        public internal(set) var callbacksOpened = 0
        /// Callbacks closed as done that day, counted for their owner when closed.
        public internal(set) var done = 0
        /// Of those done, how many were closed at or before their due time.
        public internal(set) var doneWithinWindow = 0
        /// Callbacks cancelled that day, counted for their owner when cancelled.
        public internal(set) var cancelled = 0
        /// Callbacks still owed at `asOf` (opened before it and not closed by then), for their owner then.
        public internal(set) var openAtEnd = 0
        /// Of those, how many were past their due time at `asOf`.
        public internal(set) var overdueAtEnd = 0
        /// The open callbacks per priority band (bands with none are absent).
        public internal(set) var openByBand: [PriorityBand: Int] = [:]
        /// Escalations that day, counted for the owner the callback was escalated away from.
        public internal(set) var escalations = 0
        /// Opening to done, wall-clock seconds, of each callback done that day, shortest first.
        public internal(set) var timesToCallback: [TimeInterval] = []

        /// The median time to callback (nearest rank); nil when nothing was done.
        public var medianTimeToCallback: TimeInterval? { Percentile.nearestRank(50, of: timesToCallback) }
        /// The 90th-percentile time to callback (nearest rank); nil when nothing was done.
        public var p90TimeToCallback: TimeInterval? { Percentile.nearestRank(90, of: timesToCallback) }
        /// The share of done callbacks closed within the caller's window (0...1); nil when nothing was done.
        public var shareDoneWithinWindow: Double? { done == 0 ? nil : Double(doneWithinWindow) / Double(done) }

        /// How many open callbacks fall in `band`.
        public func open(in band: PriorityBand) -> Int { openByBand[band] ?? 0 }

        /// True when every figure is zero: a person with such a day is not listed.
        public var isEmpty: Bool {
            callsTaken == 0 && callbacksOpened == 0 && done == 0 && cancelled == 0 && openAtEnd == 0 && escalations == 0
        }
    }

    /// One person's day: their figures and the callbacks they still owe.
    public struct Person: Sendable, Equatable {
        /// Their staff handle.
        public let handle: String
        /// Their display name.
        public let name: String
        /// What they took, opened, closed and still owed that day.
        public let figures: Figures
        /// The callbacks they owe at `asOf`, highest priority first (then earliest due, then lowest id).
        public let open: [OpenCallback]
    }

    /// A callback still owed at `asOf`, as it stood then; no message words.
    public struct OpenCallback: Sendable, Equatable {
        /// The callback's id.
        public let id: Int
        /// The name the caller gave on their latest call up to `asOf`.
        public let caller: String
        /// The company the caller last gave up to `asOf`.
        public let company: String?
        /// `open` or `acknowledged`.
        public let state: CallbackRequest.State
        /// True when any of its calls was urgent by then.
        public let urgent: Bool
        /// The due time as it stood at `asOf`.
        public let dueAt: Date
        /// Calls after the first that had joined it by then.
        public let repeatCount: Int
        /// The priority score at `asOf`, with the priority settings in force then.
        public let priority: Double
        /// The band of that priority.
        public let band: PriorityBand
        /// True when its due time had passed at `asOf`.
        public let overdue: Bool
    }
}
