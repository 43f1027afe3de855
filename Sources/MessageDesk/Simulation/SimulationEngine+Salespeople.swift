extension SimulationEngine {
    /// A free salesperson returns the highest-priority callback that can be tried now, else a missed call.
    func work(_ index: Int, at time: Double) throws {
        guard salespeople[index].isFree(at: time), time < clock.dayEnd(time) else { return }
        let now = clock.date(time)
        let tryable = owed.owed(by: index).filter { id in
            callbacks.canTry(id, at: time) && owed.windowHasOpened(id, at: now)
        }
        // The library ranks the list by priority; with a single callback to try there is nothing to rank.
        var next = tryable.count == 1 ? tryable.first : nil
        if tryable.count > 1 {
            let ranked = try store.callbacks(CallbackFilter(owner: salespeople[index].handle), at: now)
            next = ranked.first { tryable.contains($0.callback.id) }?.callback.id
        }
        if let next {
            if owed.isAcknowledged(next) == false {
                owed.note(try store.acknowledge(next, actor: salespeople[index].handle, at: now))
            }
            let talk = streams.work.exponential(mean: configuration.talkMinutes * 60)
            let reached = streams.work.chance(configuration.reachProbability)
            callbacks.started(next)
            salespeople[index].busyUntil = time + talk
            agenda.schedule(time + talk, .callbackCallEnds(salesperson: index, callback: next, reached: reached))
            return
        }
        while let id = salespeople[index].missedCalls.first {
            salespeople[index].missedCalls.removeFirst()
            guard matters[id] != nil else { continue }
            let talk = streams.work.exponential(mean: configuration.talkMinutes * 60)
            salespeople[index].busyUntil = time + talk
            agenda.schedule(time + talk, .missedCallReturned(salesperson: index, matter: id))
            return
        }
    }

    /// A callback call is over: done when the caller was reached (settling their matters), else tried again later.
    func callbackCallEnds(_ index: Int, _ callbackID: Int, reached: Bool, at time: Double) throws {
        let now = clock.date(time)
        let day = dayIndex(time)
        let handle = salespeople[index].handle
        callbacks.ended(callbackID)
        if reached {
            let done = try store.complete(callbackID, note: "折り返し済み", actor: handle, at: now)
            owed.note(done)
            figures.days[day].callbacksDone += 1
            if now <= done.dueAt { figures.days[day].callbacksDoneOnTime += 1 }
            let (delay, settled) = callbacks.reached(callbackID, at: time)
            if let delay { figures.days[day].callbackDelays.append(delay) }
            for id in settled { matters[id] = nil }
        } else {
            _ = try store.recordAttempt(callbackID, note: "不在", actor: handle, at: now)
            figures.days[day].failedAttempts += 1
            let retry = time + configuration.retryAttemptMinutes * 60
            callbacks.notReached(callbackID, retryAt: retry)
            agenda.schedule(retry, .salespersonFree(index))
        }
        try work(index, at: time)
    }
}
