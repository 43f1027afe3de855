import Foundation

/// A setting the office can change with `desk config set KEY VALUE`.
public enum Setting: String, Sendable, CaseIterable {
    case timeZone = "time_zone"
    case businessHours = "business_hours"
    case businessDays = "business_days"
    case yearEndClosure = "year_end_closure"
    case nationalHolidays = "national_holidays"
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
    case renotifyAfter = "renotify_after"

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
        case .timeZone, .businessHours, .businessDays, .yearEndClosure, .nationalHolidays: .calendar
        case .urgentEscalation, .urgentEscalationEvery, .urgentEscalationCycles: .urgentLadder
        case .overdueEscalation, .overdueEscalationEvery, .overdueEscalationCycles: .overdueLadder
        case .urgentDueMinutes, .type1DueMinutes, .sensitiveKeywords, .priorityUrgent, .priorityBuyerType1,
             .priorityOverduePerHour, .priorityAgePerHour, .priorityAgeCap, .priorityRepeatCall, .priorityNewContact,
             .priorityEscalationLevel, .renotifyAfter: nil
        }
    }

    /// True for a setting that only an account sets, and that never falls back to a service-wide value: an
    /// account's sensitive keywords are its own, none by default (a law firm's normal words are a clinic's
    /// sensitive ones). Every other setting may be set per account and falls back to the service's value; the
    /// settings of the whole service (the operators' own shifts, the backups) are not in this table.
    public var isAccountOnly: Bool {
        self == .sensitiveKeywords
    }

    /// The value in force when the office has not set one.
    public var defaultValue: String {
        value(in: .standard)
    }

    /// What the setting means, for `desk config show`.
    public var summary: String {
        entry.summary
    }

    /// The setting's value in `policy`, in the stored text form.
    public func value(in policy: DeskPolicy) -> String {
        entry.show(policy)
    }

    /// Every setting's value in `policy`, in the stored text form.
    public static func values(of policy: DeskPolicy) -> [Setting: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.value(in: policy)) })
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

    /// Reads `value` on its own into `parts`; what it must fit with is checked when the parts are assembled.
    func read(_ value: String, into parts: inout SettingParts) throws(InputError) {
        try entry.read(value, &parts)
    }

    // MARK: - The table

    /// Everything about one setting in one place: what it means, how its text is read into the parts of a
    /// policy, and how a policy shows it (its default is how the standard policy shows it).
    private struct Entry {
        let summary: String
        let read: (String, inout SettingParts) throws(InputError) -> Void
        let show: (DeskPolicy) -> String

        /// A priority coefficient: read and shown through the one key path, so the two cannot name different
        /// coefficients.
        static func coefficient(_ path: WritableKeyPath<PriorityCoefficients, Double>, _ summary: String) -> Entry {
            Entry(summary: summary,
                  read: { value, parts throws(InputError) in parts.coefficients[keyPath: path] = try Setting.coefficient(value) },
                  show: { Setting.format($0.coefficients[keyPath: path]) })
        }

        /// A ladder's steps, read and shown through its `LadderPlace`.
        static func steps(_ ladder: LadderPlace, _ summary: String) -> Entry {
            Entry(summary: summary,
                  read: { value, parts throws(InputError) in parts[keyPath: ladder.parts].steps = try EscalationLadder.parseSteps(value) },
                  show: { $0.escalation[keyPath: ladder.policy].stepsText })
        }

        /// How long a round of a ladder lasts.
        static func every(_ ladder: LadderPlace, _ summary: String) -> Entry {
            Entry(summary: summary,
                  read: { value, parts throws(InputError) in parts[keyPath: ladder.parts].cycleMinutes = try Setting.cycle(value) },
                  show: { EscalationLadder.minutesText($0.escalation[keyPath: ladder.policy].cycleMinutes) })
        }

        /// How many rounds a ladder runs.
        static func cycles(_ ladder: LadderPlace, _ summary: String) -> Entry {
            Entry(summary: summary,
                  read: { value, parts throws(InputError) in parts[keyPath: ladder.parts].cycles = try Setting.cycles(value) },
                  show: { String($0.escalation[keyPath: ladder.policy].cycles) })
        }
    }

    /// Where one ladder sits in the parts and in the policy, named once so that its three settings cannot read
    /// one ladder and show the other.
    private struct LadderPlace {
        let parts: WritableKeyPath<SettingParts, SettingParts.Ladder>
        let policy: KeyPath<EscalationPolicy, EscalationLadder>

        static var urgent: LadderPlace { LadderPlace(parts: \.urgent, policy: \.urgent) }
        static var overdue: LadderPlace { LadderPlace(parts: \.overdue, policy: \.overdue) }
    }

    /// The table, as one exhaustive switch: a setting cannot be added without its meaning, its reader and its
    /// value in a policy (which is also its default).
    private var entry: Entry {
        switch self {
        case .timeZone:
            Entry(summary: "time zone of business hours and of times shown (IANA name)",
                  read: { value, parts throws(InputError) in
                      guard let zone = TimeZone(identifier: value) else {
                          throw InputError("\(InputError.quoted(value)) is not a time zone: use an IANA name such as Asia/Tokyo")
                      }
                      parts.timeZone = zone
                  },
                  show: { $0.calendar.timeZone.identifier })
        case .businessHours:
            Entry(summary: "opening and closing time, HH:MM-HH:MM",
                  read: { value, parts throws(InputError) in
                      let ends = value.split(separator: "-", omittingEmptySubsequences: false)
                      guard ends.count == 2 else {
                          throw InputError("\(InputError.quoted(value)) is not business hours: use HH:MM-HH:MM, e.g. 09:00-18:00")
                      }
                      parts.opens = try LocalTime(parsing: String(ends[0]))
                      parts.closes = try LocalTime(parsing: String(ends[1]))
                  },
                  show: { "\($0.calendar.opens)-\($0.calendar.closes)" })
        case .businessDays:
            Entry(summary: "business days, e.g. mon-fri or mon,tue,thu",
                  read: { value, parts throws(InputError) in parts.days = try Weekday.parseSet(value) },
                  show: { Weekday.describe($0.calendar.days) })
        case .yearEndClosure:
            Entry(summary: "closed every year (年末年始), MM-DD..MM-DD, or none",
                  read: { value, parts throws(InputError) in parts.yearEndClosure = try Setting.yearlyClosure(value) },
                  show: { $0.calendar.yearEndClosure?.description ?? "none" })
        case .nationalHolidays:
            Entry(summary: "national holidays (国民の祝日, 振替休日, 国民の休日) close the office: on or off",
                  read: { value, parts throws(InputError) in parts.observesNationalHolidays = try Setting.observance(value) },
                  show: { $0.calendar.observesNationalHolidays ? "on" : "off" })
        case .urgentDueMinutes:
            Entry(summary: "minutes within which an urgent callback is due",
                  read: { value, parts throws(InputError) in
                      parts.urgentMinutes = try Setting.minutes(value, "a number of minutes from 1 to 1440")
                  },
                  show: { String($0.urgentMinutes) })
        case .type1DueMinutes:
            Entry(summary: "business minutes within which a type ① buyer's callback is due",
                  read: { value, parts throws(InputError) in
                      parts.type1BusinessMinutes = try Setting.minutes(value, "a number of business minutes from 1 to 1440")
                  },
                  show: { String($0.type1BusinessMinutes) })
        case .sensitiveKeywords:
            Entry(summary: "words that mark a message sensitive, comma-separated",
                  read: { value, parts in parts.keywords = SensitivityPolicy.keywords(in: value) },
                  show: { $0.sensitivity.keywords.joined(separator: ",") })
        case .priorityUrgent: .coefficient(\.urgent, "priority added for an urgent message")
        case .priorityBuyerType1: .coefficient(\.buyerType1, "priority added for a type ① buyer (first response wins)")
        case .priorityOverduePerHour: .coefficient(\.overduePerHour, "priority per business hour overdue (no cap)")
        case .priorityAgePerHour: .coefficient(\.agePerHour, "priority per business hour open")
        case .priorityAgeCap: .coefficient(\.ageCap, "most priority the age term adds")
        case .priorityRepeatCall: .coefficient(\.repeatCall, "priority per repeat call")
        case .priorityNewContact: .coefficient(\.newContact, "priority added for a new contact")
        case .priorityEscalationLevel: .coefficient(\.escalationLevel, "priority per escalation level")
        case .urgentEscalation: .steps(.urgent, "urgent ladder, from when taken until acknowledged: TARGET@DELAY …")
        case .urgentEscalationEvery: .every(.urgent, "the urgent ladder starts again after this long (wall clock)")
        case .urgentEscalationCycles: .cycles(.urgent, "how many times the urgent ladder runs")
        case .overdueEscalation: .steps(.overdue, "overdue ladder, from the due time until done (business time)")
        case .overdueEscalationEvery:
            .every(.overdue, "the overdue ladder starts again after this many business minutes/hours")
        case .overdueEscalationCycles: .cycles(.overdue, "how many times the overdue ladder runs")
        case .renotifyAfter:
            Entry(summary: "a message nobody acknowledged is notified again after: \(RenotifyDelay.choices)",
                  read: { value, parts throws(InputError) in parts.renotifyMinutes = try RenotifyDelay.read(value) },
                  show: { RenotifyDelay.text($0.renotifyMinutes) })
        }
    }

    // MARK: - Reading and showing one value

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func yearlyClosure(_ value: String) throws(InputError) -> ClosedSpan? {
        if value.trimmed.lowercased() == "none" { return nil }
        let span = try ClosedSpan(parsing: value)
        guard span.isYearly else {
            throw InputError("\(InputError.quoted(value)) has a year: the year-end closure comes back every year, so give MM-DD..MM-DD (12-29..01-03), or none")
        }
        return span
    }

    private static func observance(_ value: String) throws(InputError) -> Bool {
        switch value.trimmed.lowercased() {
        case "on": return true
        case "off": return false
        default:
            throw InputError("\(InputError.quoted(value)) is not on or off: national holidays close the office (on, the default) or are working days (off)")
        }
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
