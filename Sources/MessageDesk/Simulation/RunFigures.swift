/// A run's figures as it goes: per business day, and per business hour of each day.
struct RunFigures {
    /// Figures per day, in order.
    var days: [SimulationFigures]
    /// Each business hour of each day, in order (`clock.hoursPerDay` per day).
    var hours: [SimulationHour]
    let clock: SimulationClock

    /// Empty figures for every day and hour of `clock`.
    init(clock: SimulationClock, serviceLevelSeconds: Double) {
        self.clock = clock
        days = Array(repeating: SimulationFigures(target: serviceLevelSeconds), count: clock.openings.count)
        hours = Array(repeating: SimulationHour(), count: clock.openings.count * clock.hoursPerDay)
    }

    /// Spreads an operator's busy interval over the hours it covers.
    mutating func recordBusy(from begin: Double, to end: Double) {
        var cursor = begin
        let dayLength = clock.dayLength
        while cursor < min(end, clock.horizon) {
            let index = clock.hourIndex(cursor)
            let day = index / clock.hoursPerDay, hour = index % clock.hoursPerDay
            let hourEnd = min(Double(day) * dayLength + Double(hour + 1) * 3_600, Double(day + 1) * dayLength)
            let stop = min(end, hourEnd)
            hours[index].operatorBusySeconds += stop - cursor
            if stop <= cursor { break }
            cursor = stop
        }
    }

    /// Raises the hour's peak of callbacks owed to `count` if it is higher.
    mutating func noteCallbacksWaiting(_ count: Int, at time: Double) {
        let index = clock.hourIndex(time)
        hours[index].callbacksWaiting = max(hours[index].callbacksWaiting, count)
    }

    /// The days added up.
    func total(serviceLevelSeconds: Double) -> SimulationFigures {
        var total = SimulationFigures(target: serviceLevelSeconds)
        for day in days { total.add(day) }
        return total
    }
}
