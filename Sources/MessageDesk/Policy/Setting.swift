import Foundation

/// A setting the office can change with `desk config set KEY VALUE`.
public enum Setting: String, Sendable, CaseIterable {
    case timeZone = "time_zone"
    case businessHours = "business_hours"
    case businessDays = "business_days"
    case yearEndClosure = "year_end_closure"
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

    /// Settings that only make sense together, and are checked together: a value valid on its own may not
    /// fit the others of its group (a ladder's last step past its cycle, hours that close before they open).
    public enum Group: Sendable, CaseIterable {
        case calendar
        case urgentLadder
        case overdueLadder

        /// The settings of the group.
        public var members: [Setting] {
            Setting.allCases.filter { $0.group == self }
        }

        /// What the group is called in messages.
        public var name: String {
            switch self {
            case .calendar: "the business calendar"
            case .urgentLadder: "the urgent ladder"
            case .overdueLadder: "the overdue ladder"
            }
        }
    }

    /// The group this setting is checked with; nil for a setting that stands alone.
    public var group: Group? {
        switch self {
        case .timeZone, .businessHours, .businessDays, .yearEndClosure: .calendar
        case .urgentEscalation, .urgentEscalationEvery, .urgentEscalationCycles: .urgentLadder
        case .overdueEscalation, .overdueEscalationEvery, .overdueEscalationCycles: .overdueLadder
        case .urgentDueMinutes, .type1DueMinutes, .sensitiveKeywords, .priorityUrgent, .priorityBuyerType1,
             .priorityOverduePerHour, .priorityAgePerHour, .priorityAgeCap, .priorityRepeatCall, .priorityNewContact,
             .priorityEscalationLevel: nil
        }
    }

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
        case .yearEndClosure: "closed every year (年末年始), MM-DD..MM-DD, or none"
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
            .yearEndClosure: calendar.yearEndClosure?.description ?? "none",
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

    /// `policy` with this setting changed to `value`, checked with every other setting as `policy` has them
    /// (the same check as loading; staff named by a ladder are not looked up here).
    public func apply(_ value: String, to policy: inout DeskPolicy) throws(InputError) {
        var values = Setting.values(of: policy)
        values[self] = value
        let settings = DeskSettings.resolve(Dictionary(uniqueKeysWithValues: values.map { ($0.rawValue, $1) }),
                                            isStaff: { _ in true })
        if let problem = settings.problems.first(where: { $0.concerns(self) }) { throw InputError(problem.reason) }
        var changed = settings.policy
        changed.calendar = changed.calendar.with(entries: policy.calendar.entries)  // entries are not settings: they stay
        policy = changed
    }

    // MARK: - Reading one value

    /// Reads `value` on its own into `parts`; what it must fit with is checked when the parts are assembled.
    func read(_ value: String, into parts: inout SettingParts) throws(InputError) {
        switch self {
        case .timeZone:
            guard let zone = TimeZone(identifier: value) else {
                throw InputError("\(InputError.quoted(value)) is not a time zone: use an IANA name such as Asia/Tokyo")
            }
            parts.timeZone = zone
        case .businessHours:
            let ends = value.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2 else {
                throw InputError("\(InputError.quoted(value)) is not business hours: use HH:MM-HH:MM, e.g. 09:00-18:00")
            }
            parts.opens = try LocalTime(parsing: String(ends[0]))
            parts.closes = try LocalTime(parsing: String(ends[1]))
        case .businessDays:
            parts.days = try Weekday.parseSet(value)
        case .yearEndClosure:
            parts.yearEndClosure = try Self.yearlyClosure(value)
        case .urgentDueMinutes:
            parts.urgentMinutes = try Self.minutes(value, "a number of minutes from 1 to 1440")
        case .type1DueMinutes:
            parts.type1BusinessMinutes = try Self.minutes(value, "a number of business minutes from 1 to 1440")
        case .sensitiveKeywords:
            parts.keywords = SensitivityPolicy.keywords(in: value)
        case .priorityUrgent: parts.coefficients.urgent = try Self.coefficient(value)
        case .priorityBuyerType1: parts.coefficients.buyerType1 = try Self.coefficient(value)
        case .priorityOverduePerHour: parts.coefficients.overduePerHour = try Self.coefficient(value)
        case .priorityAgePerHour: parts.coefficients.agePerHour = try Self.coefficient(value)
        case .priorityAgeCap: parts.coefficients.ageCap = try Self.coefficient(value)
        case .priorityRepeatCall: parts.coefficients.repeatCall = try Self.coefficient(value)
        case .priorityNewContact: parts.coefficients.newContact = try Self.coefficient(value)
        case .priorityEscalationLevel: parts.coefficients.escalationLevel = try Self.coefficient(value)
        case .urgentEscalation: parts.urgent.steps = try EscalationLadder.parseSteps(value)
        case .urgentEscalationEvery: parts.urgent.cycleMinutes = try Self.cycle(value)
        case .urgentEscalationCycles: parts.urgent.cycles = try Self.cycles(value)
        case .overdueEscalation: parts.overdue.steps = try EscalationLadder.parseSteps(value)
        case .overdueEscalationEvery: parts.overdue.cycleMinutes = try Self.cycle(value)
        case .overdueEscalationCycles: parts.overdue.cycles = try Self.cycles(value)
        }
    }

    private static func yearlyClosure(_ value: String) throws(InputError) -> ClosedSpan? {
        if value.trimmed.lowercased() == "none" { return nil }
        let span = try ClosedSpan(parsing: value)
        guard span.isYearly else {
            throw InputError("\(InputError.quoted(value)) has a year: the year-end closure comes back every year, so give MM-DD..MM-DD (12-29..01-03), or none")
        }
        return span
    }

    private static func minutes(_ value: String, _ what: String) throws(InputError) -> Int {
        guard let minutes = Int(value), (1...1440).contains(minutes) else {
            throw InputError("\(InputError.quoted(value)) is not \(what)")
        }
        return minutes
    }

    private static func coefficient(_ value: String) throws(InputError) -> Double {
        guard let number = Double(value), number.isFinite, number >= 0, number <= 1000 else {
            throw InputError("\(InputError.quoted(value)) is not a coefficient: use a number from 0 to 1000")
        }
        return number
    }

    private static func cycle(_ value: String) throws(InputError) -> Int {
        guard let minutes = EscalationLadder.parseMinutes(value), minutes > 0 else {
            throw InputError("\(InputError.quoted(value)) is not a duration: use e.g. 30m, 4h or 1d")
        }
        return minutes
    }

    private static func cycles(_ value: String) throws(InputError) -> Int {
        guard let cycles = Int(value), (1...100).contains(cycles) else {
            throw InputError("\(InputError.quoted(value)) is not a number of cycles from 1 to 100")
        }
        return cycles
    }
}
