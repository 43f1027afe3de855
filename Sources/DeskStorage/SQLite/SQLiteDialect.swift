/// SQLite's SQL where engines differ; `SQLiteDatabase` runs these texts for its own operations.
package struct SQLiteDialect: SQLDialect {
    package init() {}

    package var name: String { "SQLite" }

    /// SQLite takes `?` and `?NNN` as written.
    package func renderingPlaceholders(_ sql: String) -> String { sql }

    /// `GLOB`, which respects case; the literal's `*`, `?` and `[` are matched as themselves (`[*]`, `[?]`, `[[]`).
    package func hasPrefix(_ expression: String, _ prefix: String) -> String {
        "\(expression) GLOB '\(literal(prefix, escaping: ["*": "[*]", "?": "[?]", "[": "[[]"]))*'"
    }

    package func jsonText(_ column: String, key: String) -> String {
        "json_extract(\(column), '$.\(literal(key))')"
    }

    package func upsert(into table: String, columns: [String], conflict: [String], updated: [String]) -> String {
        let values = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sets = updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(values)) "
            + "ON CONFLICT (\(conflict.joined(separator: ", "))) DO UPDATE SET \(sets)"
    }

    /// SQLite has `RETURNING` since 3.35; the store reads `last_insert_rowid()` instead, which costs no row.
    package func returningID(_ insert: String) -> String { insert + " RETURNING id" }
    package var lastInsertedID: String { "SELECT last_insert_rowid()" }

    /// "IMMEDIATE causes the database connection to start a new write immediately, without waiting for a
    /// write statement" (lang_transaction.html).
    package var beginWrite: [String] { ["BEGIN IMMEDIATE"] }
    package var beginRead: String { "BEGIN DEFERRED" }

    package var tableExists: String { "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?" }
    package var tableNames: String {
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    }
    package var createMigrationsTable: String {
        // The text every desk database holds in its schema since 0001: kept as it was.
        "CREATE TABLE IF NOT EXISTS schema_migrations (\n    id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT"
    }
    /// "SQLite keeps track of the largest ROWID using an internal table named sqlite_sequence" (autoinc.html).
    package var idSequences: String { "SELECT name, seq FROM sqlite_sequence ORDER BY name" }
}
