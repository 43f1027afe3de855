/// A failure the desk reports to a person: one line saying what was wrong and how to fix it,
/// and a kind that the command line maps to a `sysexits` exit code.
public struct DeskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure, in the `sysexits` sense.
    public enum Kind: Sendable, Equatable {
        /// Bad input: an unknown handle or id, an impossible time, a phone that is not a number (65).
        case badInput
        /// The database does not exist (66).
        case noDatabase
        /// A service the desk hands work to refused it for good: every gateway run failed permanently (69).
        case unavailable
        /// A file or directory cannot be created (73).
        case cannotCreate
        /// Reading or writing failed: disk full, I/O error (74).
        case io
        /// Another writer held the database past the busy timeout (75, try again).
        case busy
        /// The operating system refused access (77).
        case permission
        /// The schema or configuration is wrong: a newer database, a bad setting (78).
        case configuration
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The conventional exit code of this kind (`sysexits.h`).
    public var exitCode: Int32 {
        switch kind {
        case .badInput: 65
        case .noDatabase: 66
        case .unavailable: 69
        case .cannotCreate: 73
        case .io: 74
        case .busy: 75
        case .permission: 77
        case .configuration: 78
        }
    }
}
