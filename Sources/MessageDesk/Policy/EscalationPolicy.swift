import Foundation

/// Whom an escalation step tells.
public enum EscalationTarget: Sendable, Equatable, CustomStringConvertible {
    /// The owner, reminded.
    case owner
    /// The owner's substitute.
    case substitute
    /// The owner's escalation contact.
    case escalationContact
    /// A named member of staff.
    case staff(String)

    public var description: String {
        switch self {
        case .owner: "owner"
        case .substitute: "substitute"
        case .escalationContact: "escalation_contact"
        case .staff(let handle): handle
        }
    }
}

/// One rung of a ladder: at `offsetMinutes` after the ladder starts, tell `target`.
public struct EscalationStep: Sendable, Equatable {
    public let offsetMinutes: Int
    public let target: EscalationTarget

    public init(offsetMinutes: Int, target: EscalationTarget) {
        self.offsetMinutes = offsetMinutes
        self.target = target
    }
}

/// The model on-call tools share (PagerDuty, Opsgenie, GoAlert): ordered steps, each with a delay
/// and a target, the whole ladder repeated every `cycleMinutes`, `cycles` times in all.
public struct EscalationLadder: Sendable, Equatable {
    public let steps: [EscalationStep]
    public let cycleMinutes: Int
    public let cycles: Int

    /// A ladder whose steps are known to be valid (the documented defaults).
    init(validSteps steps: [EscalationStep], cycleMinutes: Int, cycles: Int) {
        self.steps = steps
        self.cycleMinutes = cycleMinutes
        self.cycles = cycles
    }

    /// Checks that steps are in order and fit in a cycle.
    public init(steps: [EscalationStep], cycleMinutes: Int, cycles: Int) throws(InputError) {
        guard !steps.isEmpty else { throw InputError("an escalation ladder needs at least one step") }
        guard zip(steps, steps.dropFirst()).allSatisfy({ $0.offsetMinutes < $1.offsetMinutes }) else {
            throw InputError("escalation steps must come in order of their delay, e.g. owner@0m substitute@10m")
        }
        guard (1...100).contains(cycles) else { throw InputError("'\(cycles)' cycles: use 1 to 100") }
        guard let last = steps.last, cycleMinutes > last.offsetMinutes || cycles == 1 else {
            throw InputError("the ladder repeats every \(cycleMinutes)m but its last step is at \(steps.last?.offsetMinutes ?? 0)m; repeat it later")
        }
        self.steps = steps
        self.cycleMinutes = cycleMinutes
        self.cycles = cycles
    }

    /// Parses `owner@0m substitute@10m escalation_contact@20m` (targets: owner, substitute,
    /// escalation_contact, or a handle; delays in m, h or d, or a bare number of minutes).
    public static func parseSteps(_ text: String) throws(InputError) -> [EscalationStep] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty else { throw InputError("no escalation steps given; e.g. owner@0m substitute@10m escalation_contact@20m") }
        var steps: [EscalationStep] = []
        for word in words {
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, let minutes = parseMinutes(String(parts[1])) else {
                throw InputError("'\(word)' is not a step: write TARGET@DELAY, e.g. substitute@10m")
            }
            let target: EscalationTarget
            switch parts[0] {
            case "owner": target = .owner
            case "substitute": target = .substitute
            case "escalation_contact": target = .escalationContact
            default:
                do { try Staff.validate(handle: String(parts[0])) } catch {
                    throw InputError("'\(parts[0])' is not a target: use owner, substitute, escalation_contact or a handle")
                }
                target = .staff(String(parts[0]))
            }
            steps.append(EscalationStep(offsetMinutes: minutes, target: target))
        }
        return steps
    }

    /// `10m`, `2h`, `1d` or `15` as minutes; nil when not a duration.
    public static func parseMinutes(_ text: String) -> Int? {
        let units: [Character: Int] = ["m": 1, "h": 60, "d": 1440]
        if let unit = text.last, let factor = units[unit], let number = Int(text.dropLast()), number >= 0 {
            return number * factor
        }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// The steps as `parseSteps` reads them.
    public var stepsText: String {
        steps.map { "\($0.target)@\(Self.minutesText($0.offsetMinutes))" }.joined(separator: " ")
    }

    /// `90` → `90m`, `120` → `2h`, `1440` → `1d`.
    public static func minutesText(_ minutes: Int) -> String {
        if minutes > 0 && minutes % 1440 == 0 { return "\(minutes / 1440)d" }
        if minutes > 0 && minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }
}

/// The two ladders of the desk: urgent callbacks climb from the moment they are taken until
/// acknowledged (wall-clock minutes); every callback climbs once past its due time until done
/// (business minutes, so nobody is escalated at night or over a weekend).
public struct EscalationPolicy: Sendable, Equatable {
    public var urgent: EscalationLadder
    public var overdue: EscalationLadder

    /// Urgent: owner at 0, substitute at +10 min, escalation contact at +20 min, repeated every
    /// 30 min, 3 times. Overdue: owner at due, escalation contact 1 business hour later, repeated
    /// every 4 business hours, 3 times.
    public static let standard = EscalationPolicy(
        urgent: EscalationLadder(
            validSteps: [EscalationStep(offsetMinutes: 0, target: .owner), EscalationStep(offsetMinutes: 10, target: .substitute),
                         EscalationStep(offsetMinutes: 20, target: .escalationContact)],
            cycleMinutes: 30, cycles: 3),
        overdue: EscalationLadder(
            validSteps: [EscalationStep(offsetMinutes: 0, target: .owner), EscalationStep(offsetMinutes: 60, target: .escalationContact)],
            cycleMinutes: 240, cycles: 3))
}
