import Testing
@testable import DeskStorage
@testable import MessageDesk

/// `committedChanges` counts the transactions that saved something: what a program whose output
/// then fails tells its user ("the change was saved — do not repeat it").
@Suite struct CommittedChangesTests {
    @Test func countsWritesThatCommittedARowChangeAndNothingElse() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        #expect(database.committedChanges == 0)
        try database.write { try database.execute("INSERT INTO t VALUES (1)") }
        #expect(database.committedChanges == 1)
        // A write that changes no row, a read, and a write that fails save nothing.
        try database.write { try database.execute("UPDATE t SET x = 2 WHERE x = 99") }
        _ = try database.read { try database.scalarInt("SELECT count(*) FROM t") }
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try database.write {
                try database.execute("INSERT INTO t VALUES (3)")
                throw Refused()
            }
        }
        #expect(database.committedChanges == 1)
        // Nested writes are one transaction; a write inside a read commits with the read.
        try database.write {
            try database.write { try database.execute("INSERT INTO t VALUES (4)") }
            try database.write { try database.execute("INSERT INTO t VALUES (5)") }
        }
        #expect(database.committedChanges == 2)
        try database.read { try database.write { try database.execute("DELETE FROM t WHERE x = 4") } }
        #expect(database.committedChanges == 3)
        #expect(try database.scalarInt("SELECT count(*) FROM t") == 2)
    }

    @Test func aStoreCountsItsMigrationsAndChanges() throws {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        let now = at("2026-11-20T10:00:00+09:00")
        let created = try DeskStore.open(path: path, mode: .create, now: now)
        #expect(created.committedChanges > 0)
        let reopened = try DeskStore.open(path: path, mode: .existing, now: now)
        _ = try reopened.allStaff()
        #expect(reopened.committedChanges == 0)
        try reopened.addStaff(NewStaff(handle: "tanaka", displayName: "田中"), actor: "test", at: now)
        #expect(reopened.committedChanges == 1)
    }
}
