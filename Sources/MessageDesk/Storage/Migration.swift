import CSQLite

/// One schema change: `Migrations/NNNN_name.sql`, applied once, in order, recorded by its id.
public struct Migration: Sendable, Equatable {
    /// The file name without `.sql`, e.g. `0001_initial`; ids sort in the order they apply.
    public let id: String
    /// The statements, run as one script.
    public let sql: String

    public init(id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}

/// Applies migrations to a database, refusing one written by a newer MessageDesk.
public struct Migrator: Sendable {
    /// The migrations this binary knows, in order.
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migration.embedded) {
        self.migrations = migrations
    }

    /// Why a database cannot be migrated by this binary.
    public enum Failure: Error, Equatable {
        /// The database records migrations this binary does not know: a newer version wrote it.
        case newerDatabase(unknown: [String])
        /// A migration left rows that break a foreign key.
        case foreignKeyViolation(migration: String)
    }

    /// The ids of the migrations recorded in `database`, in the order they were applied.
    public func appliedIDs(in database: Database) throws -> [String] {
        let exists = try database.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") ?? 0
        guard exists > 0 else { return [] }
        return try database.statement("SELECT id FROM schema_migrations ORDER BY id").map { try $0.string(0) }
    }

    /// The ids this binary would apply to `database`.
    public func pendingIDs(in database: Database) throws -> [String] {
        let applied = Set(try appliedIDs(in: database))
        return migrations.map(\.id).filter { !applied.contains($0) }
    }

    /// Applies every pending migration, each in its own `BEGIN IMMEDIATE` transaction together with
    /// the record of its id, so that a failing migration leaves the database exactly as it was.
    /// Returns the ids it applied. Safe when several processes migrate at once: the check of what is
    /// applied happens inside the write lock.
    @discardableResult
    public func migrate(_ database: Database, at now: String) throws -> [String] {
        var applied: [String] = []
        try checkNotNewer(database)
        for migration in migrations {
            let didApply = try database.write { () throws -> Bool in
                try database.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT
                    """)
                let done = try database.scalarInt(
                    "SELECT count(*) FROM schema_migrations WHERE id = ?", [.text(migration.id)]) ?? 0
                guard done == 0 else { return false }
                try database.execute(migration.sql)
                try database.execute(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)",
                    [.text(migration.id), .text(now)])
                // Foreign keys are not checked by DDL; do it before the migration commits.
                let violations = try database.statement("PRAGMA foreign_key_check").map { try $0.string(0) }
                guard violations.isEmpty else {
                    throw Failure.foreignKeyViolation(migration: migration.id)
                }
                return true
            }
            if didApply { applied.append(migration.id) }
        }
        return applied
    }

    /// Throws `newerDatabase` when the database records migrations this binary does not know.
    public func checkNotNewer(_ database: Database) throws {
        let known = Set(migrations.map(\.id))
        let unknown = try appliedIDs(in: database).filter { !known.contains($0) }
        guard unknown.isEmpty else { throw Failure.newerDatabase(unknown: unknown) }
    }
}
