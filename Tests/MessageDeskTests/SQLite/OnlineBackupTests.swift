import CSQLite
import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// `Database.backup(to:whileDestinationLocked:)`: one step, the destination locked throughout.
@Suite struct OnlineBackupTests {
    func source() throws -> Database {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)")
        return database
    }

    @Test func nobodyCanWriteTheDestinationWhileTheClosureRuns() throws {
        let path = try makeTemporaryDirectory() + "/dest.sqlite"
        let destination = try SQLiteDatabase(path: path)
        try destination.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (9)")
        let other = try SQLiteDatabase(path: path, options: .init(busyTimeoutMilliseconds: 0))
        var seenByReader: Int?
        try source().backup(to: destination) {
            // Another writer is refused at once (busy timeout 0); a reader still sees the old rows.
            #expect {
                try other.execute("BEGIN IMMEDIATE")
            } throws: { error in
                SQLITE_BUSY ~= (error as? DatabaseError ?? DatabaseError(extendedCode: 0, message: ""))
            }
            seenByReader = try other.scalarInt("SELECT sum(x) FROM t")
        }
        #expect(seenByReader == 9)
        #expect(try other.scalarInt("SELECT sum(x) FROM t") == 6)
        try other.execute("BEGIN IMMEDIATE; COMMIT")   // the lock is released afterwards
    }

    @Test func aThrowingClosureCopiesNothing() throws {
        let path = try makeTemporaryDirectory() + "/dest.sqlite"
        let destination = try SQLiteDatabase(path: path)
        try destination.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (9)")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try source().backup(to: destination) { throw Stop() }
        }
        #expect(try destination.scalarInt("SELECT sum(x) FROM t") == 9)
        try destination.execute("INSERT INTO t VALUES (1)")   // and nothing is left locked
    }

    @Test func aCheckedCopyTakesTheSourcesPageSizeAndIsOneFileInRollbackMode() throws {
        let memory = try SQLiteDatabase(path: ":memory:")
        try memory.execute("PRAGMA page_size = 1024; CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('a'), ('b')")
        let directory = try makeTemporaryDirectory()
        let copy = try CheckedCopy.make(of: memory, beside: directory + "/copy.sqlite", migrator: Migrator()) { _, _ in }
        #expect(copy.temporaryPath.hasPrefix(directory + "/.copy.sqlite.partial-"))
        #expect(try listing(directory) == [(copy.temporaryPath as NSString).lastPathComponent])
        #expect(try mode(copy.temporaryPath) == 0o600)
        #expect(copy.check == DatabaseCheck(integrityProblems: [], foreignKeyViolations: [], schema: .notADesk))
        let reopened = try SQLiteDatabase(path: copy.temporaryPath, options: .init(create: false, readOnly: true))
        #expect(try reopened.scalarInt("PRAGMA page_size") == 1024)
        #expect(try reopened.scalarText("PRAGMA journal_mode") == "delete")
        #expect(try reopened.scalarInt("SELECT count(*) FROM t") == 2)
        #expect(copy.bytes == 2 * 1024)
        copy.discard()
        #expect(try listing(directory) == [])
    }

    @Test func anEmptySourceIsRefusedWhenTheClosureMustComeFirst() throws {
        let path = try makeTemporaryDirectory() + "/dest.sqlite"
        let destination = try SQLiteDatabase(path: path)
        try destination.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (9)")
        var ran = false
        #expect(throws: DatabaseError.self) {
            try SQLiteDatabase(path: ":memory:").backup(to: destination) { ran = true }
        }
        #expect(!ran)
        #expect(try destination.scalarInt("SELECT sum(x) FROM t") == 9)
    }
}
