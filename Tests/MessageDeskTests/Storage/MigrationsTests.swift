import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

@Suite struct MigrationsTests {
    /// The generated file must match Migrations/sqlite/*.sql: run Scripts/generate-migrations.sh when this fails.
    @Test func embeddedMigrationsMatchTheFilesOnDisk() throws {
        // Tests/MessageDeskTests/Storage/MigrationsTests.swift: four levels below the package root.
        let root = (0..<4).reduce(URL(fileURLWithPath: #filePath)) { url, _ in url.deletingLastPathComponent() }
        let directory = root.appendingPathComponent("Migrations/sqlite")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.map { String($0.dropLast(4)) } == Migration.embedded.map(\.id))
        for (file, migration) in zip(files, Migration.embedded) {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(text == migration.sql + "\n", "\(file) changed: run Scripts/generate-migrations.sh")
        }
    }

    @Test func migratingTwiceAppliesNothingTheSecondTime() throws {
        let database = try SQLiteDatabase(path: try makeTemporaryDirectory() + "/m.sqlite")
        let migrator = Migrator()
        #expect(try migrator.migrate(database, at: "2026-11-20T01:00:00Z") == Migration.embedded.map(\.id))
        #expect(try migrator.migrate(database, at: "2026-11-20T02:00:00Z") == [])
        // Each migration is one transaction of `Database.write`, which counts what it committed.
        #expect(database.committedChanges == Migration.embedded.count)
        #expect(try migrator.appliedIDs(in: database) == Migration.embedded.map(\.id))
    }

    @Test func migrationsApplyInOrder() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let migrator = Migrator(migrations: [
            Migration(id: "0001_a", sql: "CREATE TABLE a (x INTEGER PRIMARY KEY)"),
            Migration(id: "0002_b", sql: "CREATE TABLE b (y INTEGER REFERENCES a(x)); INSERT INTO a VALUES (1)"),
        ])
        #expect(try migrator.migrate(database, at: "2026-11-20T01:00:00Z") == ["0001_a", "0002_b"])
        #expect(try database.scalarInt("SELECT count(*) FROM a") == 1)
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        let path = try makeTemporaryDirectory() + "/newer.sqlite"
        let now = at("2026-11-20T10:00:00+09:00")
        _ = try DeskStore.open(path: path, mode: .create, now: now)
        let database = try SQLiteDatabase(path: path)
        try database.execute("INSERT INTO schema_migrations (id, applied_at) VALUES ('9999_future', '2030-01-01T00:00:00Z')")
        #expect(throws: Migrator.Failure.newerDatabase(unknown: ["9999_future"])) {
            try Migrator().checkNotNewer(database)
        }
        do {
            _ = try DeskStore.open(path: path, mode: .existing, now: now)
            Issue.record("a newer database was opened")
        } catch let error as DeskError {
            #expect(error.kind == .configuration)
            #expect(error.exitCode == 78)
            #expect(error.message.contains("newer MessageDesk"))
        }
    }

    @Test func aFailingMigrationLeavesTheDatabaseExactlyAsItWas() throws {
        let database = try SQLiteDatabase(path: try makeTemporaryDirectory() + "/f.sqlite")
        let good = Migration(id: "0001_good", sql: "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1)")
        try Migrator(migrations: [good]).migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name)"
        let before = try database.scalarText(schema)
        let broken = Migration(id: "0002_broken", sql: "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2); THIS IS NOT SQL")
        #expect(throws: DatabaseError.self) {
            try Migrator(migrations: [good, broken]).migrate(database, at: "2026-11-20T02:00:00Z")
        }
        #expect(try database.scalarText(schema) == before)
        #expect(try database.scalarInt("SELECT count(*) FROM a") == 1)
        #expect(try Migrator().appliedIDs(in: database) == ["0001_good"])
    }

    @Test func aMigrationThatBreaksAForeignKeyIsRolledBack() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let migration = Migration(id: "0001_fk", sql: """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO child VALUES (7);
            """)
        #expect(throws: Migrator.Failure.foreignKeyViolation(migration: "0001_fk")) {
            try Migrator(migrations: [migration]).migrate(database, at: "2026-11-20T01:00:00Z")
        }
        #expect(try Migrator().appliedIDs(in: database) == [])
        #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'child'") == 0)
    }

    // MARK: - Foreign keys during a migration, as GRDB's migrator and lang_altertable.html do it

    /// A parent and a child that references it, with one row each: the start of the tests below.
    let parentAndChild = Migration(id: "0001_parent_child", sql: """
        CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
        CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT;
        INSERT INTO parent VALUES (1, 'kept'), (2, 'orphaned');
        INSERT INTO child VALUES (10, 1), (20, 2);
        """)

    /// Foreign keys are off while a migration runs (so it may rebuild a table), which makes the
    /// `foreign_key_check` before commit the only thing that stops a migration leaving a child
    /// without its parent: deleting that check makes this test fail.
    @Test func aMigrationThatLeavesADanglingReferenceIsRefusedAndRolledBack() throws {
        let database = try SQLiteDatabase(path: try makeTemporaryDirectory() + "/fk.sqlite")
        try Migrator(migrations: [parentAndChild]).migrate(database, at: "2026-11-20T01:00:00Z")
        let dangling = Migration(id: "0002_dangling", sql: """
            DELETE FROM parent WHERE id = 2;
            CREATE TABLE added (x INTEGER) STRICT;
            """)
        #expect(throws: Migrator.Failure.foreignKeyViolation(migration: "0002_dangling")) {
            try Migrator(migrations: [parentAndChild, dangling]).migrate(database, at: "2026-11-20T02:00:00Z")
        }
        #expect(try Migrator().appliedIDs(in: database) == ["0001_parent_child"])
        #expect(try database.scalarInt("SELECT count(*) FROM parent") == 2)
        #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'added'") == 0)
        #expect(!database.isInTransaction)
        // Foreign keys are on again after the failure, and enforced.
        #expect(try database.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO child VALUES (30, 99)") }
    }

    /// The rebuild SQLite documents for any change ALTER TABLE cannot make (lang_altertable.html,
    /// "making other kinds of table schema changes"): create the new table, copy, drop the old one,
    /// rename. It needs foreign keys off: with them on, DROP TABLE deletes the rows `child` references.
    @Test func aMigrationMayRebuildATableThatOthersReference() throws {
        let database = try SQLiteDatabase(path: try makeTemporaryDirectory() + "/rebuild.sqlite")
        let rebuild = Migration(id: "0002_rebuild_parent", sql: """
            CREATE TABLE parent_new (id INTEGER PRIMARY KEY AUTOINCREMENT,
                                     name TEXT NOT NULL CHECK (name <> '')) STRICT;
            INSERT INTO parent_new (id, name) SELECT id, name FROM parent;
            DROP TABLE parent;
            ALTER TABLE parent_new RENAME TO parent;
            """)
        #expect(try Migrator(migrations: [parentAndChild, rebuild]).migrate(database, at: "2026-11-20T01:00:00Z")
            == ["0001_parent_child", "0002_rebuild_parent"])
        #expect(try database.statement("SELECT id || ':' || name FROM parent ORDER BY id").map { try $0.string(0) }
            == ["1:kept", "2:orphaned"])
        #expect(try database.scalarText("SELECT sql FROM sqlite_master WHERE name = 'parent'")?
            .contains("AUTOINCREMENT") == true)
        #expect(try database.statement("SELECT \"table\" FROM pragma_foreign_key_list('child')").map { try $0.string(0) }
            == ["parent"])
        #expect(try database.statement("PRAGMA integrity_check").map { try $0.string(0) } == ["ok"])
        #expect(try database.statement("PRAGMA foreign_key_check").map { try $0.string(0) } == [])
        #expect(try database.scalarInt("PRAGMA foreign_keys") == 1)
        // The rebuilt table is still the parent that foreign keys protect.
        #expect(throws: DatabaseError.self) { try database.execute("DELETE FROM parent WHERE id = 1") }
    }

    /// `PRAGMA foreign_keys` "is a no-op within a transaction", so a migration cannot run inside one.
    @Test func migratingInsideATransactionIsRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.write { () throws -> Void in
            #expect(throws: DatabaseError.self) {
                try Migrator(migrations: [parentAndChild]).migrate(database, at: "2026-11-20T01:00:00Z")
            }
        }
        #expect(try Migrator().appliedIDs(in: database) == [])
    }
}
