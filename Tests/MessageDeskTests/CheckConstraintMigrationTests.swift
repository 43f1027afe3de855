import Foundation
import Testing
@testable import MessageDesk

/// Migration 0004 rewrites the CHECK lists of three or more values as OR chains, editing only the
/// schema's text: the rows stay as they are, and the constraints refuse what they refused before.
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
            let old = try DeskStore.open(path: path, mode: .create, now: now, migrator: upTo0003)
            try old.addStaff(NewStaff(handle: "tanaka", displayName: "田中"), actor: "test", at: now)
            try old.addStaff(NewStaff(handle: "sato", displayName: "佐藤", role: .operator), actor: "test", at: now)
            let id = try old.takeMessage(message(), actor: "sato", at: now).callback.id
            try old.complete(id, note: nil, actor: "tanaka", at: now)
            #expect(try opcodes(old.database, eventInsert).contains("OpenEphemeral"))
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
        let old = try DeskStore.open(path: path, mode: .create, now: now, migrator: upTo0003)
        #expect(try opcodes(old.database, eventInsert).contains("OpenEphemeral"))
        _ = try DeskStore.open(path: path, mode: .create, now: now)
        // Its next statement sees the schema cookie move and reloads the schema (EXPLAIN alone does not
        // read the database, and a new text keeps the statement cache out of it).
        _ = try old.database.scalarInt("SELECT count(*) FROM staff")
        #expect(try !opcodes(old.database, eventInsert + " -- after the migration").contains("OpenEphemeral"))
    }
}
