import Foundation
import Testing
@testable import MessageDesk

@Suite struct MigrationsTests {
    /// The generated file must match Migrations/*.sql: run Scripts/generate-migrations.sh when this fails.
    @Test func embeddedMigrationsMatchTheFilesOnDisk() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.map { String($0.dropLast(4)) } == Migration.embedded.map(\.id))
        for (file, migration) in zip(files, Migration.embedded) {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(text == migration.sql + "\n", "\(file) changed: run Scripts/generate-migrations.sh")
        }
    }

    @Test func migratingTwiceAppliesNothingTheSecondTime() throws {
        let database = try Database(path: try makeTemporaryDirectory() + "/m.sqlite")
        let migrator = Migrator()
        #expect(try migrator.migrate(database, at: "2026-11-20T01:00:00Z") == Migration.embedded.map(\.id))
        #expect(try migrator.migrate(database, at: "2026-11-20T02:00:00Z") == [])
        #expect(try migrator.appliedIDs(in: database) == Migration.embedded.map(\.id))
    }

    @Test func migrationsApplyInOrder() throws {
        let database = try Database(path: ":memory:")
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
        let database = try Database(path: path)
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
        let database = try Database(path: try makeTemporaryDirectory() + "/f.sqlite")
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
        let database = try Database(path: ":memory:")
        let migration = Migration(id: "0001_fk", sql: """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO child VALUES (7);
            """)
        #expect(throws: (any Error).self) {
            try Migrator(migrations: [migration]).migrate(database, at: "2026-11-20T01:00:00Z")
        }
        #expect(try Migrator().appliedIDs(in: database) == [])
        #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'child'") == 0)
    }
}
