/// One schema change: `Migrations/sqlite/NNNN_name.sql`, applied once, in order, recorded by its id.
///
/// Once shipped, a migration's id and SQL never change: databases in the field have applied it. That is why
/// 0004 and 0006 still edit `sqlite_schema` under `writable_schema` (written when foreign keys stayed on during
/// migrations, which ruled out a rebuild) rather than being rewritten as rebuilds; `CheckConstraintMigrationTests`
/// checks that their edits give the schema a fresh database builds. New migrations rebuild a table instead.
package struct Migration: Sendable, Equatable {
    /// The file name without `.sql`, e.g. `0001_initial`; ids sort in the order they apply.
    package let id: String
    /// The statements, run as one script.
    package let sql: String

    package init(id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}

/// Applies migrations to a database, refusing one written by a newer MessageDesk.
package struct Migrator: Sendable {
    /// The migrations this binary knows, in order.
    package let migrations: [Migration]

    package init(migrations: [Migration] = Migration.embedded) {
        self.migrations = migrations
    }

    /// Why a database cannot be migrated by this binary.
    package enum Failure: Error, Equatable {
        /// The database records migrations this binary does not know: a newer version wrote it.
        case newerDatabase(unknown: [String])
        /// A migration left rows that break a foreign key.
        case foreignKeyViolation(migration: String)
    }

    /// The ids of the migrations recorded in `database`, in the order they were applied.
    package func appliedIDs(in database: Database) throws -> [String] {
        guard try database.tableExists("schema_migrations") else { return [] }
        return try database.statement("SELECT id FROM schema_migrations ORDER BY id").map { try $0.string(0) }
    }

    /// The ids this binary would apply to `database`.
    package func pendingIDs(in database: Database) throws -> [String] {
        let applied = Set(try appliedIDs(in: database))
        return migrations.map(\.id).filter { !applied.contains($0) }
    }

    /// Applies every pending migration, each in its own `BEGIN IMMEDIATE` transaction (`Database.write`, so the
    /// writer queue and `committedChanges` stay right) together with the record of its id, so that a failing
    /// migration leaves the database exactly as it was. Returns the ids it applied. Safe when several processes
    /// migrate at once: the check of what is applied happens inside the write lock.
    ///
    /// Foreign keys are off while migrations run, as GRDB's `DatabaseMigrator` and sqlite.org's procedure for
    /// schema changes have it (lang_altertable.html: "If foreign key constraints are enabled, disable them using
    /// PRAGMA foreign_keys=OFF"), so that a migration may rebuild a table others reference; `PRAGMA
    /// foreign_key_check` then runs before each commit, and a violation rolls that migration back with
    /// `Failure.foreignKeyViolation`. Foreign keys are on again afterwards, on every path.
    /// - Throws: `DatabaseError.refused` inside a transaction, where SQLite's `PRAGMA foreign_keys` "is a no-op".
    @discardableResult
    package func migrate(_ database: Database, at now: String) throws -> [String] {
        try checkNotNewer(database)
        return try Migrator.withForeignKeysOff(database) {
            var applied: [String] = []
            for migration in migrations where try apply(migration, to: database, at: now) {
                applied.append(migration.id)
            }
            return applied
        }
    }

    /// Applies `migration` in its own transaction unless it is recorded already; true when it applied it.
    private func apply(_ migration: Migration, to database: Database, at now: String) throws -> Bool {
        try database.write { () throws -> Bool in
            try database.execute(database.dialect.createMigrationsTable)
            let done = try database.scalarInt(
                "SELECT count(*) FROM schema_migrations WHERE id = ?", [.text(migration.id)]) ?? 0
            guard done == 0 else { return false }
            try database.execute(migration.sql)
            try database.execute(
                "INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)",
                [.text(migration.id), .text(now)])
            // "If foreign key constraints were originally enabled then run PRAGMA foreign_key_check to verify
            // that the schema change did not break any foreign key constraints" — with them off, nothing else does.
            guard try database.foreignKeyViolations().isEmpty else {
                throw Failure.foreignKeyViolation(migration: migration.id)
            }
            return true
        }
    }

    /// Runs `body` with foreign keys off, and turns them on again however it ends, checking that they are.
    ///
    /// When `body` fails and they cannot be turned on again, `body`'s error is the one thrown (as GRDB does):
    /// both callers then drop the connection.
    private static func withForeignKeysOff<T>(_ database: Database, _ body: () throws -> T) throws -> T {
        guard !database.isInTransaction else {
            throw DatabaseError.refused("migrations cannot run inside a transaction: foreign keys cannot be turned off there")
        }
        try database.setForeignKeysEnforced(false)
        let result: T
        do {
            result = try body()
        } catch {
            // Best effort, and safe to leave failed: the migration's own error is the one to report, and both
            // callers (DeskStore.open, DeskRestore's migration of a checked copy) drop the connection when
            // `migrate` throws, so no write ever runs on it with foreign keys still off.
            try? database.setForeignKeysEnforced(true)
            throw error
        }
        try database.setForeignKeysEnforced(true)
        return result
    }

    /// Throws `newerDatabase` when the database records migrations this binary does not know.
    package func checkNotNewer(_ database: Database) throws {
        let known = Set(migrations.map(\.id))
        let unknown = try appliedIDs(in: database).filter { !known.contains($0) }
        guard unknown.isEmpty else { throw Failure.newerDatabase(unknown: unknown) }
    }
}
