/// Why the office is closed on a day.
///
/// National holidays join as a third case when the holiday rules are wired in; switches over this
/// enum are exhaustive, so the compiler finds every place that must say so.
public enum ClosureReason: Sendable, Equatable {
    /// Its weekday has no hours (`business_days`, or `desk calendar hours WEEKDAY closed`).
    case weekday
    /// One of the office's own closures (the year-end one included), with its note; empty when none was given.
    case closed(note: String)
}

/// What the office does on one day: opens with these hours, or stays closed, and why.
public enum OfficeDay: Sendable, Equatable {
    case open(BusinessHours)
    case closed(ClosureReason)
}
