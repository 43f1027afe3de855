/// A run's independent random streams, split from its seed in a fixed order.
///
/// Traffic (who calls whom, when, how urgent, how patient) has a stream of its own, drawn at the start of each
/// day, so that scenarios compared with the same seed see the same callers whatever the staffing.
struct SimulationStreams {
    /// The day's calls and each caller's own stream.
    var traffic: SeededGenerator
    /// Days off, meetings and visits.
    var schedules: SeededGenerator
    /// How long callbacks take and whether they reach the caller.
    var work: SeededGenerator
    /// The notifications' reply codes (split last, so the streams before it draw as they did before codes).
    var replyCodes: SeededGenerator

    init(seed: UInt64) {
        var root = SeededGenerator(seed: seed)
        traffic = root.split()
        schedules = root.split()
        work = root.split()
        replyCodes = root.split()
    }
}
