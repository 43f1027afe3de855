import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// Migration 0004 rewrites the CHECK lists of three or more values as OR chains, and 0006 adds
/// AUTOINCREMENT to nine tables, both editing only the schema's text under `writable_schema`: the rows stay
/// as they are, the constraints refuse what they refused before, and the schema is the one a fresh database
/// builds from the same CREATE statements.
@Suite struct CheckConstraintMigrationTests {
    let now = at("2026-11-20T10:15:00+09:00")
    let upTo0003 = Migrator(migrations: Array(Migration.embedded.prefix { $0.id < "0004" }))

    /// The opcodes SQLite plans for `sql`: `OpenEphemeral` is the temporary b-tree an IN list costs.
    func opcodes(_ database: Database, _ sql: String) throws -> [String] {
        try database.statement("EXPLAIN " + sql).map { try $0.string(1) }
    }

    let eventInsert = "INSERT INTO events (at, actor, subject, subject_id, kind) VALUES ('2026-11-20T01:00:00Z', 'x', 'call', 1, 'k')"

    @Test func aDatabaseWithDataMigratesInPlaceAndStaysValid() throws {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        do {
            let old = try SQLiteDatabase(path: path)
            try upTo0003.migrate(old, at: "2026-11-20T01:00:00Z")
            try OlderDesk.fillMorningAt0003(old)
            #expect(try opcodes(old, eventInsert).contains("OpenEphemeral"))
        }
        let desk = try DeskStore.open(path: path, mode: .create, now: now)
        #expect(try Migrator().appliedIDs(in: desk.database) == allMigrations)
        #expect(try desk.database.statement("PRAGMA integrity_check").map { try $0.string(0) } == ["ok"])
        #expect(try desk.callbacks(CallbackFilter(states: [.done]), at: now).count == 1)
        // The connection that migrated already plans with the new text.
        #expect(try !opcodes(desk.database, eventInsert).contains("OpenEphemeral"))
        let tables = try desk.database.statement("SELECT sql FROM sqlite_schema WHERE type = 'table'").map { try $0.string(0) }
        #expect(tables.contains { $0.contains("(subject = 'staff' OR subject = 'presence' OR subject = 'caller' OR subject = 'call' OR subject = 'callback' OR subject = 'setting')") })
        // No list of three or more values is left in any table's constraints.
        #expect(!tables.contains { $0.range(of: #"IN \('[^']*', '[^']*', "#, options: .regularExpression) != nil })
    }

    @Test func theConstraintsStillRefuseWhatTheyRefusedBefore() throws {
        let desk = try makeDesk()
        let database = desk.database
        #expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO events (at, actor, subject, subject_id, kind) VALUES ('2026-11-20T01:00:00Z', 'x', 'nonsense', 1, 'k')", [])
        }
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        #expect(throws: DatabaseError.self) { try database.execute("UPDATE callbacks SET state = 'lost' WHERE id = ?", [.int(id)]) }
        #expect(throws: DatabaseError.self) { try database.execute("UPDATE callbacks SET buyer_type = 'type3' WHERE id = ?", [.int(id)]) }
        #expect(throws: DatabaseError.self) { try database.execute("UPDATE staff SET role = 'boss' WHERE handle = 'tanaka'", []) }
        #expect(try desk.callback(id: id).state == .open)
    }

    @Test func aConnectionOpenDuringTheMigrationReadsTheNewConstraintsAfterIt() throws {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        let old = try SQLiteDatabase(path: path)
        try upTo0003.migrate(old, at: "2026-11-20T01:00:00Z")
        #expect(try opcodes(old, eventInsert).contains("OpenEphemeral"))
        _ = try DeskStore.open(path: path, mode: .create, now: now)
        // Its next statement sees the schema cookie move and reloads the schema (EXPLAIN alone does not
        // read the database, and a new text keeps the statement cache out of it).
        _ = try old.scalarInt("SELECT count(*) FROM staff")
        #expect(try !opcodes(old, eventInsert + " -- after the migration").contains("OpenEphemeral"))
    }

    // MARK: - The edited schema against a fresh one

    /// A desk holding data written at 0003 (before 0004 and 0006 edit the schema's text), then migrated one
    /// migration at a time, each by its own connection as `desk init` of each release would.
    func deskMigratedStepByStep(in directory: String, extra: [Migration] = []) throws -> String {
        let path = directory + "/stepwise.sqlite"
        do {
            let old = try SQLiteDatabase(path: path)
            try upTo0003.migrate(old, at: "2026-11-20T01:00:00Z")
            try OlderDesk.fillMorningAt0003(old)
        }
        let all = Migration.embedded + extra
        for count in (upTo0003.migrations.count + 1)...all.count {
            let database = try SQLiteDatabase(path: path)
            try Migrator(migrations: Array(all.prefix(count))).migrate(database, at: "2026-11-20T02:00:00Z")
        }
        return path
    }

    /// What SQLite makes of a schema: every object's definition (without its root page), and each table's kind,
    /// columns, foreign keys and indexes as SQLite parsed them.
    func structure(_ database: Database) throws -> [String] {
        var lines = try database.statement(
            "SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || ifnull(sql, '-') FROM sqlite_schema ORDER BY type, name")
            .map { try $0.string(0) }
        let tables = try database.statement(
            "SELECT name, printf('%s %s ncol=%d wr=%d strict=%d', name, type, ncol, wr, strict) FROM pragma_table_list WHERE schema = 'main' ORDER BY name")
            .map { (try $0.string(0), try $0.string(1)) }
        for (table, kind) in tables {
            lines.append(kind)
            lines += try database.statement("""
                SELECT printf('  column %d %s %s notnull=%d default=%s pk=%d hidden=%d', cid, name, type, "notnull", quote(dflt_value), pk, hidden)
                FROM pragma_table_xinfo(?) ORDER BY cid
                """).map([.text(table)]) { try $0.string(0) }
            lines += try database.statement("""
                SELECT printf('  foreign key %d.%d %s -> %s(%s) update=%s delete=%s', id, seq, "from", "table", quote("to"), on_update, on_delete)
                FROM pragma_foreign_key_list(?) ORDER BY id, seq
                """).map([.text(table)]) { try $0.string(0) }
            let indexes = try database.statement("""
                SELECT name, printf('  index %s unique=%d origin=%s partial=%d', name, "unique", origin, partial)
                FROM pragma_index_list(?) ORDER BY name
                """).map([.text(table)]) { (try $0.string(0), try $0.string(1)) }
            for (index, line) in indexes {
                lines.append(line)
                lines += try database.statement("""
                    SELECT printf('    %d %d %s desc=%d %s key=%d', seqno, cid, quote(name), "desc", coll, key)
                    FROM pragma_index_xinfo(?) ORDER BY seqno
                    """).map([.text(index)]) { try $0.string(0) }
            }
        }
        return lines
    }

    /// Everything that tells the migrated database at `path` from one built fresh: `integrity_check` and
    /// `foreign_key_check` on it; its CREATE statements run on an empty file (so each edited text is one that
    /// CREATE accepts); its rows copied into that file (so every CHECK, NOT NULL, STRICT type and foreign key
    /// of the new text is tested by an INSERT, not only by the check); and the two structures compared, and
    /// compared with an empty database migrated in one go. Empty when they are the same.
    func differencesFromAFreshDatabase(_ path: String, migrations: [Migration]) throws -> [String] {
        let directory = PathParts(path).directory
        let migrated = try SQLiteDatabase(path: path)
        var problems = try migrated.statement("PRAGMA integrity_check").map { try "integrity: " + $0.string(0) }
            .filter { $0 != "integrity: ok" }
        problems += try migrated.statement("PRAGMA foreign_key_check").map { try "foreign key: " + $0.string(0) }
        let definitions = try migrated.statement("""
            SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid
            """).map { (type: try $0.string(0), name: try $0.string(1), sql: try $0.string(2)) }
        let fresh = try SQLiteDatabase(path: directory + "/fresh.sqlite")
        do {
            try fresh.write { for definition in definitions { try fresh.execute(definition.sql) } }
        } catch {
            return problems + ["create: \(error)"]
        }
        try fresh.execute("ATTACH DATABASE ? AS migrated", [.text(path)])
        do {
            try fresh.write { () throws -> Void in
                // Rows go in table by table; their references are checked at COMMIT, all together.
                try fresh.execute("PRAGMA defer_foreign_keys = ON")
                for table in definitions where table.type == "table" {
                    try fresh.execute("INSERT INTO main.\"\(table.name)\" SELECT * FROM migrated.\"\(table.name)\"")
                }
            }
        } catch {
            problems.append("copy: \(error)")
        }
        try fresh.execute("DETACH DATABASE migrated")
        for table in definitions where table.type == "table" {
            let sql = "SELECT count(*) FROM \"\(table.name)\""
            let (before, after) = (try migrated.scalarInt(sql), try fresh.scalarInt(sql))
            if before != after { problems.append("rows of \(table.name): \(before ?? -1) migrated, \(after ?? -1) fresh") }
        }
        problems += try fresh.statement("PRAGMA integrity_check").map { try "fresh integrity: " + $0.string(0) }
            .filter { $0 != "fresh integrity: ok" }
        let (stepwise, built) = (try structure(migrated), try structure(fresh))
        problems += lines(of: stepwise, missingFrom: built, "fresh")
        let empty = try SQLiteDatabase(path: directory + "/empty.sqlite")
        try Migrator(migrations: migrations).migrate(empty, at: "2026-11-20T02:00:00Z")
        problems += lines(of: stepwise, missingFrom: try structure(empty), "empty")
        return problems
    }

    /// The lines of the migrated structure that the other lacks, and the other's that it lacks.
    func lines(of migrated: [String], missingFrom other: [String], _ name: String) -> [String] {
        migrated.difference(from: other).map { change in
            switch change {
            case .insert(_, let line, _): "only in the migrated, not the \(name): \(line)"
            case .remove(_, let line, _): "only in the \(name): \(line)"
            }
        }
    }

    /// 0004's and 0006's `writable_schema` edits, applied to a desk with data, give the schema a fresh
    /// database builds from the same CREATE statements, and every row satisfies it.
    @Test func theEditedSchemaIsTheOneAFreshDatabaseBuilds() throws {
        let directory = try makeTemporaryDirectory()
        let path = try deskMigratedStepByStep(in: directory)
        #expect(try Migrator().appliedIDs(in: try SQLiteDatabase(path: path)) == allMigrations)
        #expect(try differencesFromAFreshDatabase(path, migrations: Migration.embedded) == [])
        let schema = try structure(try SQLiteDatabase(path: path))
        #expect(schema.contains { $0.hasPrefix("table callbacks on callbacks: CREATE TABLE callbacks (\n    id") && $0.contains("INTEGER PRIMARY KEY AUTOINCREMENT,") })
        #expect(schema.contains("table sqlite_sequence on sqlite_sequence: CREATE TABLE sqlite_sequence(name,seq)"))
    }

    /// The comparison above is not blind: an edit of the schema's text that the stored rows break (here a CHECK
    /// one staff member's name fails), which a migration's own checks let through, is reported.
    @Test func anEditTheRowsBreakIsFoundByTheComparison() throws {
        let directory = try makeTemporaryDirectory()
        let badEdit = Migration(id: "9999_bad_edit", sql: """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (length(trim(display_name)) > 0)',
                'CHECK (length(trim(display_name)) > 0 AND display_name <> ''田中'')')
                WHERE type = 'table' AND name = 'staff';
            PRAGMA writable_schema = RESET;
            """)
        let path = try deskMigratedStepByStep(in: directory, extra: [badEdit])
        let problems = try differencesFromAFreshDatabase(path, migrations: Migration.embedded)
        #expect(problems.contains("integrity: CHECK constraint failed in staff"))
        #expect(problems.contains { $0.hasPrefix("copy: ") && $0.contains("CHECK constraint failed") })
        #expect(problems.contains { $0.hasPrefix("only in the migrated, not the empty: table staff") && $0.contains("display_name <> '田中'") })
    }
}
