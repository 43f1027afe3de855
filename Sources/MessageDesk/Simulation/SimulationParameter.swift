/// One named, settable parameter of the simulation: what `--set NAME=VALUE`, `--compare NAME=V1,V2` and
/// scenario files use, and what `desk simulate --help` lists.
public struct SimulationParameter: Sendable {
    /// The name on the command line and in scenario files, e.g. `operators`.
    public let name: String
    /// What it means, its default's source, in one line.
    public let summary: String
    private let read: @Sendable (SimulationConfiguration) -> String
    private let write: @Sendable (inout SimulationConfiguration, String) -> Bool

    private init(_ name: String, _ path: WritableKeyPath<SimulationConfiguration, Double> & Sendable, _ summary: String,
                 range: ClosedRange<Double>) {
        self.name = name
        self.summary = summary
        read = { SimulationParameter.text($0[keyPath: path]) }
        write = { configuration, text in
            guard let value = Double(text), value.isFinite, range.contains(value) else { return false }
            configuration[keyPath: path] = value
            return true
        }
    }

    private init(_ name: String, _ path: WritableKeyPath<SimulationConfiguration, Int> & Sendable, _ summary: String,
                 range: ClosedRange<Int>) {
        self.name = name
        self.summary = summary
        read = { String($0[keyPath: path]) }
        write = { configuration, text in
            guard let value = Int(text), range.contains(value) else { return false }
            configuration[keyPath: path] = value
            return true
        }
    }

    private init(seed summary: String) {
        name = "seed"
        self.summary = summary
        read = { String($0.seed) }
        write = { configuration, text in
            guard let value = UInt64(text) else { return false }
            configuration.seed = value
            return true
        }
    }

    private init(profile summary: String) {
        name = "hourly-profile"
        self.summary = summary
        read = { $0.hourlyProfile.map(SimulationParameter.text).joined(separator: "/") }
        write = { configuration, text in
            let values = text.split(separator: "/").compactMap { Double($0) }
            guard !values.isEmpty, values.count == text.split(separator: "/").count,
                  values.allSatisfy({ $0 >= 0 && $0.isFinite }), values.contains(where: { $0 > 0 }) else { return false }
            configuration.hourlyProfile = values
            return true
        }
    }

    /// The parameter's value in `configuration`, as it would be written on the command line.
    public func value(in configuration: SimulationConfiguration) -> String { read(configuration) }

    /// Sets the parameter from its text, or throws naming the parameter and what it accepts.
    public func set(_ text: String, in configuration: inout SimulationConfiguration) throws(InputError) {
        guard write(&configuration, text) else {
            throw InputError("\(name)=\(text) is not allowed: \(summary)")
        }
    }

    /// A number as short as it can be written without losing it.
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: - The table

    /// Every parameter, in the order `--help` lists them.
    public static let all: [SimulationParameter] = [
        .init("days", \.days, "business days simulated (assumption)", range: 1...10_000),
        .init("salespeople", \.salespeople, "salespeople with mobiles (assumption)", range: 1...100_000),
        .init("operators", \.operators, "operators on the office line, 0 = no desk (assumption)", range: 0...10_000),
        .init(seed: "seed of every random choice"),
        .init("calls-per-salesperson", \.callsPerSalespersonPerDay, "client calls per salesperson per day (assumption)",
              range: 0...10_000),
        .init(profile: "relative intensity per business hour, slash-separated (assumption: morning and afternoon peaks)"),
        .init("clients-per-salesperson", \.clientsPerSalesperson, "clients each salesperson has (assumption)", range: 1...10_000),
        .init("urgent-share", \.urgentShare, "share of urgent calls (assumption)", range: 0...1),
        .init("type-one-share", \.typeOneShare, "share of type ① buyers (assumption)", range: 0...1),
        .init("meetings-per-day", \.meetingsPerDay, "meetings per salesperson per day, mean (assumption)", range: 0...20),
        .init("meeting-minutes", \.meetingMinutes, "mean meeting length (assumption)", range: 0...600),
        .init("visits-per-day", \.visitsPerDay, "client visits per salesperson per day, mean (assumption)", range: 0...20),
        .init("visit-minutes", \.visitMinutes, "mean visit length with travel (assumption)", range: 0...600),
        .init("day-off", \.dayOffProbability, "probability of a day off (assumption)", range: 0...1),
        .init("miss-while-free", \.missWhileFreeProbability, "probability a free salesperson misses a call (assumption)",
              range: 0...1),
        .init("talk-minutes", \.talkMinutes, "mean length of a mobile call or callback (assumption)", range: 0.1...600),
        .init("reach", \.reachProbability, "probability a callback reaches the caller (assumption)", range: 0...1),
        .init("retry-attempt-minutes", \.retryAttemptMinutes, "wait before retrying a failed callback (assumption)",
              range: 0...1_000),
        .init("missed-call-noticed", \.missedCallNoticedProbability,
              "probability a missed call without a message is returned (assumption)", range: 0...1),
        .init("office-fallback", \.officeFallback, "share who call the office when the mobile is unanswered (survey: 0.63)",
              range: 0...1),
        .init("urgent-office-fallback", \.urgentOfficeFallback, "the same for urgent callers (assumption: urgency drives it)",
              range: 0...1),
        .init("retry-mobile-share", \.retryMobileShare, "of the others, share who retry the mobile (survey; split assumed)",
              range: 0...1),
        .init("retry-mobile-minutes", \.retryMobileMinutes, "mean wait before retrying the mobile (assumption)", range: 0...1_000),
        .init("max-mobile-retries", \.maxMobileRetries, "mobile retries before calling the office (survey: mobile → office)",
              range: 0...20),
        .init("handling-seconds", \.handlingSeconds, "mean operator handling time (assumption)", range: 1...36_000),
        .init("office-patience-seconds", \.officePatienceSeconds, "mean patience on hold (assumption)", range: 1...36_000),
        .init("redial-share", \.redialShare, "share of hung-up callers who call the office again (survey)", range: 0...1),
        .init("redial-minutes", \.redialMinutes, "mean wait before calling the office again (assumption)", range: 0...1_000),
        .init("window-share", \.windowShare, "share of messages with a call-back-by time (survey)", range: 0...1),
        .init("window-minutes", \.windowMinutes, "how far ahead that time lies (assumption)", range: 1...10_000),
        .init("service-level-seconds", \.serviceLevelSeconds, "service-level target (call-centre convention)", range: 0...3_600),
        .init("type-one-patience-minutes", \.typeOnePatienceMinutes,
              "mean business minutes a type ① caller waits for a callback (buyer study; due policy 2 h)", range: 1...100_000),
        .init("type-two-patience-minutes", \.typeTwoPatienceMinutes,
              "mean business minutes a type ② caller waits (assumption: two business days)", range: 1...100_000),
        .init("sweep-minutes", \.sweepMinutes, "minutes between escalation sweeps (README's cron line)", range: 1...600),
    ]

    /// The parameter called `name`, if there is one.
    public static func named(_ name: String) -> SimulationParameter? { all.first { $0.name == name } }

    /// Applies `NAME=VALUE` to `configuration`.
    public static func apply(_ assignment: String, to configuration: inout SimulationConfiguration) throws(InputError) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw InputError("'\(assignment)' is not NAME=VALUE, e.g. operators=3")
        }
        let name = String(assignment[..<equals])
        guard let parameter = named(name) else {
            throw InputError("no simulation parameter '\(name)'; see `desk simulate --help` for the list")
        }
        try parameter.set(String(assignment[assignment.index(after: equals)...]), in: &configuration)
    }
}
