import MessageDesk

/// A terminal chart of the simulated day: per business hour, the callbacks owed and the operators busy,
/// averaged over the days, drawn with Unicode eighth blocks so that a glance shows the peaks.
enum DayChart {
    /// Bar cells from an eighth to a whole block.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `value` out of `maximum` as a bar `width` cells wide at most.
    static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let units = Int((value / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// The chart, one line per business hour from opening, or "" when nothing was simulated. Each hour is averaged
    /// over the days open in it, and labelled by the clock of the longest day (the first of them).
    static func text(_ report: SimulationReport, calendar: BusinessCalendar) -> String {
        let dayCount = report.days.count
        guard dayCount > 0, let longest = report.hours.indices.max(by: { report.hours[$0].count < report.hours[$1].count }),
              longest < report.dayOpenings.count else { return "" }
        let slots = report.hours[longest].count
        // How many days have each hour: all of them, unless the days have hours of their own.
        var open = Array(repeating: 0, count: slots)
        for day in report.hours { for hour in day.indices { open[hour] += 1 } }
        var waiting = Array(repeating: 0.0, count: slots)
        var busy = Array(repeating: 0.0, count: slots)
        for day in report.hours {
            for (index, hour) in day.enumerated() {
                waiting[index] += Double(hour.callbacksWaiting) / Double(open[index])
                busy[index] += hour.operatorBusySeconds / 3_600 / Double(open[index])
            }
        }
        let operators = Double(report.configuration.operators)
        let mostWaiting = waiting.max() ?? 0
        let sameHours = Set(report.hours.map(\.count)).count == 1
        var text = "the day, averaged over \(dayCount) day\(dayCount == 1 ? "" : "s")"
            + (sameHours ? "" : " (each hour over the days open then)")
            + ": callbacks owed (peak in the hour) │ operators busy (of \(report.configuration.operators))\n"
        for hour in 0..<slots {
            let start = calendar.timeString(report.dayOpenings[longest].addingTimeInterval(Double(hour) * 3_600))
            let left = bar(waiting[hour], of: mostWaiting, width: 24)
            let right = bar(busy[hour], of: max(operators, 1), width: 16)
            let owed = String(format: "%5.1f", waiting[hour])
            var line = "\(start) \(owed) \(left.padding(toLength: 25, withPad: " ", startingAt: 0))│ "
                + "\(String(format: "%4.1f", busy[hour])) \(right)"
            // An empty bar would leave a trailing blank: diff noise, as in tables.
            while line.last == " " { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
