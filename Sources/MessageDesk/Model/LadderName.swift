/// The ladder an escalation step belongs to, as `escalations.ladder` stores it. The raw values are stored (and a
/// CHECK constraint names them): never rename one.
public enum LadderName: String, Sendable, CaseIterable, CustomStringConvertible {
    /// From when an urgent callback is taken until it is acknowledged (wall-clock time).
    case urgent
    /// From a callback's due time until it is done (business time).
    case overdue
    /// An escalation by hand (`desk escalate`), outside both ladders.
    case manual

    /// The stored name, as people read it.
    public var description: String { rawValue }
}
