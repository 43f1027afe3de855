import Foundation

/// A change stamped later than the clock said, because the clock was behind the latest change of what it
/// changes: a change is never stamped before the state it changes (a `done` an hour before its callback
/// opened would report a callback delay of −60 minutes).
public struct ClockClamp: Sendable, Equatable {
    /// What the clock said.
    public let clock: Date
    /// The time the change was stamped with instead: the latest change of what it changes.
    public let stampedAt: Date
    /// That latest change, for messages: "the latest change of callback #3", "tanaka's latest presence change".
    public let latest: String

    /// How far behind the clock was.
    public var behind: TimeInterval { stampedAt.timeIntervalSince(clock) }
}
