import Foundation

/// The simulation's clock: business seconds since the first opening, counting only the hours each day is open.
///
/// Day d runs from `start(ofDay: d)` to `end(ofDay: d)`, as long as that day is open: the calendar's hours for
/// its weekday or its date (a 3-hour Saturday, a half day). Nights and closed days are skipped, so a day's
/// closing second is the next day's opening. Library calls receive the real instant of each business second.
/// The days' starts are a prefix sum searched by bisection: events are mapped millions of times in a long run.
struct SimulationClock {
    /// The opening of each simulated business day, in order.
    let openings: [Date]
    /// The closing of each simulated business day, in order.
    let closings: [Date]
    /// The business second each day opens at, and one more: the horizon.
    private let starts: [Double]
    /// The first of each day's hours in the run's numbering, and one more: the number of hours.
    private let firstHours: [Int]

    /// Whole business days: the first one is the day of `start` (from its opening) or the next business day.
    init(calendar: BusinessCalendar, start: Date, days: Int) {
        var openings: [Date] = [], closings: [Date] = []
        var cursor = calendar.startOfDay(start)
        for _ in 0..<days {
            let opening = calendar.nextOpening(atOrAfter: cursor)
            let closing = calendar.endOfBusinessDay(for: opening)
            openings.append(opening)
            closings.append(closing)
            cursor = closing.addingTimeInterval(1)
        }
        self.openings = openings
        self.closings = closings
        var starts: [Double] = [0], firstHours: [Int] = [0]
        for (opening, closing) in zip(openings, closings) {
            let length = closing.timeIntervalSince(opening)
            starts.append(starts[starts.count - 1] + length)
            firstHours.append(firstHours[firstHours.count - 1] + max(1, Int((length / 3_600).rounded(.up))))
        }
        self.starts = starts
        self.firstHours = firstHours
    }

    /// The number of simulated days.
    var dayCount: Int { openings.count }

    /// The end of the last simulated day.
    var horizon: Double { starts[starts.count - 1] }

    /// The business second day `day` opens at.
    func start(ofDay day: Int) -> Double { starts[day] }

    /// The business second day `day` closes at (the next day's opening).
    func end(ofDay day: Int) -> Double { starts[day + 1] }

    /// How long day `day` is open, in seconds.
    func length(ofDay day: Int) -> Double { starts[day + 1] - starts[day] }

    /// The real instant of a business second.
    func date(_ time: Double) -> Date {
        let day = dayIndex(time)
        return openings[day].addingTimeInterval(time - starts[day])
    }

    /// The day a business second falls in: the last day opening at or before it (the last day from the horizon on).
    func dayIndex(_ time: Double) -> Int {
        var low = 0, high = openings.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= time { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The closing of the day a business second falls in.
    func dayEnd(_ time: Double) -> Double { starts[dayIndex(time) + 1] }

    // MARK: - Hours

    /// Every day's hours, counted over the whole run: each day has as many as it is open, a part hour counting as one.
    var hourCount: Int { firstHours[firstHours.count - 1] }

    /// The run's numbers of day `day`'s hours.
    func hours(ofDay day: Int) -> Range<Int> { firstHours[day]..<firstHours[day + 1] }

    /// The hour a business second falls in, counted over the whole run.
    func hourIndex(_ time: Double) -> Int {
        let day = dayIndex(time)
        let hour = max(0, Int((time - starts[day]) / 3_600))
        return min(firstHours[day] + hour, firstHours[day + 1] - 1)
    }

    /// The end of the hour that starts at `boundary`: an hour after it, or its day's closing if that comes first.
    /// From the horizon on, hours run on past it, so that the events left at the horizon are still handled.
    func hourBoundary(after boundary: Double) -> Double {
        guard boundary < horizon else { return boundary + 3_600 }
        let day = dayIndex(boundary)
        let hour = (((boundary - starts[day]) / 3_600).rounded(.down) + 1) * 3_600
        return min(starts[day] + hour, starts[day + 1])
    }
}
