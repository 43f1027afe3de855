import DeskStorage

/// How the migrations a database records compare with the ones this binary knows.
public enum SchemaStatus: Sendable, Equatable {
    /// Every known migration is applied, and nothing else.
    case current(applied: [String])
    /// Some known migrations are not applied yet; the next `desk` command that opens it applies them.
    case older(applied: [String], pending: [String])
    /// It records migrations this binary does not know: a newer MessageDesk wrote it.
    case newer(applied: [String], unknown: [String])
    /// No migration is recorded: an SQLite file, but not a MessageDesk database.
    case notADesk
    /// The migrations table cannot be read: the file is damaged.
    case unreadable

    /// Reads the recorded migrations of `database` and compares them with `migrator`'s.
    package static func of(_ database: Database, migrator: Migrator = Migrator()) throws -> SchemaStatus {
        let applied = try migrator.appliedIDs(in: database)
        guard !applied.isEmpty else { return .notADesk }
        let known = Set(migrator.migrations.map(\.id))
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { return .newer(applied: applied, unknown: unknown) }
        let pending = try migrator.pendingIDs(in: database)
        return pending.isEmpty ? .current(applied: applied) : .older(applied: applied, pending: pending)
    }

    /// For people: `current (0001_initial)`, `older: pending 0002_x (the next desk command applies it)`, ….
    public var summary: String {
        switch self {
        case .current(let applied):
            return "current (\(applied.last ?? ""))"
        case .older(_, let pending):
            return "older: pending \(pending.joined(separator: ", ")) (the next desk command applies \(pending.count == 1 ? "it" : "them"))"
        case .newer(_, let unknown):
            return "newer: unknown migrations \(unknown.joined(separator: ", ")) (written by a newer MessageDesk)"
        case .notADesk:
            return "not a MessageDesk database (no migrations recorded)"
        case .unreadable:
            return "unreadable (the file is damaged)"
        }
    }

    /// One word for scripts: `current`, `older`, `newer`, `not_a_desk`, `unreadable`.
    public var name: String {
        switch self {
        case .current: "current"
        case .older: "older"
        case .newer: "newer"
        case .notADesk: "not_a_desk"
        case .unreadable: "unreadable"
        }
    }
}
