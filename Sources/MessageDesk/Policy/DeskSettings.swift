import Foundation

/// The office's settings taken as a whole: the policy they give, and the stored ones that are not in force.
///
/// Every stored value is first read on its own; then the values that only make sense together (the
/// calendar's zone, hours and days; each ladder's steps, cycle and rounds, and the staff its steps name) are
/// checked together. Loading and `desk config set` both go through `resolve`, so a change is accepted exactly
/// when the desk will load it as set, whatever order the settings were stored in.
///
/// Resolving never fails on what is stored: a value that cannot be read gives way to its default, a group
/// that does not fit together gives way to the group's defaults, and each is reported as a `SettingProblem`.
/// A desk with a hand-edited row, a row from another version or an impossible combination still takes
/// messages, and `desk config set` can repair it.
public struct DeskSettings: Sendable, Equatable {
    /// The policy in force.
    public let policy: DeskPolicy
    /// The stored settings that are not in force, and why; empty when every stored setting is.
    public let problems: [SettingProblem]

    /// Resolves stored settings (text by key; keys this version does not know are left alone, as another
    /// version may use them). `isStaff` says whether a handle a ladder names is on the staff list.
    public static func resolve(_ stored: [String: String], isStaff: (String) throws -> Bool) rethrows -> DeskSettings {
        var parts = SettingParts(DeskPolicy.standard)
        var problems: [SettingProblem] = []
        var readable: [Setting] = []
        for setting in Setting.allCases {
            guard let value = stored[setting.rawValue] else { continue }
            do {
                try setting.read(value, into: &parts)
                readable.append(setting)
            } catch {
                problems.append(.unreadable(setting, value: value, reason: error.message))
            }
        }
        var policy = DeskPolicy.standard
        policy.urgentMinutes = parts.urgentMinutes
        policy.type1BusinessMinutes = parts.type1BusinessMinutes
        policy.sensitivity = SensitivityPolicy(keywords: parts.keywords)
        policy.coefficients = parts.coefficients
        policy.renotifyMinutes = parts.renotifyMinutes
        // Each group is assembled whole; one that does not fit keeps all of its defaults.
        func misfit(_ group: Setting.Group, _ reason: String) {
            let named = readable.filter { $0.group == group }
            problems.append(.misfit(group, settings: named, values: named.map { stored[$0.rawValue] ?? "" }, reason: reason))
        }
        do {
            policy.calendar = try BusinessCalendar(timeZone: parts.timeZone, opens: parts.opens, closes: parts.closes,
                                                   days: parts.days, yearEndClosure: parts.yearEndClosure,
                                                   observesNationalHolidays: parts.observesNationalHolidays)
        } catch {
            misfit(.calendar, error.message)
        }
        for (group, ladder) in [(Setting.Group.urgentLadder, parts.urgent), (.overdueLadder, parts.overdue)] {
            // Staff are looked up first: the lookup's own failure (the database) is not a setting's problem.
            let unknown = try ladder.steps.first { step in
                guard case .staff(let handle) = step.target else { return false }
                return try !isStaff(handle)
            }
            do throws(InputError) {
                let assembled = try EscalationLadder(steps: ladder.steps, cycleMinutes: ladder.cycleMinutes, cycles: ladder.cycles)
                if let unknown {
                    throw InputError("'\(unknown.target)' is not on the staff list; add them first, or use owner, substitute or escalation_contact")
                }
                if group == .urgentLadder { policy.escalation.urgent = assembled } else { policy.escalation.overdue = assembled }
            } catch {
                misfit(group, error.message)
            }
        }
        return DeskSettings(policy: policy, problems: problems)
    }
}

/// The settings' values read one by one, before they are assembled into a policy.
struct SettingParts {
    /// One ladder's three settings.
    struct Ladder {
        var steps: [EscalationStep]
        var cycleMinutes: Int
        var cycles: Int
    }

    var timeZone: TimeZone
    var opens: LocalTime
    var closes: LocalTime
    var days: Set<Weekday>
    var yearEndClosure: ClosedSpan?
    var observesNationalHolidays: Bool
    var urgentMinutes: Int
    var type1BusinessMinutes: Int
    var keywords: [String]
    var coefficients: PriorityCoefficients
    var renotifyMinutes: Int?
    var urgent: Ladder
    var overdue: Ladder

    /// The parts of `policy`.
    init(_ policy: DeskPolicy) {
        let calendar = policy.calendar
        (timeZone, opens, closes, days) = (calendar.timeZone, calendar.opens, calendar.closes, calendar.days)
        yearEndClosure = calendar.yearEndClosure
        observesNationalHolidays = calendar.observesNationalHolidays
        urgentMinutes = policy.urgentMinutes
        type1BusinessMinutes = policy.type1BusinessMinutes
        keywords = policy.sensitivity.keywords
        coefficients = policy.coefficients
        renotifyMinutes = policy.renotifyMinutes
        let escalation = policy.escalation
        urgent = Ladder(steps: escalation.urgent.steps, cycleMinutes: escalation.urgent.cycleMinutes, cycles: escalation.urgent.cycles)
        overdue = Ladder(steps: escalation.overdue.steps, cycleMinutes: escalation.overdue.cycleMinutes,
                         cycles: escalation.overdue.cycles)
    }
}
