/// One change the office made to its own calendar with `desk calendar`: a closure, a date opened
/// (with its own hours, or the usual ones), or a weekday's hours.
///
/// Entries are stored in `calendar_entries`, each added and removed with its event; the year-end
/// closure is the setting `year_end_closure`, not an entry, so that it can have a default.
public struct CalendarEntry: Sendable, Equatable {
    /// What the entry changes.
    public enum Change: Sendable, Equatable {
        /// Closed on these days; `note` says why ("お盆"), empty when none was given.
        case closed(ClosedSpan, note: String)
        /// Open on this date even where it would be closed; with these hours, or the day's usual ones when nil.
        case opened(OpenedDate, hours: BusinessHours?)
        /// This weekday's hours, in place of `business_hours` on `business_days`; nil closes the weekday.
        case weekday(Weekday, hours: BusinessHours?)
    }

    /// Its row id, which `desk calendar remove` takes.
    public let id: Int
    public let change: Change

    public init(id: Int, change: Change) {
        self.id = id
        self.change = change
    }

    /// The stored kind: `closed`, `open` or `weekday`.
    public var kind: String {
        switch change {
        case .closed: "closed"
        case .opened: "open"
        case .weekday: "weekday"
        }
    }

    /// The days it is about, as typed: "2026-08-13..2026-08-16", "12-29..01-03", "2026-11-23", "sat".
    public var days: String {
        switch change {
        case .closed(let span, _): span.description
        case .opened(let date, _): date.description
        case .weekday(let weekday, _): weekday.shortName
        }
    }

    /// Its hours; nil for a closure, a date open with its usual hours, and a closed weekday.
    public var hours: BusinessHours? {
        switch change {
        case .closed: nil
        case .opened(_, let hours), .weekday(_, let hours): hours
        }
    }

    /// A closure's note; nil for the other kinds.
    public var note: String? {
        if case .closed(_, let note) = change { return note }
        return nil
    }
}

/// A date the office opens on: one day, with its year.
public struct OpenedDate: Sendable, Hashable, CustomStringConvertible {
    let date: CivilDate

    init(_ date: CivilDate) {
        self.date = date
    }

    /// Reads `2026-11-23` (full-width digits too); an impossible date is refused.
    public init(parsing text: String) throws(InputError) {
        let span = try ClosedSpan(parsing: text)
        guard case .dated(let first, let last) = span.days, first == last else {
            throw InputError("\(InputError.quoted(text)) is not one date: use YYYY-MM-DD, e.g. 2026-11-23")
        }
        date = first
    }

    /// "2026-11-23".
    public var description: String { date.isoString }
}
