import Foundation

/// The simulation's clock: business seconds since the first opening, the nights skipped.
///
/// Day d runs from d·L to (d+1)·L where L is the length of the business day (nothing in the model happens at
/// night). Library calls receive the real instant of each business second.
struct SimulationClock {
    /// The opening of each simulated business day, in order.
    let openings: [Date]
    /// The length of a business day in seconds: the calendar's hours are the same each business day.
    let dayLength: Double
    /// Business hours per day (the last one may be shorter).
    let hoursPerDay: Int

    /// Whole business days: the first one is the day of `start` (from its opening) or the next business day.
    init(calendar: BusinessCalendar, start: Date, days: Int) {
        var openings: [Date] = []
        var cursor = calendar.startOfDay(start)
        for _ in 0..<days {
            let opening = calendar.nextOpening(atOrAfter: cursor)
            openings.append(opening)
            cursor = calendar.endOfBusinessDay(for: opening).addingTimeInterval(1)
        }
        self.openings = openings
        dayLength = openings.first.map { calendar.endOfBusinessDay(for: $0).timeIntervalSince($0) } ?? 32_400
        hoursPerDay = max(1, Int((dayLength / 3_600).rounded(.up)))
    }

    /// The end of the last simulated day.
    var horizon: Double { Double(openings.count) * dayLength }

    /// The real instant of a business second.
    func date(_ time: Double) -> Date {
        let day = dayIndex(time)
        return openings[day].addingTimeInterval(time - Double(day) * dayLength)
    }

    /// The day a business second falls in.
    func dayIndex(_ time: Double) -> Int { min(max(0, Int(time / dayLength)), openings.count - 1) }

    /// The closing of the day a business second falls in.
    func dayEnd(_ time: Double) -> Double { (Double(dayIndex(time)) + 1) * dayLength }

    /// The hour a business second falls in, counted over the whole run (`hoursPerDay` per day).
    func hourIndex(_ time: Double) -> Int {
        let day = dayIndex(time)
        let hour = min(max(0, Int((time - Double(day) * dayLength) / 3_600)), hoursPerDay - 1)
        return day * hoursPerDay + hour
    }
}
