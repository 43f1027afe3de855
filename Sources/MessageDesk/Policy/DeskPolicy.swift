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

/// A setting the office can change with `desk config set KEY VALUE`.
public enum Setting: String, Sendable, CaseIterable {
    case timeZone = "time_zone"
    case businessHours = "business_hours"
    case businessDays = "business_days"
    case urgentDueMinutes = "urgent_due_minutes"
    case type1DueMinutes = "type1_due_minutes"
    case sensitiveKeywords = "sensitive_keywords"
    case priorityUrgent = "priority.urgent"
    case priorityBuyerType1 = "priority.buyer_type1"
    case priorityOverduePerHour = "priority.overdue_per_hour"
    case priorityAgePerHour = "priority.age_per_hour"
    case priorityAgeCap = "priority.age_cap"
    case priorityRepeatCall = "priority.repeat_call"
    case priorityNewContact = "priority.new_contact"
    case priorityEscalationLevel = "priority.escalation_level"
    case urgentEscalation = "escalation.urgent_steps"
    case urgentEscalationEvery = "escalation.urgent_every"
    case urgentEscalationCycles = "escalation.urgent_cycles"
    case overdueEscalation = "escalation.overdue_steps"
    case overdueEscalationEvery = "escalation.overdue_every"
    case overdueEscalationCycles = "escalation.overdue_cycles"

    /// The value in force when the office has not set one.
    public var defaultValue: String {
        let standard = DeskPolicy.standard
        return Setting.values(of: standard)[self] ?? ""
    }

    /// What the setting means, for `desk config show`.
    public var summary: String {
        switch self {
        case .timeZone: "time zone of business hours and of times shown (IANA name)"
        case .businessHours: "opening and closing time, HH:MM-HH:MM"
        case .businessDays: "business days, e.g. mon-fri or mon,tue,thu"
        case .urgentDueMinutes: "minutes within which an urgent callback is due"
        case .type1DueMinutes: "business minutes within which a type ① buyer's callback is due"
        case .sensitiveKeywords: "words that mark a message sensitive, comma-separated"
        case .priorityUrgent: "priority added for an urgent message"
        case .priorityBuyerType1: "priority added for a type ① buyer (first response wins)"
        case .priorityOverduePerHour: "priority per business hour overdue (no cap)"
        case .priorityAgePerHour: "priority per business hour open"
        case .priorityAgeCap: "most priority the age term adds"
        case .priorityRepeatCall: "priority per repeat call"
        case .priorityNewContact: "priority added for a new contact"
        case .priorityEscalationLevel: "priority per escalation level"
        case .urgentEscalation: "urgent ladder, from when taken until acknowledged: TARGET@DELAY …"
        case .urgentEscalationEvery: "the urgent ladder starts again after this long (wall clock)"
        case .urgentEscalationCycles: "how many times the urgent ladder runs"
        case .overdueEscalation: "overdue ladder, from the due time until done (business time)"
        case .overdueEscalationEvery: "the overdue ladder starts again after this many business minutes/hours"
        case .overdueEscalationCycles: "how many times the overdue ladder runs"
        }
    }

    /// Every setting's value in `policy`, in the stored text form.
    public static func values(of policy: DeskPolicy) -> [Setting: String] {
        let calendar = policy.calendar
        let c = policy.coefficients
        let escalation = policy.escalation
        return [
            .timeZone: calendar.timeZone.identifier,
            .businessHours: "\(calendar.opens)-\(calendar.closes)",
            .businessDays: Weekday.describe(calendar.days),
            .urgentDueMinutes: String(policy.urgentMinutes),
            .type1DueMinutes: String(policy.type1BusinessMinutes),
            .sensitiveKeywords: policy.sensitivity.keywords.joined(separator: ","),
            .priorityUrgent: format(c.urgent),
            .priorityBuyerType1: format(c.buyerType1),
            .priorityOverduePerHour: format(c.overduePerHour),
            .priorityAgePerHour: format(c.agePerHour),
            .priorityAgeCap: format(c.ageCap),
            .priorityRepeatCall: format(c.repeatCall),
            .priorityNewContact: format(c.newContact),
            .priorityEscalationLevel: format(c.escalationLevel),
            .urgentEscalation: escalation.urgent.stepsText,
            .urgentEscalationEvery: EscalationLadder.minutesText(escalation.urgent.cycleMinutes),
            .urgentEscalationCycles: String(escalation.urgent.cycles),
            .overdueEscalation: escalation.overdue.stepsText,
            .overdueEscalationEvery: EscalationLadder.minutesText(escalation.overdue.cycleMinutes),
            .overdueEscalationCycles: String(escalation.overdue.cycles),
        ]
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Builds the policy from stored settings; a missing key takes its default.
    public static func policy(from stored: [String: String]) throws(InputError) -> DeskPolicy {
        var policy = DeskPolicy.standard
        for setting in Setting.allCases {
            if let value = stored[setting.rawValue] {
                try setting.apply(value, to: &policy)
            }
        }
        return policy
    }

    /// Validates `value` and applies it to `policy`.
    public func apply(_ value: String, to policy: inout DeskPolicy) throws(InputError) {
        var calendar = policy.calendar
        switch self {
        case .timeZone:
            guard let zone = TimeZone(identifier: value) else {
                throw InputError("'\(value)' is not a time zone: use an IANA name such as Asia/Tokyo")
            }
            calendar = try BusinessCalendar(timeZone: zone, opens: calendar.opens, closes: calendar.closes, days: calendar.days)
        case .businessHours:
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw InputError("'\(value)' is not business hours: use HH:MM-HH:MM, e.g. 09:00-18:00")
            }
            calendar = try BusinessCalendar(
                timeZone: calendar.timeZone, opens: LocalTime(parsing: String(parts[0])),
                closes: LocalTime(parsing: String(parts[1])), days: calendar.days)
        case .businessDays:
            calendar = try BusinessCalendar(
                timeZone: calendar.timeZone, opens: calendar.opens, closes: calendar.closes,
                days: Weekday.parseSet(value))
        case .urgentDueMinutes:
            guard let minutes = Int(value), (1...1440).contains(minutes) else {
                throw InputError("'\(value)' is not a number of minutes from 1 to 1440")
            }
            policy.urgentMinutes = minutes
        case .type1DueMinutes:
            guard let minutes = Int(value), (1...1440).contains(minutes) else {
                throw InputError("'\(value)' is not a number of business minutes from 1 to 1440")
            }
            policy.type1BusinessMinutes = minutes
        case .sensitiveKeywords:
            policy.sensitivity = SensitivityPolicy(keywords: SensitivityPolicy.keywords(in: value))
        case .priorityUrgent, .priorityBuyerType1, .priorityOverduePerHour, .priorityAgePerHour, .priorityAgeCap,
             .priorityRepeatCall, .priorityNewContact, .priorityEscalationLevel:
            guard let number = Double(value), number.isFinite, number >= 0, number <= 1000 else {
                throw InputError("'\(value)' is not a coefficient: use a number from 0 to 1000")
            }
            switch self {
            case .priorityUrgent: policy.coefficients.urgent = number
            case .priorityBuyerType1: policy.coefficients.buyerType1 = number
            case .priorityOverduePerHour: policy.coefficients.overduePerHour = number
            case .priorityAgePerHour: policy.coefficients.agePerHour = number
            case .priorityAgeCap: policy.coefficients.ageCap = number
            case .priorityRepeatCall: policy.coefficients.repeatCall = number
            case .priorityEscalationLevel: policy.coefficients.escalationLevel = number
            default: policy.coefficients.newContact = number
            }
        case .urgentEscalation, .urgentEscalationEvery, .urgentEscalationCycles:
            policy.escalation.urgent = try Self.ladder(policy.escalation.urgent, self, value,
                                                       steps: .urgentEscalation, every: .urgentEscalationEvery)
        case .overdueEscalation, .overdueEscalationEvery, .overdueEscalationCycles:
            policy.escalation.overdue = try Self.ladder(policy.escalation.overdue, self, value,
                                                        steps: .overdueEscalation, every: .overdueEscalationEvery)
        }
        policy.calendar = calendar
    }

    /// `ladder` with one of its three settings changed, checked as a whole.
    private static func ladder(_ ladder: EscalationLadder, _ setting: Setting, _ value: String,
                               steps: Setting, every: Setting) throws(InputError) -> EscalationLadder {
        switch setting {
        case steps:
            return try EscalationLadder(steps: EscalationLadder.parseSteps(value), cycleMinutes: ladder.cycleMinutes,
                                        cycles: ladder.cycles)
        case every:
            guard let minutes = EscalationLadder.parseMinutes(value), minutes > 0 else {
                throw InputError("'\(value)' is not a duration: use e.g. 30m, 4h or 1d")
            }
            return try EscalationLadder(steps: ladder.steps, cycleMinutes: minutes, cycles: ladder.cycles)
        default:
            guard let cycles = Int(value) else { throw InputError("'\(value)' is not a number of cycles from 1 to 100") }
            return try EscalationLadder(steps: ladder.steps, cycleMinutes: ladder.cycleMinutes, cycles: cycles)
        }
    }
}
