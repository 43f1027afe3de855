import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// `DeskCheck`: integrity, foreign keys and the schema version, and the exit each problem earns.
@Suite struct DatabaseCheckTests {
    @Test func aHealthyDeskPasses() throws {
        let path = try makeDesk().path
        let check = try DeskCheck.run(on: path)
        #expect(check == DatabaseCheck(integrityProblems: [], foreignKeyViolations: [], schema: .current(applied: allMigrations)))
        #expect(check.summary == "integrity ok, foreign keys ok")
        #expect(check.schema.summary == "current (\(latestMigration))")
        #expect(DeskCheck.problem(check, path: path) == nil)
    }

    @Test func aBrokenReferenceFailsTheForeignKeyCheck() throws {
        let path = try makeDesk().path
        let database = try SQLiteDatabase(path: path, options: .init(create: false))
        try database.execute("PRAGMA foreign_keys = OFF")
        try database.execute("INSERT INTO presence (staff_id, status, since, set_by) VALUES (99, 'meeting', '2026-11-20T01:00:00Z', 'x')")
        let row = database.lastInsertedRowID
        let check = try DeskCheck.run(on: path)
        #expect(check.integrityProblems == [])
        #expect(check.foreignKeyViolations == [.init(table: "presence", rowid: row, parent: "staff")])
        #expect(!check.isIntact && !check.isUsable)
        #expect(DeskCheck.problem(check, path: path) == DeskError(.badInput,
            "\(path) failed its check: integrity ok, foreign keys broken: 1 row (presence row \(row) → staff); restore it from a backup (see `desk restore --help`)"))
    }

    @Test func aDamagedIndexFailsTheIntegrityCheck() throws {
        let path = try makeDesk().path
        try damageIndex("callbacks_by_state_due", of: path)
        let check = try DeskCheck.run(on: path)
        #expect(!check.integrityProblems.isEmpty)
        #expect(check.schema == .current(applied: allMigrations))
        let problem = DeskCheck.problem(check, path: path)
        #expect(problem?.kind == .badInput)
        #expect(problem?.message.hasPrefix("\(path) failed its check: integrity: ") == true)
    }

    @Test func aNewerSchemaIsAConfigurationProblemWithTheUsualMessage() throws {
        let path = try makeDesk().path
        let database = try SQLiteDatabase(path: path, options: .init(create: false))
        try database.execute("INSERT INTO schema_migrations (id, applied_at) VALUES ('9999_future', '2030-01-01T00:00:00Z')")
        let check = try DeskCheck.run(on: path)
        #expect(check.schema == .newer(applied: allMigrations + ["9999_future"], unknown: ["9999_future"]))
        #expect(DeskCheck.problem(check, path: path) == DeskError(.configuration,
            "\(path) was written by a newer MessageDesk (unknown migrations: 9999_future); upgrade desk, or use a backup made by this version"))
    }

    @Test func anOlderSchemaIsNotAProblemAndIsNotMigratedByTheCheck() throws {
        let path = try makeDesk().path
        let later = Migrator(migrations: Migration.embedded + [Migration(id: "9000_later", sql: "CREATE TABLE later (x INTEGER)")])
        let check = try DeskCheck.run(on: path, migrator: later)
        #expect(check.schema == .older(applied: allMigrations, pending: ["9000_later"]))
        #expect(check.schema.summary == "older: pending 9000_later (the next desk command applies it)")
        #expect(DeskCheck.problem(check, path: path) == nil)
        #expect(try Migrator().appliedIDs(in: SQLiteDatabase(path: path, options: .init(create: false))) == allMigrations)
    }

    @Test func anSQLiteFileThatIsNotADeskIsRefusedAsEveryCommandRefusesIt() throws {
        let path = try makeTemporaryDirectory() + "/other.sqlite"
        try SQLiteDatabase(path: path).execute("CREATE TABLE notes (x TEXT)")
        #expect(throws: DeskError(.badInput, "\(path) is another program's SQLite database, not a MessageDesk database; check --db or DESK_DB (`desk init` creates a desk only in a new or empty file)")) {
            try DeskCheck.run(on: path)
        }
    }

    /// Item 7: SQLite parses no CHECK constraint on a read-only connection; the check then runs on a copy.
    @Test func aReadOnlyConnectionIsCheckedOnACopySoCheckConstraintsAreChecked() throws {
        let path = try makeDesk().path
        let writer = try SQLiteDatabase(path: path, options: .init(create: false))
        try writer.execute("PRAGMA ignore_check_constraints = ON; UPDATE staff SET role = 'boss' WHERE handle = 'tanaka'")
        let readOnly = try SQLiteDatabase(path: path, options: .init(create: false, readOnly: true))
        #expect(readOnly.isReadOnly)
        #expect(try readOnly.statement("PRAGMA integrity_check").map { try $0.string(0) } == ["ok"])
        let check = try DatabaseCheck.run(on: readOnly)
        #expect(check.integrityProblems == ["CHECK constraint failed in staff"])
        #expect(try DeskCheck.run(on: path).integrityProblems == ["CHECK constraint failed in staff"])
    }
}
