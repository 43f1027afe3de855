// desk-bench calendar: a micro check of the business calendar's hot paths (issue 14). Not a test, and it asserts no times.

import Foundation
import MessageDesk

/// Times ROUNDS calls of each walk the due times, the priority and the sweep make, on the standard calendar
/// (年末年始 and the national holidays), from instants spread over 2026–2027. Prints one `name=… ns_per_call=…` line each.
func runCalendar(rounds: Int) {
    let calendar = BusinessCalendar.standard
    let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    // Instants 7 h 13 min apart cover every hour of the day and every day of the week within a few rounds.
    let instants = (0..<rounds).map { start.addingTimeInterval(TimeInterval($0 % 2_400) * 25_980) }
    var sink = 0
    func time(_ name: String, _ body: (Date) -> Int) {
        let began = ContinuousClock.now
        for instant in instants { sink &+= body(instant) }
        let perCall = seconds(ContinuousClock.now - began) * 1e9 / Double(rounds)
        print("\(name)=\(rounds) ns_per_call=\(formatted(perCall, 0))")
    }
    time("next_opening") { Int(calendar.nextOpening(atOrAfter: $0).timeIntervalSince1970) }
    time("end_of_business_day") { Int(calendar.endOfBusinessDay(for: $0).timeIntervalSince1970) }
    time("adding_600_business_minutes") { Int(calendar.adding(businessMinutes: 600, to: $0).timeIntervalSince1970) }
    time("business_minutes_over_30_days") { calendar.businessMinutes(from: $0, to: $0.addingTimeInterval(30 * 86_400)) }
    time("is_business_time") { calendar.isBusinessTime($0) ? 1 : 0 }
    print("checksum=\(sink)")
}
