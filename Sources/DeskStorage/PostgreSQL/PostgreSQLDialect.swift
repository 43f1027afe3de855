/// PostgreSQL's SQL where engines differ: the texts the PostgreSQL engine (a later issue, through libpq) will
/// run. There is no PostgreSQL connection yet; the dialect is here so that the seam is shaped by both engines
/// and its texts are pinned by tests (`SQLDialectTests`).
package struct PostgreSQLDialect: SQLDialect {
    package init() {}

    package var name: String { "PostgreSQL" }

    /// `$1`, `$2`, …, numbered as SQLite numbers `?` and `?NNN`, so that the store's SQL means the same.
    package func renderingPlaceholders(_ sql: String) -> String {
        SQLPlaceholders.numbered(sql, prefix: "$")
    }

    /// `LIKE`, which respects case in PostgreSQL; the literal's `%`, `_` and `\` are escaped with `\`, the
    /// default escape character.
    package func hasPrefix(_ expression: String, _ prefix: String) -> String {
        "\(expression) LIKE '\(literal(prefix, escaping: ["%": "\\%", "_": "\\_", "\\": "\\\\"]))%'"
    }

    package func jsonText(_ column: String, key: String) -> String {
        "(\(column)::jsonb ->> '\(literal(key))')"
    }

    /// The same text as SQLite's: PostgreSQL's `ON CONFLICT` takes `excluded` in any case.
    package func upsert(into table: String, columns: [String], conflict: [String], updated: [String]) -> String {
        SQLiteDialect().upsert(into: table, columns: columns, conflict: conflict, updated: updated)
    }

    package func returningID(_ insert: String) -> String { insert + " RETURNING id" }
    /// "Return the value most recently returned by nextval in the current session" (functions-sequence.html).
    package var lastInsertedID: String { "SELECT lastval()" }

    /// PostgreSQL has no immediate transaction: a transaction-level advisory lock, taken first, makes writers
    /// wait their turn at BEGIN as SQLite's do, and is let go by COMMIT or ROLLBACK.
    package var beginWrite: [String] {
        ["BEGIN ISOLATION LEVEL READ COMMITTED", "SELECT pg_advisory_xact_lock(hashtext('messagedesk.writer'))"]
    }
    /// One snapshot for the whole transaction, as SQLite's read transaction gives.
    package var beginRead: String { "BEGIN ISOLATION LEVEL REPEATABLE READ" }

    package var tableExists: String {
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
    }
    package var tableNames: String {
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
    }
    package var createMigrationsTable: String {
        "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    }
    /// An identity column's sequence is named `TABLE_id_seq`; `last_value` is NULL until it is first used.
    package var idSequences: String {
        "SELECT substr(sequencename, 1, length(sequencename) - 7), coalesce(last_value, 0) FROM pg_sequences "
            + "WHERE schemaname = current_schema() AND sequencename LIKE '%\\_id\\_seq' ORDER BY 1"
    }
}
