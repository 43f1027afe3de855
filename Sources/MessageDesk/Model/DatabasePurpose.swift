/// What a database is for, recorded in it when it is created (migration 0007): the office's real desk,
/// or a simulation that `desk simulate` made and may replace.
public enum DatabasePurpose: String, Sendable, Equatable {
    /// The office's desk: real callers, real staff, real notifications. Every database migrates as one.
    case desk
    /// Traffic played by the simulator into a database of its own.
    case simulation
}
