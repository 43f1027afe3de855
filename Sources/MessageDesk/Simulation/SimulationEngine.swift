import Foundation

/// One run of `DaySimulation`: its state, each part a type of its own, and the handler of each event.
/// A class because every handler changes the state; never shared across threads.
final class SimulationEngine {
    let configuration: SimulationConfiguration
    let store: DeskStore
    let clock: SimulationClock
    /// The usual business day's length in seconds (the setting `business_hours`): the day the hourly profile and
    /// the per-day parameters describe.
    let usualDayLength: Double
    /// The closed days the run passes over, from the day of its start to its last day (`SimulationReport.closedDays`).
    let closedDays: [CalendarDay]
    var agenda = SimulationAgenda()
    var streams: SimulationStreams
    var line: OfficeQueue
    var salespeople: [SimulatedSalesperson]
    var matters = OpenMatters()
    var callbacks = WorkedCallbacks()
    /// The copy of what each salesperson owes; see `OwedCallbacks` for the rule that keeps it right.
    var owed: OwedCallbacks
    var figures: RunFigures
    var phones = ClientPhones()
    static let actor = "simulator"

    init(configuration: SimulationConfiguration, start: Date, store: DeskStore) throws {
        self.configuration = configuration
        self.store = store
        let calendar = store.policy.calendar
        clock = SimulationClock(calendar: calendar, start: start, days: configuration.days)
        usualDayLength = Double(calendar.closes.minutesSinceMidnight - calendar.opens.minutesSinceMidnight) * 60
        closedDays = calendar.closedDays(from: start, through: clock.openings.last ?? start)
        streams = SimulationStreams(seed: configuration.seed)
        // The same seed gives the same database, reply codes included.
        store.replyCodeRandomness = streams.replyCodes
        line = OfficeQueue(operators: configuration.operators)
        let handles = (0..<configuration.salespeople).map(SimulationEngine.handle(salesperson:))
        salespeople = handles.map { SimulatedSalesperson(handle: $0) }
        owed = OwedCallbacks(handles: handles)
        figures = RunFigures(clock: clock, serviceLevelSeconds: configuration.serviceLevelSeconds)
        try setUpStaff()
        // A reused database may hold callbacks still owed from an earlier run: they are worked too.
        for ranked in try store.callbacks(CallbackFilter(), at: clock.openings.first ?? start) {
            owed.note(ranked.callback)
        }
    }

    static func handle(salesperson index: Int) -> String { "sp\(String(format: "%04d", index + 1))" }

    /// Adds the manager, the operators and the salespeople the database lacks (a reused database keeps its own).
    func setUpStaff() throws {
        let now = clock.openings.first ?? Date(timeIntervalSince1970: 0)
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

    /// The figures of the day a business second falls in.
    func dayIndex(_ time: Double) -> Int { clock.dayIndex(time) }

    // MARK: - Run

    func run(progress: (Int, Int) -> Void) throws -> SimulationReport {
        let horizon = clock.horizon
        if configuration.days > 0 { agenda.schedule(0, .dayStarts(0)) }
        // One transaction per simulated day. Commits are what costs: on a database of a year, the index
        // entries a day adds (a caller's calls, a person's presence, the events of each) land on pages all
        // over the file, and each commit writes every page it dirtied; a page touched in several hours of
        // a day is written once instead of once an hour.
        var boundary = clock.hourBoundary(after: 0)
        while let first = agenda.next, first.time <= horizon {
            let dayEnd = clock.dayEnd(first.time)
            try store.inOneTransaction {
                // Hour by hour of each day's own hours, at least one (so events left at the horizon are still handled).
                var reached: Double
                repeat {
                    while let event = agenda.next, event.time < boundary, event.time <= horizon {
                        _ = agenda.popNext()
                        try handle(event, progress: progress)
                    }
                    // What is owed as the next hour begins; openings during the hour can only raise it.
                    if boundary < horizon { figures.noteCallbacksWaiting(callbacks.live, at: boundary) }
                    reached = boundary
                    boundary = clock.hourBoundary(after: boundary)
                } while reached < dayEnd && (agenda.next.map { $0.time <= horizon } ?? false)
            }
        }
        let total = figures.total(serviceLevelSeconds: configuration.serviceLevelSeconds)
        let rate = horizon > 0 ? Double(total.office.offered) / horizon : 0
        return SimulationReport(
            configuration: configuration, dayOpenings: clock.openings, dayClosings: clock.closings, closedDays: closedDays,
            days: figures.days, total: total,
            erlangC: ErlangC(arrivalRate: rate, meanHandlingTime: configuration.handlingSeconds, agents: configuration.operators),
            erlangA: ErlangA(arrivalRate: rate, meanHandlingTime: configuration.handlingSeconds,
                             meanPatience: configuration.officePatienceSeconds, agents: configuration.operators),
            hours: (0..<clock.dayCount).map { Array(figures.hours[clock.hours(ofDay: $0)]) })
    }

    func handle(_ event: SimulationEvent, progress: (Int, Int) -> Void) throws {
        let time = event.time
        switch event.kind {
        case .dayStarts(let day): startDay(day)
        case .dayEnds(let day):
            figures.days[day].staffedSeconds += Double(configuration.operators) * clock.length(ofDay: day)
            progress(day + 1, configuration.days)
            if day + 1 < configuration.days { agenda.schedule(time, .dayStarts(day + 1)) }
        case .mobileCall(let id): mobileCall(id, at: time)
        case .officeCall(let id): officeCall(id, at: time)
        case .officeAnswered(let id): try officeAnswered(id, at: time)
        case .officeHungUp(let id): officeHungUp(id, at: time)
        case .patienceEnds(let id):
            guard let matter = matters.remove(id) else { return }
            if matter.typeOne { figures.days[dayIndex(time)].dealsLostTypeOne += 1 } else { figures.days[dayIndex(time)].dealsLostTypeTwo += 1 }
        case .salespersonFree(let index): try work(index, at: time)
        case .salespersonAway(let index, let until, let visiting):
            // The presence board shows it, and each message taken meanwhile tells the caller when they are back.
            guard until > time else { return }
            let status: Presence.Status = salespeople[index].off ? .dayOff : visiting ? .out : .meeting
            _ = try store.setPresence(salespeople[index].handle, status: status, until: clock.date(until),
                                      note: status == .out ? "客先訪問" : nil, actor: Self.actor, at: clock.date(time))
        case .callbackCallEnds(let index, let callbackID, let reached):
            try callbackCallEnds(index, callbackID, reached: reached, at: time)
        case .missedCallReturned(let index, let id):
            if matters.remove(id) != nil { figures.days[dayIndex(time)].missedCallsReturned += 1 }
            try work(index, at: time)
        case .sweep:
            for fired in try store.sweep(actor: "sweep", at: clock.date(time)) { countEscalation(fired, at: time) }
        }
    }

    /// One ladder step in the day's figures, by ladder, step and kind.
    func countEscalation(_ fired: FiredEscalation, at time: Double) {
        figures.days[dayIndex(time)].escalations["\(fired.ladder) step \(fired.step + 1) (\(fired.kind.rawValue))", default: 0] += 1
    }

    /// Where the copy of what is owed differs from the store's live callbacks, one line each; empty while in step.
    func staleOwedCallbacks() throws -> [String] {
        owed.staleEntries(comparedWith: try store.callbacks(CallbackFilter(), at: clock.openings.first ?? Date(timeIntervalSince1970: 0))
            .map(\.callback))
    }
}
