/// What is still to happen in a run: events in time order, simultaneous ones in the order they were scheduled.
struct SimulationAgenda {
    private var events = MinHeap<SimulationEvent>()
    /// Stamps each event with when it was scheduled (see `SimulationEvent`).
    private var sequence = 0

    /// The next event, left on the agenda.
    var next: SimulationEvent? { events.min }

    /// Takes the next event off the agenda.
    mutating func popNext() -> SimulationEvent? { events.popMin() }

    /// Puts `kind` on the agenda at business second `time`.
    mutating func schedule(_ time: Double, _ kind: SimulationEvent.Kind) {
        sequence += 1
        events.insert(SimulationEvent(time: time, sequence: sequence, kind: kind))
    }
}
