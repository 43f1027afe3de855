import Foundation

/// Simulates business days at a sales office and its message desk, through the real `DeskStore`.
///
/// Clients call salespeople's mobiles; unanswered callers call the office (the survey's 63%, more when
/// urgent), retry the mobile, or wait for the missed call to be returned. The office line is an
/// `OfficeQueue`; every answered call becomes a message through `DeskStore.takeMessage` (repeat callers join
/// their open callback), the escalation sweep runs on the simulated clock, and salespeople, when free, work
/// their callbacks in the library's priority order (`acknowledge`, then `complete` or `recordAttempt`).
/// A caller whose patience runs out before anyone calls back is a lost deal — quickly for type ① buyers.
///
/// The clock counts business seconds only (`SimulationClock`). All randomness comes from the seed
/// (`SimulationStreams`), so that scenarios compared with the same seed see the same callers whatever the staffing.
/// The run itself is a `SimulationEngine`.
public struct DaySimulation {
    /// The parameters.
    public let configuration: SimulationConfiguration
    /// An instant on the first business day, or before it: the run starts at that day's opening.
    public let start: Date

    /// A simulation of `configuration` from the first business day on or after `start`'s date.
    public init(configuration: SimulationConfiguration, start: Date) {
        self.configuration = configuration
        self.start = start
    }

    /// Runs the simulation, writing to `store`, which must be a `SimulationDatabase`; `progress` hears each
    /// finished day (1-based) and the total.
    public func run(into store: DeskStore, progress: (Int, Int) -> Void = { _, _ in }) throws -> SimulationReport {
        do {
            try configuration.validate()
        } catch {
            throw DeskError(.badInput, error.message)
        }
        // Its sweep would escalate real callbacks and queue notifications to real people.
        guard try store.purpose() == .simulation else { throw SimulationDatabase.realDesk(store.path, suggesting: nil) }
        let engine = try SimulationEngine(configuration: configuration, start: start, store: store)
        return try engine.run(progress: progress)
    }
}
