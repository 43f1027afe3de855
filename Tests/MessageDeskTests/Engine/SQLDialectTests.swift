import Testing
@testable import DeskStorage

/// The texts each engine's dialect gives: PostgreSQL's pinned (there is no PostgreSQL connection yet), SQLite's
/// pinned and also run, so that what the seam promises is what SQLite does.
@Suite struct SQLDialectTests {
    let sqlite = SQLiteDialect()
    let postgres = PostgreSQLDialect()

    // MARK: - Placeholders

    @Test func sqliteTakesPlaceholdersAsWritten() {
        let sql = "SELECT id FROM events WHERE at >= ? AND at < ?2 AND actor = ?"
        #expect(sqlite.renderingPlaceholders(sql) == sql)
    }

    @Test func postgresNumbersPlaceholdersAsSQLiteDoes() {
        #expect(postgres.renderingPlaceholders("INSERT INTO t (a, b, c) VALUES (?, ?, ?)")
                == "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)")
        // The store's calendar query numbers its own: ?2 and ?3, then a bare ? takes the next number.
        #expect(postgres.renderingPlaceholders("kind LIKE 'calendar.%' AND at < ?2 AND at <= ?3 AND id > ?")
                == "kind LIKE 'calendar.%' AND at < $2 AND at <= $3 AND id > $4")
        #expect(postgres.renderingPlaceholders("?1 = ?1 OR ? = ?") == "$1 = $1 OR $2 = $3")
    }

    @Test func aQuestionMarkInTextNamesOrCommentsIsNotAPlaceholder() {
        let sql = """
            SELECT 'why?', "odd?name", 'it''s ?' -- and this?
            FROM t /* or ? */ WHERE x = ?
            """
        #expect(postgres.renderingPlaceholders(sql) == """
            SELECT 'why?', "odd?name", 'it''s ?' -- and this?
            FROM t /* or ? */ WHERE x = $1
            """)
    }

    @Test func numberedPlaceholdersKeepTheValuesTheyBind() throws {
        // SQLite binds ?2 to the second value and the bare ? after it to the third; PostgreSQL's $n is the n-th
        // value, so the rendering binds the same values to the same places. (SQLite would read `$2` as a name,
        // numbered by first appearance: the rendered text is for PostgreSQL only.)
        let database = try SQLiteDatabase(path: ":memory:")
        let sql = "SELECT ?2 || '-' || ?1 || '-' || ?"
        #expect(try database.scalarText(sql, ["a", "b", "c"]) == "b-a-c")
        #expect(postgres.renderingPlaceholders(sql) == "SELECT $2 || '-' || $1 || '-' || $3")
    }

    // MARK: - Matching, JSON

    @Test func prefixesMatchCaseSensitivelyWithWildcardsTakenLiterally() throws {
        #expect(sqlite.hasPrefix("kind", "calendar.") == "kind GLOB 'calendar.*'")
        #expect(sqlite.hasPrefix("note", "a*b?[c]'") == "note GLOB 'a[*]b[?][[]c]''*'")
        #expect(postgres.hasPrefix("kind", "calendar.") == "kind LIKE 'calendar.%'")
        #expect(postgres.hasPrefix("note", "100%_\\'") == "note LIKE '100\\%\\_\\\\''%'")

        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (note TEXT)")
        for note in ["calendar.added", "Calendar.added", "calendarXadded", "a*b?[c]'s", "aXbY[c]'s"] {
            try database.execute("INSERT INTO t VALUES (?)", [.text(note)])
        }
        func matching(_ literal: String) throws -> [String] {
            try database.statement("SELECT note FROM t WHERE \(sqlite.hasPrefix("note", literal)) ORDER BY note")
                .map { try $0.string(0) }
        }
        #expect(try matching("calendar.") == ["calendar.added"])
        #expect(try matching("a*b?[c]'") == ["a*b?[c]'s"])
    }

    @Test func jsonFieldsAreReadWithEachEnginesFunctions() throws {
        #expect(sqlite.jsonText("after", key: "state") == "json_extract(after, '$.state')")
        #expect(postgres.jsonText("after", key: "state") == "(after::jsonb ->> 'state')")
        let database = try SQLiteDatabase(path: ":memory:")
        #expect(try database.scalarText("SELECT \(sqlite.jsonText("?", key: "state"))", [#"{"state":"done"}"#]) == "done")
    }

    // MARK: - Upsert, returning

    @Test func upsertIsTheSameTextInBothEngines() throws {
        let expected = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        for dialect in [sqlite, postgres] as [any SQLDialect] {
            #expect(dialect.upsert(into: "settings", columns: ["key", "value"], conflict: ["key"], updated: ["value"])
                    == expected)
        }
        #expect(postgres.renderingPlaceholders(expected)
                == "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")

        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
        try database.execute(expected, ["due.urgent", "30"])
        try database.execute(expected, ["due.urgent", "45"])
        #expect(try database.scalarText("SELECT group_concat(key || '=' || value) FROM settings") == "due.urgent=45")
    }

    @Test func insertsAnswerTheirIDByReturningOrByTheLastInsertedID() throws {
        let insert = "INSERT INTO callers (name) VALUES (?)"
        #expect(sqlite.returningID(insert) == "INSERT INTO callers (name) VALUES (?) RETURNING id")
        #expect(postgres.returningID(insert) == "INSERT INTO callers (name) VALUES (?) RETURNING id")
        #expect(sqlite.lastInsertedID == "SELECT last_insert_rowid()")
        #expect(postgres.lastInsertedID == "SELECT lastval()")

        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE callers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)")
        try database.execute(insert, ["Sato"])
        #expect(database.lastInsertedRowID == 1)
        #expect(try database.scalarInt(sqlite.lastInsertedID) == 1)
        #expect(try database.scalarInt(sqlite.returningID(insert), ["Suzuki"]) == 2)
        #expect(database.lastInsertedRowID == 2)
    }

    // MARK: - Locking, catalogue

    @Test func writersTakeTheLockAtBegin() {
        #expect(sqlite.beginWrite == ["BEGIN IMMEDIATE"])
        #expect(sqlite.beginRead == "BEGIN DEFERRED")
        #expect(postgres.beginWrite
                == ["BEGIN ISOLATION LEVEL READ COMMITTED", "SELECT pg_advisory_xact_lock(hashtext('messagedesk.writer'))"])
        #expect(postgres.beginRead == "BEGIN ISOLATION LEVEL REPEATABLE READ")
        for dialect in [sqlite, postgres] as [any SQLDialect] {
            #expect((dialect.commit, dialect.rollback) == ("COMMIT", "ROLLBACK"))
        }
    }

    @Test func theCatalogueQueriesAnswerForTheDesksTablesOnly() throws {
        #expect(postgres.tableExists
                == "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?")
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT)")
        try database.execute("INSERT INTO events (at) VALUES ('x'), ('y')")
        #expect(try database.tableExists("events"))
        #expect(try !database.tableExists("calendar_entries"))
        #expect(try database.tableNames() == ["events"])  // not sqlite_sequence
        #expect(try database.statement(sqlite.idSequences).map { try [$0.string(0), String($0.int(1))] } == [["events", "2"]])
        #expect(try database.idHighWater() == ["events": 2])
    }
}
