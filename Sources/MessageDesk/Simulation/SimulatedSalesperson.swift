/// A salesperson's day: off or not, meetings and visits, busy until when, missed calls to return.
struct SimulatedSalesperson {
    let handle: String
    var off = false
    var blocks: [(start: Double, end: Double)] = []
    var busyUntil = 0.0
    /// Matters whose missed call the salesperson noticed and will return when nothing is owed.
    var missedCalls: [Int] = []

    /// Neither off, nor on a call, nor in a meeting or visit.
    func isFree(at time: Double) -> Bool {
        !off && busyUntil <= time && !blocks.contains { $0.start <= time && time < $0.end }
    }
}
