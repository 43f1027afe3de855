import Foundation

/// When a callback is due, from what the caller said and the office's hours.
///
/// - The caller's "call me by" time when given.
/// - Else urgent: `urgentMinutes` after the call (or after the caller's not-before time); taken
///   outside business hours, `urgentMinutes` after the next opening. An urgent call taken at 17:50
///   is due at 18:20, not tomorrow: urgency does not wait for the office to reopen.
/// - A type ① buyer (first response wins): `type1BusinessMinutes` of business time after the call
///   (or the not-before time), or the end of the business day when that comes first — type ① only
///   ever makes a callback due sooner. Urgent and type ①: whichever is sooner.
/// - Else the end of the business day (a message taken after hours is due at the end of the next
///   business day).
public struct DuePolicy: Sendable, Equatable {
    public var calendar: BusinessCalendar
    public var urgentMinutes: Int
    /// Business minutes within which a type ① buyer's callback is due (default 120: 2 business hours).
    public var type1BusinessMinutes: Int

    public init(calendar: BusinessCalendar = .standard, urgentMinutes: Int = 30, type1BusinessMinutes: Int = 120) {
        self.calendar = calendar
        self.urgentMinutes = urgentMinutes
        self.type1BusinessMinutes = type1BusinessMinutes
    }

    /// The due time of a message taken at `now`.
    public func dueTime(takenAt now: Date, urgent: Bool, notBefore: Date?, notAfter: Date?,
                       buyerType: BuyerType = .unknown) -> Date {
        if let notAfter { return notAfter }
        let start = max(now, notBefore ?? now)
        let endOfDay = calendar.endOfBusinessDay(for: start)
        var due: Date?
        if urgent {
            let from = calendar.isBusinessTime(start) ? start : calendar.nextOpening(atOrAfter: start)
            due = from.addingTimeInterval(TimeInterval(urgentMinutes * 60))
        }
        if buyerType == .type1 {
            let fast = min(calendar.adding(businessMinutes: type1BusinessMinutes, to: start), endOfDay)
            due = min(due ?? fast, fast)
        }
        return due ?? endOfDay
    }
}
