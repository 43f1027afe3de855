import CSQLite

/// The engine operations of `DatabaseConnection`, in SQLite's own SQL (its pragmas and catalogue tables).
extension SQLiteDatabase {
    package func tableNames() throws -> [String] {
        try statement(SQLiteDialect().tableNames).map { try $0.string(0) }
    }

    /// The full `PRAGMA integrity_check` (not `quick_check`: it also compares every index with its table).
    package func integrityProblems() throws -> [String] {
        let lines = try statement("PRAGMA integrity_check").map { try $0.string(0) }
        return lines == ["ok"] ? [] : lines
    }

    /// `PRAGMA foreign_key_check`: the table, the rowid (NULL for a `WITHOUT ROWID` table) and the parent.
    package func foreignKeyViolations() throws -> [ForeignKeyViolation] {
        try statement("PRAGMA foreign_key_check").map { row in
            ForeignKeyViolation(table: try row.string(0), rowID: row.optionalInt(1), parent: try row.string(2))
        }
    }

    /// `PRAGMA foreign_keys`, read back: outside a transaction it must answer what was set ("This pragma is a
    /// no-op within a transaction").
    package func setForeignKeysEnforced(_ enforced: Bool) throws {
        try execute(enforced ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF")
        guard try scalarInt("PRAGMA foreign_keys") == (enforced ? 1 : 0) else {
            throw DatabaseError(extendedCode: SQLITE_MISUSE,
                                message: "foreign keys could not be turned \(enforced ? "on" : "off")")
        }
    }

    /// `PRAGMA query_only`: "prevents data changes on database files", and is not a read-only connection, which
    /// would parse no CHECK constraint.
    package func refuseWrites() throws {
        try execute("PRAGMA query_only = ON")
    }

    /// Back to a rollback journal: this checkpoints the WAL into the file and removes it, and clears the WAL
    /// flag a copied first page may carry.
    package func makeSelfContained() throws {
        try setJournalMode("delete")
    }

    package func setPageCache(kibibytes: Int) throws {
        try execute("PRAGMA cache_size = -\(kibibytes)")
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)`: the WAL copied into the file and truncated to nothing.
    package func checkpoint() throws {
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// For each table with rowids: its `sqlite_sequence` entry, or its highest rowid when higher (a database
    /// from before migration 0006 has no sequence, and no AUTOINCREMENT table).
    package func idHighWater() throws -> [String: Int] {
        let tables = try statement("""
            SELECT name FROM sqlite_schema
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name
            """).map { try $0.string(0) }
        var sequence: [String: Int] = [:]
        if try tableExists("sqlite_sequence") {
            try statement(SQLiteDialect().idSequences).forEach { sequence[try $0.string(0)] = try $0.int(1) }
        }
        var highest: [String: Int] = [:]
        for table in tables {
            highest[table] = max(sequence[table] ?? 0, try scalarInt("SELECT max(rowid) FROM \"\(table)\"") ?? 0)
        }
        return highest
    }

    /// Raises `sqlite_sequence` for each AUTOINCREMENT table that `highWater` names, in one write transaction.
    package func raiseIDs(to highWater: [String: Int]) throws {
        let tables = try statement(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name"
        ).map { try $0.string(0) }
        try write {
            for table in tables {
                guard let highest = highWater[table] else { continue }
                try execute(
                    "INSERT INTO sqlite_sequence (name, seq) SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
                    [.text(table), .text(table)])
                try execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", [.int(highest), .text(table)])
            }
        }
    }
}
