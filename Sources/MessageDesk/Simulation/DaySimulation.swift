import Foundation

/// Simulates business days at a sales office and its message desk, through the real `DeskStore`.
///
/// Clients call salespeople's mobiles; unanswered callers call the office (the survey's 63%, more when
/// urgent), retry the mobile, or wait for the missed call to be returned. The office line is an
/// `OfficeQueue`; every answered call becomes a message through `DeskStore.takeMessage` (repeat callers join
/// their open callback), the escalation sweep runs on the simulated clock, and salespeople, when free, work
/// their callbacks in the library's priority order (`acknowledge`, then `complete` or `recordAttempt`).
/// A caller whose patience runs out before anyone calls back is a lost deal — quickly for type ① buyers.
///
/// The simulated clock counts business seconds only: day d runs from d·L to (d+1)·L where L is the length of
/// the business day, and the night is skipped (nothing in the model happens then). Library calls receive the
/// real instant of each business second. All randomness comes from the seed: traffic (who calls whom, when,
/// how urgent, how patient) from its own streams, drawn at the start of each day, so that scenarios compared
/// with the same seed see the same callers whatever the staffing.
public struct DaySimulation {
    /// The parameters.
    public let configuration: SimulationConfiguration
    /// An instant on the first business day, or before it: the run starts at that day's opening.
    public let start: Date

    /// A simulation of `configuration` from the first business day on or after `start`'s date.
    public init(configuration: SimulationConfiguration, start: Date) {
        self.configuration = configuration
        self.start = start
    }

    /// Runs the simulation, writing to `store`, which must be a `SimulationDatabase`; `progress` hears each
    /// finished day (1-based) and the total.
    public func run(into store: DeskStore, progress: (Int, Int) -> Void = { _, _ in }) throws -> SimulationReport {
        do {
            try configuration.validate()
        } catch {
            throw DeskError(.badInput, error.message)
        }
        // Its sweep would escalate real callbacks and queue notifications to real people.
        guard try store.purpose() == .simulation else { throw SimulationDatabase.realDesk(store.path, suggesting: nil) }
        let engine = try SimulationEngine(configuration: configuration, start: start, store: store)
        return try engine.run(progress: progress)
    }
}

// MARK: - The engine

/// The mutable state of one run. A class because every handler changes it; never shared across threads.
final class SimulationEngine {
    /// One client's matter: why they call, from the first ring to a callback or a lost deal.
    struct Matter {
        let salesperson: Int
        let client: Int
        let urgent: Bool
        let typeOne: Bool
        /// The business second the caller's patience for a callback ends.
        let deadline: Double
        /// The matter's own random stream: its decisions do not depend on what else happens.
        var random: SeededGenerator
        var mobileRetries = 0
        var callbackID: Int?
    }

    /// A callback a salesperson owes, as far as choosing what to try next needs to know.
    struct OwedCallback {
        let owner: Int
        let notBefore: Date?
        let acknowledged: Bool
    }

    /// A salesperson's day: off or not, meetings and visits, busy until when, missed calls to return.
    struct Salesperson {
        let handle: String
        var off = false
        var blocks: [(start: Double, end: Double)] = []
        var busyUntil = 0.0
        var missedCalls: [Int] = []
        func isFree(at time: Double) -> Bool {
            !off && busyUntil <= time && !blocks.contains { $0.start <= time && time < $0.end }
        }
    }

    let configuration: SimulationConfiguration
    let store: DeskStore
    let openings: [Date]
    let dayLength: Double
    var events = MinHeap<SimulationEvent>()
    var sequence = 0
    var traffic: SeededGenerator
    var schedules: SeededGenerator
    var work: SeededGenerator
    var line: OfficeQueue
    var salespeople: [Salesperson]
    var matters: [Int: Matter] = [:]
    var nextMatter = 0
    var callbackMatters: [Int: [Int]] = [:]
    var callbackOpened: [Int: Double] = [:]
    var retryAfter: [Int: Double] = [:]
    /// Callbacks someone is on the phone for right now: nobody else starts the same call.
    var inProgress: Set<Int> = []
    /// What each salesperson owes, as the library last answered (see `OwedCallback`), by salesperson index.
    var owed: [[Int]]
    var owedCallbacks: [Int: OwedCallback] = [:]
    let salespersonIndex: [String: Int]
    var days: [SimulationFigures]
    var hours: [SimulationHour]
    let hoursPerDay: Int
    /// Each client's number, parsed once (there are at most salespeople × clients of them).
    var phones: [Int: PhoneNumber] = [:]
    /// Callbacks this run opened and has not closed yet.
    var liveCallbacks = 0
    static let actor = "simulator"

    init(configuration: SimulationConfiguration, start: Date, store: DeskStore) throws {
        self.configuration = configuration
        self.store = store
        let calendar = store.policy.calendar
        var openings: [Date] = []
        // Whole business days: the first one is the day of `start` (from its opening) or the next business day.
        var cursor = calendar.startOfDay(start)
        for _ in 0..<configuration.days {
            let opening = calendar.nextOpening(atOrAfter: cursor)
            openings.append(opening)
            cursor = calendar.endOfBusinessDay(for: opening).addingTimeInterval(1)
        }
        self.openings = openings
        // One length for every day: the calendar's hours are the same each business day.
        dayLength = openings.first.map { calendar.endOfBusinessDay(for: $0).timeIntervalSince($0) } ?? 32_400
        var root = SeededGenerator(seed: configuration.seed)
        traffic = root.split()
        schedules = root.split()
        work = root.split()
        line = OfficeQueue(operators: configuration.operators)
        let handles = (0..<configuration.salespeople).map(SimulationEngine.handle(salesperson:))
        salespeople = handles.map { Salesperson(handle: $0) }
        salespersonIndex = Dictionary(uniqueKeysWithValues: handles.enumerated().map { ($1, $0) })
        owed = Array(repeating: [], count: configuration.salespeople)
        days = Array(repeating: SimulationFigures(target: configuration.serviceLevelSeconds), count: configuration.days)
        hoursPerDay = max(1, Int((dayLength / 3_600).rounded(.up)))
        hours = Array(repeating: SimulationHour(), count: configuration.days * hoursPerDay)
        try setUpStaff()
        // A reused database may hold callbacks still owed from an earlier run: they are worked too.
        for ranked in try store.callbacks(CallbackFilter(), at: openings.first ?? start) {
            noteOwed(ranked.callback)
        }
    }

    static func handle(salesperson index: Int) -> String { "sp\(String(format: "%04d", index + 1))" }

    /// Adds the manager, the operators and the salespeople the database lacks (a reused database keeps its own).
    func setUpStaff() throws {
        let now = openings.first ?? Date(timeIntervalSince1970: 0)
        try store.inOneTransaction {
            let existing = Set(try store.allStaff().map(\.handle))
            if !existing.contains("bucho") {
                _ = try store.addStaff(NewStaff(handle: "bucho", displayName: "営業部長", role: .manager),
                                       actor: Self.actor, at: now)
            }
            for index in 0..<configuration.operators where !existing.contains("op\(index + 1)") {
                _ = try store.addStaff(NewStaff(handle: "op\(index + 1)", displayName: "オペレーター\(index + 1)",
                                                role: .operator), actor: Self.actor, at: now)
            }
            // Substitutes are added after everyone exists: each salesperson's substitute is the next one.
            let count = configuration.salespeople
            for index in 0..<count where !existing.contains(salespeople[index].handle) {
                _ = try store.addStaff(NewStaff(handle: salespeople[index].handle, displayName: "営業\(index + 1)",
                                                escalationContact: "bucho"), actor: Self.actor, at: now)
            }
            if count > 1 {
                for index in 0..<count where !existing.contains(salespeople[index].handle) {
                    _ = try store.updateStaff(salespeople[index].handle,
                                              substitute: .some(salespeople[(index + 1) % count].handle),
                                              actor: Self.actor, at: now)
                }
            }
        }
    }

    // MARK: Clock

    func date(_ time: Double) -> Date {
        let day = min(max(0, Int(time / dayLength)), openings.count - 1)
        return openings[day].addingTimeInterval(time - Double(day) * dayLength)
    }

    func dayIndex(_ time: Double) -> Int { min(max(0, Int(time / dayLength)), days.count - 1) }

    func hourIndex(_ time: Double) -> Int {
        let day = dayIndex(time)
        let hour = min(max(0, Int((time - Double(day) * dayLength) / 3_600)), hoursPerDay - 1)
        return day * hoursPerDay + hour
    }

    /// Spreads an operator's busy interval over the hours it covers.
    func recordBusy(from begin: Double, to end: Double) {
        var cursor = begin
        let horizon = Double(days.count) * dayLength
        while cursor < min(end, horizon) {
            let index = hourIndex(cursor)
            let day = index / hoursPerDay, hour = index % hoursPerDay
            let hourEnd = min(Double(day) * dayLength + Double(hour + 1) * 3_600, Double(day + 1) * dayLength)
            let stop = min(end, hourEnd)
            hours[index].operatorBusySeconds += stop - cursor
            if stop <= cursor { break }
            cursor = stop
        }
    }

    func schedule(_ time: Double, _ kind: SimulationEvent.Kind) {
        sequence += 1
        events.insert(SimulationEvent(time: time, sequence: sequence, kind: kind))
    }

    // MARK: Run

    func run(progress: (Int, Int) -> Void) throws -> SimulationReport {
        let horizon = Double(configuration.days) * dayLength
        if configuration.days > 0 { schedule(0, .dayStarts(0)) }
        // One transaction per simulated day. Commits are what costs: on a database of a year, the index
        // entries a day adds (a caller's calls, a person's presence, the events of each) land on pages all
        // over the file, and each commit writes every page it dirtied; a page touched in several hours of
        // a day is written once instead of once an hour.
        var boundary = 3_600.0
        while let first = events.min, first.time <= horizon {
            let dayEnd = (Double(dayIndex(first.time)) + 1) * dayLength
            try store.inOneTransaction {
                // Hour by hour, at least one (so events left at the horizon are still handled).
                repeat {
                    while let event = events.min, event.time < boundary, event.time <= horizon {
                        _ = events.popMin()
                        try handle(event, progress: progress)
                    }
                    // What is owed as the next hour begins; openings during the hour can only raise it.
                    if boundary < horizon {
                        let index = hourIndex(boundary)
                        hours[index].callbacksWaiting = max(hours[index].callbacksWaiting, liveCallbacks)
                    }
                    boundary += 3_600
                } while boundary - 3_600 < dayEnd && (events.min.map { $0.time <= horizon } ?? false)
            }
        }
        var total = SimulationFigures(target: configuration.serviceLevelSeconds)
        for day in days { total.add(day) }
        let rate = horizon > 0 ? Double(total.office.offered) / horizon : 0
        return SimulationReport(
            configuration: configuration, dayOpenings: openings, days: days, total: total,
            erlangC: ErlangC(arrivalRate: rate, meanHandlingTime: configuration.handlingSeconds, agents: configuration.operators),
            erlangA: ErlangA(arrivalRate: rate, meanHandlingTime: configuration.handlingSeconds,
                             meanPatience: configuration.officePatienceSeconds, agents: configuration.operators),
            hours: hours, hoursPerDay: hoursPerDay)
    }

    func handle(_ event: SimulationEvent, progress: (Int, Int) -> Void) throws {
        let time = event.time
        switch event.kind {
        case .dayStarts(let day): startDay(day)
        case .dayEnds(let day):
            days[day].staffedSeconds += Double(configuration.operators) * dayLength
            progress(day + 1, configuration.days)
            if day + 1 < configuration.days { schedule(time, .dayStarts(day + 1)) }
        case .mobileCall(let id): mobileCall(id, at: time)
        case .officeCall(let id): officeCall(id, at: time)
        case .officeAnswered(let id): try officeAnswered(id, at: time)
        case .officeHungUp(let id):
            guard var matter = matters[id] else { return }
            if matter.random.chance(configuration.redialShare) {
                let delay = matter.random.exponential(mean: configuration.redialMinutes * 60)
                matters[id] = matter
                schedule(time + delay, .officeCall(matter: id))
            } else {
                matters[id] = matter
                waitForReturn(id, at: time)
            }
        case .patienceEnds(let id):
            guard let matter = matters.removeValue(forKey: id) else { return }
            if matter.typeOne { days[dayIndex(time)].dealsLostTypeOne += 1 } else { days[dayIndex(time)].dealsLostTypeTwo += 1 }
        case .salespersonFree(let index): try work(index, at: time)
        case .salespersonAway(let index, let until, let visiting):
            // The presence board shows it, and each message taken meanwhile tells the caller when they are back.
            guard until > time else { return }
            let status: Presence.Status = salespeople[index].off ? .dayOff : visiting ? .out : .meeting
            _ = try store.setPresence(salespeople[index].handle, status: status, until: date(until),
                                      note: status == .out ? "客先訪問" : nil, actor: Self.actor, at: date(time))
        case .callbackCallEnds(let index, let callbackID, let reached):
            try callbackCallEnds(index, callbackID, reached: reached, at: time)
        case .missedCallReturned(let index, let id):
            if matters.removeValue(forKey: id) != nil { days[dayIndex(time)].missedCallsReturned += 1 }
            try work(index, at: time)
        case .sweep:
            for fired in try store.sweep(actor: "sweep", at: date(time)) {
                days[dayIndex(time)].escalations["\(fired.ladder) step \(fired.step + 1) (\(fired.kind.rawValue))", default: 0] += 1
            }
        }
    }

    // MARK: The day's plan

    func startDay(_ day: Int) {
        let open = Double(day) * dayLength
        let close = open + dayLength
        line.reopen(at: open)
        for index in salespeople.indices {
            var person = salespeople[index]
            person.off = schedules.chance(configuration.dayOffProbability)
            person.blocks = []
            // A call that ran past yesterday's close still occupies its first minutes of today.
            person.busyUntil = max(person.busyUntil, open)
            if !person.off {
                let meetings = poisson(configuration.meetingsPerDay, &schedules)
                let visits = poisson(configuration.visitsPerDay, &schedules)
                for kind in 0..<(meetings + visits) {
                    let mean = kind < meetings ? configuration.meetingMinutes : configuration.visitMinutes
                    let length = schedules.lognormal(mean: max(mean, 1) * 60, cv: 0.5)
                    let begin = open + schedules.uniform() * dayLength
                    person.blocks.append((begin, min(close, begin + length)))
                    schedule(begin, .salespersonAway(index, until: min(close, begin + length), visiting: kind >= meetings))
                    schedule(min(close, begin + length), .salespersonFree(index))
                }
                schedule(open, .salespersonFree(index))
            }
            salespeople[index] = person
            if person.off { schedule(open, .salespersonAway(index, until: close, visiting: false)) }
        }
        // Traffic: a Poisson process per salesperson with the hourly profile as its shape.
        let profile = configuration.hourlyProfile
        let weightTotal = profile.reduce(0, +)
        let slice = dayLength / Double(profile.count)
        for index in salespeople.indices {
            let calls = poisson(configuration.callsPerSalespersonPerDay, &traffic)
            for _ in 0..<calls {
                var pick = traffic.uniform() * weightTotal
                var hour = 0
                while hour < profile.count - 1 && pick >= profile[hour] { pick -= profile[hour]; hour += 1 }
                let time = open + (Double(hour) + traffic.uniform()) * slice
                var random = traffic.split()
                let urgent = random.chance(configuration.urgentShare)
                let typeOne = random.chance(configuration.typeOneShare)
                let patience = random.exponential(
                    mean: (typeOne ? configuration.typeOnePatienceMinutes : configuration.typeTwoPatienceMinutes) * 60)
                let id = nextMatter
                nextMatter += 1
                matters[id] = Matter(salesperson: index, client: random.index(below: configuration.clientsPerSalesperson),
                                     urgent: urgent, typeOne: typeOne, deadline: time + patience, random: random)
                schedule(time, .mobileCall(matter: id))
                schedule(time + patience, .patienceEnds(matter: id))
            }
        }
        var sweep = open + configuration.sweepMinutes * 60
        while sweep <= close { schedule(sweep, .sweep); sweep += configuration.sweepMinutes * 60 }
        schedule(close, .dayEnds(day))
    }

    /// A Poisson count with the given mean: Knuth's product of uniforms, over chunks of at most 100 so that
    /// e^(−mean) never underflows (a sum of independent Poisson counts is Poisson).
    func poisson(_ mean: Double, _ random: inout SeededGenerator) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 100 { return poisson(100, &random) + poisson(mean - 100, &random) }
        let limit = exp(-mean)
        var count = 0
        var product = random.uniform()
        while product > limit { count += 1; product *= random.uniform() }
        return count
    }

    // MARK: Callers

    func mobileCall(_ id: Int, at time: Double) {
        guard var matter = matters[id] else { return }
        let day = dayIndex(time)
        days[day].mobileCalls += 1
        let index = matter.salesperson
        if salespeople[index].isFree(at: time) && !matter.random.chance(configuration.missWhileFreeProbability) {
            let talk = matter.random.exponential(mean: configuration.talkMinutes * 60)
            salespeople[index].busyUntil = time + talk
            schedule(time + talk, .salespersonFree(index))
            matters[id] = nil
            return
        }
        days[day].unansweredMobile += 1
        if matter.mobileRetries >= configuration.maxMobileRetries {
            matters[id] = matter
            schedule(time, .officeCall(matter: id))
            return
        }
        let fallback = matter.urgent ? configuration.urgentOfficeFallback : configuration.nonUrgentOfficeFallback
        let first = matter.mobileRetries == 0
        if first { days[day].fallbackDecisions += 1 }
        if matter.random.chance(fallback) {
            if first { days[day].fellBackToOffice += 1 }
            matters[id] = matter
            schedule(time, .officeCall(matter: id))
        } else if matter.random.chance(configuration.retryMobileShare) {
            matter.mobileRetries += 1
            let delay = matter.random.exponential(mean: configuration.retryMobileMinutes * 60)
            matters[id] = matter
            schedule(time + delay, .mobileCall(matter: id))
        } else {
            matters[id] = matter
            waitForReturn(id, at: time)
        }
    }

    /// The caller waits for the salesperson to notice the missed call and return it — if they ever do.
    func waitForReturn(_ id: Int, at time: Double) {
        guard var matter = matters[id] else { return }
        let noticed = matter.random.chance(configuration.missedCallNoticedProbability)
        matters[id] = matter
        guard noticed else { return }
        salespeople[matter.salesperson].missedCalls.append(id)
        schedule(time, .salespersonFree(matter.salesperson))
    }

    func officeCall(_ id: Int, at time: Double) {
        guard var matter = matters[id] else { return }
        let handling = matter.random.exponential(mean: configuration.handlingSeconds)
        let patience = matter.random.exponential(mean: configuration.officePatienceSeconds)
        matters[id] = matter
        let outcome = line.offer(arrival: time, handling: handling, patience: patience)
        days[dayIndex(time)].office.record(arrival: time, outcome: outcome)
        hours[hourIndex(time)].officeCalls += 1
        switch outcome {
        case .answered(let at, let until):
            recordBusy(from: at, to: until)
            schedule(at, .officeAnswered(matter: id))
        case .abandoned(let at): schedule(at, .officeHungUp(matter: id))
        case .noDesk: waitForReturn(id, at: time)   // nobody picks up: the missed call on the mobile is all that is left
        }
    }

    func officeAnswered(_ id: Int, at time: Double) throws {
        guard var matter = matters[id] else { return }
        let now = date(time)
        let client = matter.salesperson * configuration.clientsPerSalesperson + matter.client
        let window = matter.random.chance(configuration.windowShare)
        let phone = try phones[client] ?? PhoneNumber(parsing: String(format: "03-%04d-%04d", 1_000 + client / 10_000, client % 10_000))
        phones[client] = phone
        let message = NewMessage(
            forHandle: salespeople[matter.salesperson].handle, callerName: "顧客\(client + 1)", phone: phone,
            company: "取引先\(client + 1)株式会社",
            body: matter.urgent ? "至急、折り返しお願いします" : "見積の件で折り返しください",
            urgent: matter.urgent, wants: .callback,
            notAfter: window ? now.addingTimeInterval(configuration.windowMinutes * 60) : nil,
            newContact: false, triedMobile: true)
        let taken = try store.takeMessage(message, actor: Self.actor, at: now)
        let callbackID = taken.callback.id
        noteOwed(taken.callback)
        if taken.joined {
            days[dayIndex(time)].callbacksJoined += 1
        } else {
            days[dayIndex(time)].callbacksOpened += 1
            callbackOpened[callbackID] = time
            liveCallbacks += 1
            hours[hourIndex(time)].callbacksWaiting = max(hours[hourIndex(time)].callbacksWaiting, liveCallbacks)
        }
        matter.callbackID = callbackID
        matters[id] = matter
        callbackMatters[callbackID, default: []].append(id)
        try work(matter.salesperson, at: time)
    }

    // MARK: Salespeople

    /// A free salesperson returns the highest-priority callback that can be tried now, else a missed call.
    func work(_ index: Int, at time: Double) throws {
        let dayEnd = (Double(dayIndex(time)) + 1) * dayLength
        guard salespeople[index].isFree(at: time), time < dayEnd else { return }
        let now = date(time)
        let tryable = owed[index].filter { id in
            !inProgress.contains(id) && (retryAfter[id] ?? 0) <= time && (owedCallbacks[id]?.notBefore.map { $0 <= now } ?? true)
        }
        // The library ranks the list by priority; with a single callback to try there is nothing to rank.
        var next = tryable.count == 1 ? tryable.first : nil
        if tryable.count > 1 {
            let ranked = try store.callbacks(CallbackFilter(owner: salespeople[index].handle), at: now)
            next = ranked.first { tryable.contains($0.callback.id) }?.callback.id
        }
        if let next {
            if owedCallbacks[next]?.acknowledged == false {
                noteOwed(try store.acknowledge(next, actor: salespeople[index].handle, at: now))
            }
            let talk = work.exponential(mean: configuration.talkMinutes * 60)
            let reached = work.chance(configuration.reachProbability)
            inProgress.insert(next)
            salespeople[index].busyUntil = time + talk
            schedule(time + talk, .callbackCallEnds(salesperson: index, callback: next, reached: reached))
            return
        }
        while let id = salespeople[index].missedCalls.first {
            salespeople[index].missedCalls.removeFirst()
            guard matters[id] != nil else { continue }
            let talk = work.exponential(mean: configuration.talkMinutes * 60)
            salespeople[index].busyUntil = time + talk
            schedule(time + talk, .missedCallReturned(salesperson: index, matter: id))
            return
        }
    }

    /// Keeps `owed` in step with what the library says of a callback: its owner (routing may have sent it to a
    /// substitute), its window and whether it is acknowledged. Only the library's answers change it — taking a
    /// message, acknowledging, completing — and the sweep never changes an owner or a state, so a free
    /// salesperson can tell from it alone whether there is anything to try, without reading the database.
    func noteOwed(_ callback: CallbackRequest) {
        let owner = callback.state.isLive ? salespersonIndex[callback.owner] : nil
        if let previous = owedCallbacks[callback.id], previous.owner != owner {
            owed[previous.owner].removeAll { $0 == callback.id }
            owedCallbacks[callback.id] = nil
        }
        guard let owner else { return }
        if owedCallbacks[callback.id] == nil { owed[owner].append(callback.id) }
        owedCallbacks[callback.id] = OwedCallback(owner: owner, notBefore: callback.notBefore,
                                                  acknowledged: callback.state == .acknowledged)
    }

    /// Where the copy of what is owed differs from the store's live callbacks, one line each; empty while in step.
    func staleOwedCallbacks() throws -> [String] {
        var problems: [String] = []
        var expected: Set<Int> = []
        for callback in try store.callbacks(CallbackFilter(), at: openings.first ?? Date(timeIntervalSince1970: 0)).map(\.callback) {
            guard let owner = salespersonIndex[callback.owner] else { continue }
            expected.insert(callback.id)
            let stored = "owner \(callback.owner), \(callback.state.rawValue), not before \(callback.notBefore.map(Timestamp.format) ?? "-")"
            guard let copy = owedCallbacks[callback.id] else { problems.append("#\(callback.id) (\(stored)) is missing"); continue }
            let copied = "owner \(salespeople[copy.owner].handle), \(copy.acknowledged ? "acknowledged" : "open"), "
                + "not before \(copy.notBefore.map(Timestamp.format) ?? "-")"
            if copied != stored { problems.append("#\(callback.id): the copy says \(copied), the store \(stored)") }
            if !owed[owner].contains(callback.id) { problems.append("#\(callback.id) is not in \(callback.owner)'s list") }
        }
        for id in owedCallbacks.keys.sorted() where !expected.contains(id) {
            problems.append("#\(id) is in the copy but no longer owed by a salesperson")
        }
        for (index, ids) in owed.enumerated() {
            for id in ids where owedCallbacks[id]?.owner != index {
                problems.append("#\(id) is in \(salespeople[index].handle)'s list but not owed by them")
            }
            if Set(ids).count != ids.count { problems.append("\(salespeople[index].handle)'s list repeats a callback") }
        }
        return problems
    }

    func callbackCallEnds(_ index: Int, _ callbackID: Int, reached: Bool, at time: Double) throws {
        let now = date(time)
        let day = dayIndex(time)
        let handle = salespeople[index].handle
        inProgress.remove(callbackID)
        if reached {
            let done = try store.complete(callbackID, note: "折り返し済み", actor: handle, at: now)
            noteOwed(done)
            days[day].callbacksDone += 1
            if now <= done.dueAt { days[day].callbacksDoneOnTime += 1 }
            if let opened = callbackOpened.removeValue(forKey: callbackID) {
                days[day].callbackDelays.append(time - opened)
                liveCallbacks -= 1
            }
            for id in callbackMatters.removeValue(forKey: callbackID) ?? [] { matters[id] = nil }
            retryAfter[callbackID] = nil
        } else {
            _ = try store.recordAttempt(callbackID, note: "不在", actor: handle, at: now)
            days[day].failedAttempts += 1
            let retry = time + configuration.retryAttemptMinutes * 60
            retryAfter[callbackID] = retry
            schedule(retry, .salespersonFree(index))
        }
        try work(index, at: time)
    }
}
