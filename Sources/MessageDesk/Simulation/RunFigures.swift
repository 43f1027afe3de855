/// A run's figures as it goes: per business day, and per business hour of each day.
struct RunFigures {
    /// Figures per day, in order.
    var days: [SimulationFigures]
    /// Each business hour of each day, in order (`clock.hours(ofDay:)` numbers a day's).
    var hours: [SimulationHour]
    let clock: SimulationClock

    /// Empty figures for every day and hour of `clock`.
    init(clock: SimulationClock, serviceLevelSeconds: Double) {
        self.clock = clock
        days = Array(repeating: SimulationFigures(target: serviceLevelSeconds), count: clock.openings.count)
        hours = Array(repeating: SimulationHour(), count: clock.hourCount)
    }

    /// Spreads an operator's busy interval over the hours it covers.
    mutating func recordBusy(from begin: Double, to end: Double) {
        var cursor = begin
        while cursor < min(end, clock.horizon) {
            let index = clock.hourIndex(cursor)
            let day = clock.dayIndex(cursor), hour = index - clock.hours(ofDay: day).lowerBound
            let hourEnd = min(clock.start(ofDay: day) + Double(hour + 1) * 3_600, clock.end(ofDay: day))
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
