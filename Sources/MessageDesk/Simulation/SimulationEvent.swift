/// One scheduled happening of the day simulation, ordered by time and then by when it was scheduled.
///
/// The sequence number makes the order of simultaneous events the order they were scheduled in, so that a
/// run never depends on how the heap breaks ties: that is part of what makes a seed reproduce a run exactly.
struct SimulationEvent: Comparable, Sendable {
    enum Kind: Sendable {
        case dayStarts(Int)
        case dayEnds(Int)
        case mobileCall(matter: Int)
        case officeCall(matter: Int)
        case officeAnswered(matter: Int)
        case officeHungUp(matter: Int)
        case patienceEnds(matter: Int)
        case salespersonFree(Int)
        case salespersonAway(Int, until: Double, visiting: Bool)
        case callbackCallEnds(salesperson: Int, callback: Int, reached: Bool)
        case missedCallReturned(salesperson: Int, matter: Int)
        case sweep
    }

    /// Business seconds since the first opening.
    let time: Double
    let sequence: Int
    let kind: Kind

    static func < (lhs: SimulationEvent, rhs: SimulationEvent) -> Bool {
        lhs.time < rhs.time || (lhs.time == rhs.time && lhs.sequence < rhs.sequence)
    }

    static func == (lhs: SimulationEvent, rhs: SimulationEvent) -> Bool {
        lhs.time == rhs.time && lhs.sequence == rhs.sequence
    }
}
