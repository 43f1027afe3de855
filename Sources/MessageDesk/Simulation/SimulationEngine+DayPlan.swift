extension SimulationEngine {
    /// The day's plan, drawn at its opening: who is off, meetings and visits, the day's calls, the sweeps.
    /// Each day has its own hours: meetings and visits scale with its length, calls with the profile's hours in it
    /// (`DayTraffic`); a usual day draws exactly what it always did.
    func startDay(_ day: Int) {
        let open = clock.start(ofDay: day)
        let close = clock.end(ofDay: day)
        let dayLength = clock.length(ofDay: day)
        let ofUsualDay = dayLength / usualDayLength
        line.reopen(at: open)
        for index in salespeople.indices {
            var person = salespeople[index]
            person.off = streams.schedules.chance(configuration.dayOffProbability)
            person.blocks = []
            // A call that ran past yesterday's close still occupies its first minutes of today.
            person.busyUntil = max(person.busyUntil, open)
            if !person.off {
                let meetings = streams.schedules.poisson(mean: configuration.meetingsPerDay * ofUsualDay)
                let visits = streams.schedules.poisson(mean: configuration.visitsPerDay * ofUsualDay)
                for kind in 0..<(meetings + visits) {
                    let mean = kind < meetings ? configuration.meetingMinutes : configuration.visitMinutes
                    let length = streams.schedules.lognormal(mean: max(mean, 1) * 60, cv: 0.5)
                    let begin = open + streams.schedules.uniform() * dayLength
                    person.blocks.append((begin, min(close, begin + length)))
                    agenda.schedule(begin, .salespersonAway(index, until: min(close, begin + length), visiting: kind >= meetings))
                    agenda.schedule(min(close, begin + length), .salespersonFree(index))
                }
                agenda.schedule(open, .salespersonFree(index))
            }
            salespeople[index] = person
            if person.off { agenda.schedule(open, .salespersonAway(index, until: close, visiting: false)) }
        }
        // Traffic: a Poisson process per salesperson with the hourly profile as its shape.
        let traffic = DayTraffic(profile: configuration.hourlyProfile, usualLength: usualDayLength, length: dayLength)
        for index in salespeople.indices {
            let calls = streams.traffic.poisson(mean: configuration.callsPerSalespersonPerDay * traffic.share)
            for _ in 0..<calls {
                let pick = streams.traffic.uniform()
                let time = open + traffic.offset(pick: pick, within: streams.traffic.uniform())
                var random = streams.traffic.split()
                let urgent = random.chance(configuration.urgentShare)
                let typeOne = random.chance(configuration.typeOneShare)
                let patience = random.exponential(
                    mean: (typeOne ? configuration.typeOnePatienceMinutes : configuration.typeTwoPatienceMinutes) * 60)
                let id = matters.add(SimulatedMatter(
                    salesperson: index, client: random.index(below: configuration.clientsPerSalesperson),
                    urgent: urgent, typeOne: typeOne, deadline: time + patience, random: random))
                agenda.schedule(time, .mobileCall(matter: id))
                agenda.schedule(time + patience, .patienceEnds(matter: id))
            }
        }
        var sweep = open + configuration.sweepMinutes * 60
        while sweep <= close { agenda.schedule(sweep, .sweep); sweep += configuration.sweepMinutes * 60 }
        agenda.schedule(close, .dayEnds(day))
    }
}
