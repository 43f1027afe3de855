/// Every parameter of `desk simulate`, with its default and where the default comes from.
///
/// Figures marked "survey" come from the June 2015 survey of 100 people in DESIGN.md; figures marked
/// "buyer study" from the study of B2B buyer types there; everything marked "assumption" is a plausible
/// figure for a Japanese sales office chosen for this simulator, to be replaced by an office's own data.
/// Durations are in minutes unless the name says seconds; times of day are business-day hours.
public struct SimulationConfiguration: Sendable, Equatable {
    /// Business days simulated (default 5; assumption: one working week).
    public var days = 5
    /// Salespeople whose mobiles clients call (default 10; assumption).
    public var salespeople = 10
    /// Operators on the office line; 0 is an office with no desk (default 2; assumption).
    public var operators = 2
    /// The seed of every random choice (default 1).
    public var seed: UInt64 = 1

    // MARK: Traffic

    /// Client calls to each salesperson's mobile per business day (default 8; assumption).
    public var callsPerSalespersonPerDay = 8.0
    /// Relative call intensity for each business hour from opening; a morning and an afternoon peak
    /// (default 09–18: 0.8 1.6 1.4 0.6 0.9 1.5 1.4 1.0 0.6; assumption, the usual two-peak office day).
    public var hourlyProfile: [Double] = [0.8, 1.6, 1.4, 0.6, 0.9, 1.5, 1.4, 1.0, 0.6]
    /// Clients per salesperson; repeat calls come from this pool (default 25; assumption).
    public var clientsPerSalesperson = 25
    /// Share of calls that are urgent (default 0.2; assumption).
    public var urgentShare = 0.2
    /// Share of callers who are buyer type ①, comparing many vendors (default 0.4; assumption).
    public var typeOneShare = 0.4

    // MARK: Salespeople

    /// Meetings per salesperson per day, Poisson mean (default 2; assumption).
    public var meetingsPerDay = 2.0
    /// Mean meeting length (default 60; assumption).
    public var meetingMinutes = 60.0
    /// Client visits per salesperson per day, Poisson mean (default 1; assumption).
    public var visitsPerDay = 1.0
    /// Mean visit length including travel (default 120; assumption).
    public var visitMinutes = 120.0
    /// Probability that a salesperson has the day off (default 0.05; assumption).
    public var dayOffProbability = 0.05
    /// Probability that a free salesperson still misses a call (default 0.15; assumption).
    public var missWhileFreeProbability = 0.15
    /// Mean length of a call on the mobile or of a callback (default 6; assumption).
    public var talkMinutes = 6.0
    /// Probability that a callback reaches the caller; otherwise a failed attempt (default 0.75; assumption).
    public var reachProbability = 0.75
    /// Minutes before a failed callback is tried again (default 30; assumption).
    public var retryAttemptMinutes = 30.0
    /// Probability that a salesperson notices and returns a missed call nobody left a message for (default 0.7; assumption).
    public var missedCallNoticedProbability = 0.7

    // MARK: Callers after an unanswered mobile

    /// Share of callers who call the office when the mobile is not answered (default 0.63; survey: 63% do).
    public var officeFallback = 0.63
    /// Share of urgent callers who call the office (default 0.85; assumption: the survey's main reason for calling
    /// the office is urgency). Non-urgent callers call at the rate that makes the overall share `officeFallback`.
    public var urgentOfficeFallback = 0.85
    /// Of those who do not call the office, the share who retry the mobile later (default 0.5; survey: "retry later";
    /// the split is an assumption); the others wait for the missed call to be returned.
    public var retryMobileShare = 0.5
    /// Mean wait before retrying the mobile (default 30; assumption).
    public var retryMobileMinutes = 30.0
    /// Retries of the mobile before a caller finally calls the office (default 2; survey: "mobile → voicemail → office").
    public var maxMobileRetries = 2

    // MARK: The office line

    /// Mean operator handling time per call, seconds, exponential (default 180; assumption, the example).
    public var handlingSeconds = 180.0
    /// Mean patience of a caller on hold, seconds, exponential (default 120; assumption).
    public var officePatienceSeconds = 120.0
    /// Share of callers who hung up on hold and call the office again (default 0.5; survey: "some call again and again").
    public var redialShare = 0.5
    /// Mean wait before calling the office again (default 5; assumption).
    public var redialMinutes = 5.0
    /// Share of messages with a caller's "call back by" time (default 0.3; survey: "call me back around this time").
    public var windowShare = 0.3
    /// How far ahead such a time lies (default 120; assumption).
    public var windowMinutes = 120.0
    /// Service-level target, seconds (default 20; the call-centre convention of the issue).
    public var serviceLevelSeconds = 20.0

    // MARK: Patience for the callback

    /// Mean business minutes a type ① caller waits for a callback before going to a competitor
    /// (default 120; buyer study: the first response wins, and DESIGN.md's due policy gives type ① 2 business hours).
    public var typeOnePatienceMinutes = 120.0
    /// Mean business minutes a type ② caller waits (default 1080 = two business days; buyer study: content over speed; assumption).
    public var typeTwoPatienceMinutes = 1080.0

    // MARK: The desk's machinery

    /// Minutes between escalation sweeps on the simulated clock (default 5; README's cron line).
    public var sweepMinutes = 5.0

    /// The defaults above.
    public init() {}

    /// Checks what the parameter table's ranges cannot: counts that fit together and a usable day profile.
    /// `DaySimulation` calls it, so a library caller who builds a configuration by hand gets an error, not a crash.
    public func validate() throws(InputError) {
        guard days >= 1, salespeople >= 1, operators >= 0, clientsPerSalesperson >= 1 else {
            throw InputError("days, salespeople and clients-per-salesperson must be at least 1, operators at least 0")
        }
        // Callers' numbers are 03-NNNN-NNNN from 03-1000-0000 on: 89,990,000 numbers.
        guard salespeople.multipliedReportingOverflow(by: clientsPerSalesperson).partialValue <= 89_990_000,
              !salespeople.multipliedReportingOverflow(by: clientsPerSalesperson).overflow else {
            throw InputError("salespeople × clients-per-salesperson must be at most 89,990,000 (one phone number each)")
        }
        guard !hourlyProfile.isEmpty, hourlyProfile.allSatisfy({ $0 >= 0 && $0.isFinite }),
              hourlyProfile.contains(where: { $0 > 0 }) else {
            throw InputError("hourly-profile needs at least one positive weight, and none negative")
        }
        let rates = [urgentShare, typeOneShare, dayOffProbability, missWhileFreeProbability, reachProbability,
                     missedCallNoticedProbability, officeFallback, urgentOfficeFallback, retryMobileShare, redialShare,
                     windowShare]
        guard rates.allSatisfy({ (0...1).contains($0) }) else { throw InputError("shares and probabilities must lie in 0…1") }
        let durations = [meetingMinutes, visitMinutes, talkMinutes, retryAttemptMinutes, retryMobileMinutes, handlingSeconds,
                         officePatienceSeconds, redialMinutes, windowMinutes, typeOnePatienceMinutes,
                         typeTwoPatienceMinutes, sweepMinutes, callsPerSalespersonPerDay, meetingsPerDay, visitsPerDay]
        guard durations.allSatisfy({ $0 >= 0 && $0.isFinite }), talkMinutes > 0, handlingSeconds > 0,
              officePatienceSeconds > 0, windowMinutes > 0, sweepMinutes > 0, maxMobileRetries >= 0 else {
            throw InputError("durations and counts must be finite and not negative; talk, handling, patience, window and sweep times positive")
        }
    }

    /// The non-urgent office-fallback rate that makes the overall rate `officeFallback`.
    public var nonUrgentOfficeFallback: Double {
        guard urgentShare < 1 else { return officeFallback }
        return min(1, max(0, (officeFallback - urgentShare * urgentOfficeFallback) / (1 - urgentShare)))
    }
}
