import Foundation

/// The office's policies, as stored in the database's settings so every terminal shares them.
public struct DeskPolicy: Sendable, Equatable {
    public var calendar: BusinessCalendar
    public var urgentMinutes: Int
    /// Business minutes within which a type ① buyer's callback is due.
    public var type1BusinessMinutes: Int
    public var coefficients: PriorityCoefficients
    public var escalation: EscalationPolicy
    /// Which messages are sensitive besides those the operator marks.
    public var sensitivity: SensitivityPolicy
    /// How long after a message's notification nobody acknowledging its callback sends a reminder; nil: never.
    public var renotifyMinutes: Int? = RenotifyDelay.standard

    public init(calendar: BusinessCalendar = .standard, urgentMinutes: Int = 30, type1BusinessMinutes: Int = 120,
                coefficients: PriorityCoefficients = PriorityCoefficients(), escalation: EscalationPolicy = .standard,
                sensitivity: SensitivityPolicy = SensitivityPolicy()) {
        self.calendar = calendar
        self.urgentMinutes = urgentMinutes
        self.type1BusinessMinutes = type1BusinessMinutes
        self.coefficients = coefficients
        self.escalation = escalation
        self.sensitivity = sensitivity
    }

    /// When callbacks are due.
    public var due: DuePolicy {
        DuePolicy(calendar: calendar, urgentMinutes: urgentMinutes, type1BusinessMinutes: type1BusinessMinutes)
    }
    /// How callbacks are ranked.
    public var priority: PriorityPolicy { PriorityPolicy(coefficients: coefficients, calendar: calendar) }

    /// The documented defaults: Asia/Tokyo, Mon–Fri 09:00–18:00, urgent due in 30 minutes, type ①
    /// in 2 business hours, no sensitive keywords.
    public static let standard = DeskPolicy()
}
