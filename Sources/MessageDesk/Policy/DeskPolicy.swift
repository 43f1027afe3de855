import Foundation

/// The office's policies, as stored in the database's settings so every terminal shares them.
public struct DeskPolicy: Sendable, Equatable {
    public var calendar: BusinessCalendar
    public var due: DuePolicy
    public var priority: PriorityPolicy
    public var sensitivity: SensitivityPolicy

    public init(calendar: BusinessCalendar = .standard, urgentMinutes: Int = 30, type1BusinessMinutes: Int = 120,
                coefficients: PriorityCoefficients = PriorityCoefficients(),
                sensitivity: SensitivityPolicy = SensitivityPolicy()) {
        self.calendar = calendar
        self.due = DuePolicy(calendar: calendar, urgentMinutes: urgentMinutes, type1BusinessMinutes: type1BusinessMinutes)
        self.priority = PriorityPolicy(coefficients: coefficients, calendar: calendar)
        self.sensitivity = sensitivity
    }

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
        }
    }

    /// Every setting's value in `policy`, in the stored text form.
    public static func values(of policy: DeskPolicy) -> [Setting: String] {
        let calendar = policy.calendar
        let c = policy.priority.coefficients
        return [
            .timeZone: calendar.timeZone.identifier,
            .businessHours: "\(calendar.opens)-\(calendar.closes)",
            .businessDays: Weekday.describe(calendar.days),
            .urgentDueMinutes: String(policy.due.urgentMinutes),
            .type1DueMinutes: String(policy.due.type1BusinessMinutes),
            .sensitiveKeywords: policy.sensitivity.keywords.joined(separator: ","),
            .priorityUrgent: format(c.urgent),
            .priorityBuyerType1: format(c.buyerType1),
            .priorityOverduePerHour: format(c.overduePerHour),
            .priorityAgePerHour: format(c.agePerHour),
            .priorityAgeCap: format(c.ageCap),
            .priorityRepeatCall: format(c.repeatCall),
            .priorityNewContact: format(c.newContact),
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
        var coefficients = policy.priority.coefficients
        var urgentMinutes = policy.due.urgentMinutes
        var type1Minutes = policy.due.type1BusinessMinutes
        var sensitivity = policy.sensitivity
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
            urgentMinutes = minutes
        case .type1DueMinutes:
            guard let minutes = Int(value), (1...1440).contains(minutes) else {
                throw InputError("'\(value)' is not a number of business minutes from 1 to 1440")
            }
            type1Minutes = minutes
        case .sensitiveKeywords:
            sensitivity = SensitivityPolicy(keywords: SensitivityPolicy.keywords(in: value))
        case .priorityUrgent, .priorityBuyerType1, .priorityOverduePerHour, .priorityAgePerHour, .priorityAgeCap,
             .priorityRepeatCall, .priorityNewContact:
            guard let number = Double(value), number.isFinite, number >= 0, number <= 1000 else {
                throw InputError("'\(value)' is not a coefficient: use a number from 0 to 1000")
            }
            switch self {
            case .priorityUrgent: coefficients.urgent = number
            case .priorityBuyerType1: coefficients.buyerType1 = number
            case .priorityOverduePerHour: coefficients.overduePerHour = number
            case .priorityAgePerHour: coefficients.agePerHour = number
            case .priorityAgeCap: coefficients.ageCap = number
            case .priorityRepeatCall: coefficients.repeatCall = number
            default: coefficients.newContact = number
            }
        }
        policy = DeskPolicy(calendar: calendar, urgentMinutes: urgentMinutes, type1BusinessMinutes: type1Minutes,
                            coefficients: coefficients, sensitivity: sensitivity)
    }
}
