/// The SQL that differs between engines. The store writes portable SQL with `?` parameters; what is not
/// portable it asks the dialect for, and each engine runs its dialect's text for its own operations.
package protocol SQLDialect: Sendable {
    /// The engine's name, as error messages give it (`SQLite`, `PostgreSQL`).
    var name: String { get }

    /// `sql` with its `?` parameters as the engine numbers them: SQLite takes `?` as written; PostgreSQL
    /// wants `$1`, `$2`, …. A `?` inside a string literal, a quoted name or a comment is not a parameter.
    func renderingPlaceholders(_ sql: String) -> String

    /// True when `expression` begins with `prefix`, case-sensitively (SQLite's `LIKE` ignores ASCII case,
    /// its `GLOB` does not; PostgreSQL's `LIKE` respects case). Wildcards in `prefix` match only themselves.
    func hasPrefix(_ expression: String, _ prefix: String) -> String

    /// The text at `key` of the JSON object in `column` (SQLite's `json_extract`, PostgreSQL's `->>`).
    func jsonText(_ column: String, key: String) -> String

    /// An INSERT of one row that updates `updated` columns instead when a row with the same `conflict`
    /// columns exists (both engines: `ON CONFLICT … DO UPDATE SET … = excluded.…`).
    func upsert(into table: String, columns: [String], conflict: [String], updated: [String]) -> String

    /// `insert` made to answer the id of its row, for engines without a last-insert id (`RETURNING id`).
    func returningID(_ insert: String) -> String
    /// The query that answers the id the connection's last INSERT gave its row.
    var lastInsertedID: String { get }

    /// The statements that begin an immediate write transaction: the write lock is held from the start, so a
    /// busy desk waits at BEGIN instead of failing half-way.
    var beginWrite: [String] { get }
    /// The statement that begins a transaction reading one snapshot.
    var beginRead: String { get }
    var commit: String { get }
    var rollback: String { get }

    /// A query with one parameter, the table's name, answering 1 when the desk's table exists and 0 if not.
    var tableExists: String { get }
    /// The desk's tables (not the engine's own), one name a row, sorted.
    var tableNames: String { get }
    /// Creates the table of applied migrations when missing: their ids and when they were applied.
    var createMigrationsTable: String { get }
    /// The id sequences: one row per table, its name and the last id handed out.
    var idSequences: String { get }
}

extension SQLDialect {
    /// Standard SQL, the same in both engines.
    package var commit: String { "COMMIT" }
    package var rollback: String { "ROLLBACK" }

    /// `text` as the inside of an SQL string literal: each `'` doubled, and each character `escapes` names
    /// replaced by its escape (a pattern's wildcards, matched as themselves).
    func literal(_ text: String, escaping escapes: [Character: String] = [:]) -> String {
        var out = ""
        for c in text {
            out += c == "'" ? "''" : escapes[c] ?? String(c)
        }
        return out
    }
}
