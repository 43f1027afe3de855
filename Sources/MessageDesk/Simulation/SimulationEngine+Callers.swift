extension SimulationEngine {
    /// A client calls the salesperson's mobile; unanswered, they call the office, try again later, or wait.
    func mobileCall(_ id: Int, at time: Double) {
        guard var matter = matters[id] else { return }
        let day = dayIndex(time)
        figures.days[day].mobileCalls += 1
        let index = matter.salesperson
        if salespeople[index].isFree(at: time) && !matter.random.chance(configuration.missWhileFreeProbability) {
            let talk = matter.random.exponential(mean: configuration.talkMinutes * 60)
            salespeople[index].busyUntil = time + talk
            agenda.schedule(time + talk, .salespersonFree(index))
            matters[id] = nil
            return
        }
        figures.days[day].unansweredMobile += 1
        if matter.mobileRetries >= configuration.maxMobileRetries {
            matters[id] = matter
            agenda.schedule(time, .officeCall(matter: id))
            return
        }
        let fallback = matter.urgent ? configuration.urgentOfficeFallback : configuration.nonUrgentOfficeFallback
        let first = matter.mobileRetries == 0
        if first { figures.days[day].fallbackDecisions += 1 }
        if matter.random.chance(fallback) {
            if first { figures.days[day].fellBackToOffice += 1 }
            matters[id] = matter
            agenda.schedule(time, .officeCall(matter: id))
        } else if matter.random.chance(configuration.retryMobileShare) {
            matter.mobileRetries += 1
            let delay = matter.random.exponential(mean: configuration.retryMobileMinutes * 60)
            matters[id] = matter
            agenda.schedule(time + delay, .mobileCall(matter: id))
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
        agenda.schedule(time, .salespersonFree(matter.salesperson))
    }

    /// The caller rings the office line: answered, abandoned on hold, or nobody there.
    func officeCall(_ id: Int, at time: Double) {
        guard var matter = matters[id] else { return }
        let handling = matter.random.exponential(mean: configuration.handlingSeconds)
        let patience = matter.random.exponential(mean: configuration.officePatienceSeconds)
        matters[id] = matter
        let outcome = line.offer(arrival: time, handling: handling, patience: patience)
        figures.days[dayIndex(time)].office.record(arrival: time, outcome: outcome)
        figures.hours[clock.hourIndex(time)].officeCalls += 1
        switch outcome {
        case .answered(let at, let until):
            figures.recordBusy(from: at, to: until)
            agenda.schedule(at, .officeAnswered(matter: id))
        case .abandoned(let at): agenda.schedule(at, .officeHungUp(matter: id))
        case .noDesk: waitForReturn(id, at: time)   // nobody picks up: the missed call on the mobile is all that is left
        }
    }

    /// The caller gave up on hold: they call the office again later, or wait for the missed call to be returned.
    func officeHungUp(_ id: Int, at time: Double) {
        guard var matter = matters[id] else { return }
        if matter.random.chance(configuration.redialShare) {
            let delay = matter.random.exponential(mean: configuration.redialMinutes * 60)
            matters[id] = matter
            agenda.schedule(time + delay, .officeCall(matter: id))
        } else {
            matters[id] = matter
            waitForReturn(id, at: time)
        }
    }

    /// An operator answers: the message goes to the desk, opening a callback or joining the one still open.
    func officeAnswered(_ id: Int, at time: Double) throws {
        guard var matter = matters[id] else { return }
        let now = clock.date(time)
        let client = matter.salesperson * configuration.clientsPerSalesperson + matter.client
        let window = matter.random.chance(configuration.windowShare)
        let phone = try phones.number(ofClient: client)
        let message = NewMessage(
            forHandle: salespeople[matter.salesperson].handle, callerName: "顧客\(client + 1)", phone: phone,
            company: "取引先\(client + 1)株式会社",
            body: matter.urgent ? "至急、折り返しお願いします" : "見積の件で折り返しください",
            urgent: matter.urgent, wants: .callback,
            notAfter: window ? now.addingTimeInterval(configuration.windowMinutes * 60) : nil,
            newContact: false, triedMobile: true)
        let taken = try store.takeMessage(message, actor: Self.actor, at: now)
        // The urgent ladder's first step is the message's notification now (issue 16): counted as the sweep's were.
        if let step = taken.ladderStep { countEscalation(step, at: time) }
        let callbackID = taken.callback.id
        owed.note(taken.callback)
        if taken.joined {
            figures.days[dayIndex(time)].callbacksJoined += 1
        } else {
            figures.days[dayIndex(time)].callbacksOpened += 1
            callbacks.opened(callbackID, at: time)
            figures.noteCallbacksWaiting(callbacks.live, at: time)
        }
        matter.callbackID = callbackID
        matters[id] = matter
        callbacks.note(matter: id, answeredBy: callbackID)
        try work(matter.salesperson, at: time)
    }
}
