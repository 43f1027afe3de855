import CSQLite
import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// Writers queue on a lock file of our own before `BEGIN IMMEDIATE`; readers never touch it.
@Suite struct WriterQueueTests {
    /// A new database with one table, and its writer queue's lock file.
    func makeDatabase(_ options: ConnectionOptions = .init()) throws -> (SQLiteDatabase, String) {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        let database = try SQLiteDatabase(path: path, options: options)
        try database.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
        return (database, try #require(database.writerLockPath))
    }

    /// Another writer's place in the queue, as another desk process would take it.
    final class Holder {
        let queue: WriterQueue?
        init(database path: String) {
            queue = WriterQueue(databasePath: path)
        }
        /// Takes the turn without waiting; false when another writer holds it.
        func take() -> Bool {
            do { return try queue?.enter(within: 0) == true } catch { return false }
        }
        func release() { queue?.leave() }
    }

    @Test func symlinksAndHardLinksToTheDatabaseShareOneLockFileNextToIt() throws {
        let directory = try makeTemporaryDirectory()
        let elsewhere = try makeTemporaryDirectory()
        let path = directory + "/desk.sqlite"
        let database = try SQLiteDatabase(path: path)
        try database.execute("CREATE TABLE t (x)")
        #expect(symlink(path, elsewhere + "/link.sqlite") == 0)
        #expect(link(path, directory + "/alias.sqlite") == 0)
        let linked = try SQLiteDatabase(path: elsewhere + "/link.sqlite")
        let lock = try #require(database.writerLockPath)
        #expect(linked.writerLockPath == lock)
        // SQLite itself will not open a second name of a file this process has open (it shares one inode's
        // locks and -shm per process); another process would, and computes the same lock file.
        #expect(WriterQueue(databasePath: directory + "/alias.sqlite")?.lockPath == lock)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(lock == directory + "/.messagedesk-writers-\(String(info.st_dev, radix: 16))-\(info.st_ino).lock")
    }

    @Test func theLockFileIsCreatedOnTheFirstWriteWithTheDatabasesMode() throws {
        let (database, lock) = try makeDatabase()
        try database.write { try database.execute("INSERT INTO t DEFAULT VALUES") }
        #expect(try FileManager.default.attributesOfItem(atPath: lock)[.posixPermissions] as? Int == 0o600)

        let (shared, sharedLock) = try makeDatabase()
        #expect(chmod(shared.path, 0o640) == 0)
        let reopened = try SQLiteDatabase(path: shared.path)
        try reopened.write { try reopened.execute("INSERT INTO t DEFAULT VALUES") }
        #expect(try FileManager.default.attributesOfItem(atPath: sharedLock)[.posixPermissions] as? Int == 0o640)
    }

    @Test func theQueueIsHeldForTheWholeTransactionAndReleasedAfterACommit() throws {
        let (database, _) = try makeDatabase()
        let holder = Holder(database: database.path)
        let heldInside = try database.write {
            try database.execute("INSERT INTO t DEFAULT VALUES")
            return !holder.take()
        }
        #expect(heldInside)
        #expect(holder.take())
        holder.release()
    }

    @Test func theQueueIsReleasedWhenTheBodyThrowsOrANestedWriteFailed() throws {
        struct Thrown: Error {}
        let (database, _) = try makeDatabase()
        let holder = Holder(database: database.path)
        #expect(throws: Thrown.self) {
            try database.write { try database.execute("INSERT INTO t DEFAULT VALUES"); throw Thrown() }
        }
        #expect(holder.take())
        holder.release()
        // A nested write that failed and was caught: the transaction rolls back at its end, and the queue is let go.
        #expect(throws: DatabaseError.self) {
            try database.write {
                _ = try? database.write { () throws -> Void in throw Thrown() }  // caught on purpose: the outer write must still refuse
            }
        }
        #expect(holder.take())
        holder.release()
        #expect(try database.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test func aWriterWaitingOnTheQueueGivesUpAtTheBusyTimeoutWithBusy() throws {
        let (database, lock) = try makeDatabase()
        let path = database.path
        let holder = Holder(database: path)
        #expect(holder.take())
        for timeout: Int32 in [0, 20] {
            let waiting = try SQLiteDatabase(path: path, options: .init(busyTimeoutMilliseconds: timeout))
            let error = #expect(throws: DatabaseError.self) {
                try waiting.write { try waiting.execute("INSERT INTO t DEFAULT VALUES") }
            }
            #expect(error?.code == SQLITE_BUSY)
            #expect(error?.message == "another writer held the writer queue (\(lock)) past the busy timeout of \(timeout) ms")
        }
        holder.release()
        let waiting = try SQLiteDatabase(path: path, options: .init(busyTimeoutMilliseconds: 20))
        try waiting.write { try waiting.execute("INSERT INTO t DEFAULT VALUES") }
        #expect(try waiting.scalarInt("SELECT count(*) FROM t") == 1)
    }

    @Test func aWriterThatGaveUpLeavesTheQueueAndBlocksNobodyBehindIt() throws {
        let (database, _) = try makeDatabase()
        let first = Holder(database: database.path), gaveUp = Holder(database: database.path)
        let behind = Holder(database: database.path)
        #expect(first.take())
        #expect(!gaveUp.take())  // drew a ticket, found the turn taken, left
        first.release()
        #expect(behind.take())   // only the tickets before it count, and none is held
        behind.release()
    }

    @Test func twoConnectionsInOneProcessQueueOneBehindTheOther() throws {
        let (first, _) = try makeDatabase()
        let second = try SQLiteDatabase(path: first.path, options: .init(busyTimeoutMilliseconds: 0))
        let error = try first.write {
            try first.execute("INSERT INTO t DEFAULT VALUES")
            return #expect(throws: DatabaseError.self) { try second.write { try second.execute("INSERT INTO t DEFAULT VALUES") } }
        }
        #expect(error?.message.hasPrefix("another writer held the writer queue") == true)
        // A timed-out wait leaves the connection able to write once the queue is free.
        try second.write { try second.execute("INSERT INTO t DEFAULT VALUES") }
        #expect(try second.scalarInt("SELECT count(*) FROM t") == 2)
    }

    @Test func readsNeitherTakeNorCreateTheLockFile() throws {
        let (database, lock) = try makeDatabase()
        #expect(try database.read { try database.scalarInt("SELECT count(*) FROM t") } == 0)
        #expect(!FileManager.default.fileExists(atPath: lock))
        let reader = try SQLiteDatabase(path: database.path, options: .init(create: false, readOnly: true))
        #expect(reader.writerLockPath == nil)
        // A writer holding the queue does not stop a reader.
        let holder = Holder(database: database.path)
        #expect(holder.take())
        #expect(try reader.read { try reader.scalarInt("SELECT count(*) FROM t") } == 0)
        holder.release()
    }

    @Test func aLockFileThatCannotBeOpenedLeavesWritersToSQLitesOwnLocking() throws {
        let (database, lock) = try makeDatabase()
        #expect(symlink("/nonexistent/lock", lock) == 0)  // never followed: O_NOFOLLOW
        try database.write { try database.execute("INSERT INTO t DEFAULT VALUES") }
        #expect(try database.scalarInt("SELECT count(*) FROM t") == 1)
    }

    @Test func aCommitThatFillsTheWALIsStillCheckpointedOnceTheQueueIsLetGo() throws {
        let (database, _) = try makeDatabase()
        let holder = Holder(database: database.path)
        // 5 MB in one commit: past the 1,000 pages at which SQLite's automatic checkpoint would run inside COMMIT.
        try database.write {
            try database.execute("CREATE TABLE big (b BLOB)")
            try database.execute("INSERT INTO big VALUES (zeroblob(5000000))")
        }
        #expect(holder.take())
        holder.release()
        #expect(database.walSize.pages == 0)
        // Only a checkpoint copies the pages from the WAL into the database file.
        #expect(try #require(FileIdentity(path: database.path)).size > 5_000_000)
    }

    @Test func theQueueCanBeTurnedOffForAMeasuredBaseline() throws {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        let database = try SQLiteDatabase(path: path, options: .init(queueWriters: false))
        #expect(database.writerLockPath == nil)
        try database.write { try database.execute("CREATE TABLE t (x)") }
        let files = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(!files.contains { $0.hasPrefix(".messagedesk-writers") })
    }
}
