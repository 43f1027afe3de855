import Foundation

/// When a callback is due, from what the caller said and the office's hours.
///
/// - The caller's "call me by" time when given.
/// - Else urgent: `urgentMinutes` after the call (or after the caller's not-before time); taken
///   outside business hours, `urgentMinutes` after the next opening. An urgent call taken at 17:50
///   is due at 18:20, not tomorrow: urgency does not wait for the office to reopen.
/// - Else the end of the business day (a message taken after hours is due at the end of the next
///   business day).
public struct DuePolicy: Sendable, Equatable {
    public var calendar: BusinessCalendar
    public var urgentMinutes: Int

    public init(calendar: BusinessCalendar = .standard, urgentMinutes: Int = 30) {
        self.calendar = calendar
        self.urgentMinutes = urgentMinutes
    }

    /// The due time of a message taken at `now`.
    public func dueTime(takenAt now: Date, urgent: Bool, notBefore: Date?, notAfter: Date?) -> Date {
        if let notAfter { return notAfter }
        let start = max(now, notBefore ?? now)
        if urgent {
            let from = calendar.isBusinessTime(start) ? start : calendar.nextOpening(atOrAfter: start)
            return from.addingTimeInterval(TimeInterval(urgentMinutes * 60))
        }
        return calendar.endOfBusinessDay(for: start)
    }
}
