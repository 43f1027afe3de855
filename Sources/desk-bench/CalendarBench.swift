// desk-bench calendar: a micro check of the business calendar's hot paths (issue 14). Not a test, and it asserts no times.

import Foundation
import MessageDesk

/// Times ROUNDS calls of each walk the due times, the priority and the sweep make, from instants spread over
/// 2026–2027, on the standard calendar (年末年始 and the national holidays) and on the same calendar with the
/// holidays switched off, side by side in one run, so that the machine's load falls on both alike. First, the
/// one-time cost of working out every holiday of 1973–2099. Prints one `name … ns_per_call` line each.
func runCalendar(rounds: Int) {
    let observing = BusinessCalendar.standard
    var policy = DeskPolicy.standard
    do {
        try Setting.nationalHolidays.apply("off", to: &policy)
    } catch {
        fail(error.message)
    }
    let ignoring = policy.calendar
    let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    let began = ContinuousClock.now
    let first = JapaneseHolidays.holiday(on: LocalDay(containing: start, calendar: observing))
    print("first_holiday_lookup \(first?.name ?? "none") microseconds=\(formatted(seconds(ContinuousClock.now - began) * 1e6, 0))")

    // Instants 7 h 13 min apart cover every hour of the day and every day of the week within a few rounds.
    let instants = (0..<rounds).map { start.addingTimeInterval(TimeInterval($0 % 2_400) * 25_980) }
    var sink = 0
    func time(_ name: String, _ body: (BusinessCalendar, Date) -> Int) {
        var figures: [String] = []
        for calendar in [observing, ignoring] {
            let began = ContinuousClock.now
            for instant in instants { sink &+= body(calendar, instant) }
            figures.append(formatted(seconds(ContinuousClock.now - began) * 1e9 / Double(rounds), 0))
        }
        print("\(name) rounds=\(rounds) ns_per_call holidays_on=\(figures[0]) holidays_off=\(figures[1])")
    }
    time("next_opening") { Int($0.nextOpening(atOrAfter: $1).timeIntervalSince1970) }
    time("end_of_business_day") { Int($0.endOfBusinessDay(for: $1).timeIntervalSince1970) }
    time("adding_600_business_minutes") { Int($0.adding(businessMinutes: 600, to: $1).timeIntervalSince1970) }
    time("business_minutes_over_30_days") { $0.businessMinutes(from: $1, to: $1.addingTimeInterval(30 * 86_400)) }
    time("is_business_time") { $0.isBusinessTime($1) ? 1 : 0 }
    print("checksum=\(sink)")
}
