import Foundation

/// The coefficients of a callback's priority, in the spirit of Taskwarrior's urgency: each term is
/// a coefficient times an amount, and the priority is their sum.
public struct PriorityCoefficients: Sendable, Equatable {
    /// Added once when the caller said it is urgent.
    public var urgent: Double = 8.0
    /// Added once for a type ① buyer, who goes with the first vendor to respond.
    public var buyerType1: Double = 5.0
    /// Per business hour past the due time. No cap: an overdue callback keeps rising.
    public var overduePerHour: Double = 3.0
    /// Per business hour since the callback was opened …
    public var agePerHour: Double = 0.5
    /// … up to this many points (the overdue term keeps rising instead).
    public var ageCap: Double = 4.0
    /// Per repeat call: a caller who calls again is telling us it matters.
    public var repeatCall: Double = 3.0
    /// Added once for a caller new to the company.
    public var newContact: Double = 2.0
    /// Per escalation level: a callback that had to be escalated is one the desk is already late on.
    public var escalationLevel: Double = 2.0

    public init() {}
}

/// One term of a priority: what it measures, its coefficient, the amount, and what it adds.
public struct PriorityTerm: Sendable, Equatable {
    public let name: String
    public let coefficient: Double
    public let amount: Double
    public let contribution: Double
}

/// A callback's priority and how it is made up, for `desk show`.
public struct PriorityBreakdown: Sendable, Equatable {
    public let terms: [PriorityTerm]
    public var total: Double { terms.reduce(0) { $0 + $1.contribution } }
}

/// Scores callbacks so that lists put the most pressing first.
public struct PriorityPolicy: Sendable, Equatable {
    public var coefficients: PriorityCoefficients
    public var calendar: BusinessCalendar

    public init(coefficients: PriorityCoefficients = PriorityCoefficients(), calendar: BusinessCalendar = .standard) {
        self.coefficients = coefficients
        self.calendar = calendar
    }

    /// The priority of `callback` as of `now`, term by term. Closed callbacks score their terms as of
    /// when they closed, so a done callback does not keep rising.
    public func breakdown(of callback: CallbackRequest, at now: Date) -> PriorityBreakdown {
        let c = coefficients
        let asOf = callback.closedAt.map { min($0, now) } ?? now
        let overdueHours = Double(calendar.businessMinutes(from: callback.dueAt, to: asOf)) / 60
        let ageHours = Double(calendar.businessMinutes(from: callback.openedAt, to: asOf)) / 60
        let age = min(c.agePerHour * ageHours, c.ageCap)
        return PriorityBreakdown(terms: [
            PriorityTerm(name: "urgent", coefficient: c.urgent, amount: callback.urgent ? 1 : 0,
                         contribution: callback.urgent ? c.urgent : 0),
            PriorityTerm(name: "buyer_type1", coefficient: c.buyerType1, amount: callback.buyerType == .type1 ? 1 : 0,
                         contribution: callback.buyerType == .type1 ? c.buyerType1 : 0),
            PriorityTerm(name: "overdue_hours", coefficient: c.overduePerHour, amount: overdueHours,
                         contribution: c.overduePerHour * overdueHours),
            PriorityTerm(name: "age_hours", coefficient: c.agePerHour, amount: ageHours, contribution: age),
            PriorityTerm(name: "repeat_calls", coefficient: c.repeatCall, amount: Double(callback.repeatCount),
                         contribution: c.repeatCall * Double(callback.repeatCount)),
            PriorityTerm(name: "new_contact", coefficient: c.newContact, amount: callback.newContact ? 1 : 0,
                         contribution: callback.newContact ? c.newContact : 0),
            PriorityTerm(name: "escalation_level", coefficient: c.escalationLevel, amount: Double(callback.escalationLevel),
                         contribution: c.escalationLevel * Double(callback.escalationLevel)),
        ])
    }

    /// The priority of `callback` as of `now`.
    public func score(_ callback: CallbackRequest, at now: Date) -> Double {
        breakdown(of: callback, at: now).total
    }
}
