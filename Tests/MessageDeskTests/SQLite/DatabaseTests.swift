import CSQLite
import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

@Suite struct DatabaseTests {
    @Test func setUpEnablesWALForeignKeysAndFullSync() throws {
        let database = try SQLiteDatabase(path: try makeTemporaryDirectory() + "/a.sqlite")
        #expect(try database.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try database.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try database.scalarInt("PRAGMA synchronous") == 2)
        #expect(try database.scalarInt("PRAGMA temp_store") == 2)
    }

    @Test func newFilesAndDirectoriesAreOwnerOnly() throws {
        let directory = try makeTemporaryDirectory() + "/nested/deeper"
        let path = directory + "/desk.sqlite"
        let database = try SQLiteDatabase(path: path)
        try database.execute("CREATE TABLE t (x)")
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let directoryMode = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
    }

    @Test func aFileThatIsNotADatabaseIsRejected() throws {
        let path = try makeTemporaryDirectory() + "/notes.txt"
        try Data(String(repeating: "this is not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteDatabase(path: path)
        } throws: { error in
            (error as? DatabaseError)?.code == SQLITE_NOTADB
        }
    }

    @Test func errorsCarryTheExtendedCodeAndSQLButNotTheValues() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE people (phone TEXT UNIQUE)")
        try database.execute("INSERT INTO people VALUES (?)", ["+81312345678"])
        do {
            try database.execute("INSERT INTO people VALUES (?)", ["+81312345678"])
            Issue.record("a duplicate was accepted")
        } catch let error as DatabaseError {
            #expect(error.extendedCode == SQLITE_CONSTRAINT | (8 << 8))  // SQLITE_CONSTRAINT_UNIQUE
            #expect(SQLITE_CONSTRAINT ~= error)
            #expect(error.sql == "INSERT INTO people VALUES (?)")
            #expect(!error.description.contains("+81312345678"))
        }
    }

    @Test func aThrowingWriteRollsBackEverything() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try database.write {
                try database.execute("INSERT INTO t VALUES (?)", [1])
                throw Stop()
            }
        }
        #expect(try database.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test func statementsAreCachedAndReusable() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let first = try database.statement("SELECT ? + 1")
        let second = try database.statement("SELECT ? + 1")
        #expect(first === second)
        #expect(try first.first([41]) { try $0.int(0) } == 42)
        #expect(try first.first([1]) { try $0.int(0) } == 2)
    }
}

@Suite struct NestedWriteTests {
    @Test func nestedWritesJoinTheOuterTransaction() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        try database.write {
            try database.execute("INSERT INTO t VALUES (?)", [1])
            try database.write { try database.execute("INSERT INTO t VALUES (?)", [2]) }
        }
        #expect(try database.statement("SELECT x FROM t ORDER BY x").map { try $0.int(0) } == [1, 2])
        #expect(!database.isInTransaction)
    }

    /// A failed nested write may have left part of itself behind: even when the failure is caught, the
    /// transaction rolls back as a whole, and the next transaction starts clean.
    @Test func aCaughtFailingInnerWriteRollsBackTheWholeTransaction() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        struct Stop: Error {}
        #expect(throws: DatabaseError.self) {
            try database.write {
                try database.execute("INSERT INTO t VALUES (?)", [1])
                _ = try? database.write {
                    try database.execute("INSERT INTO t VALUES (?)", [2])
                    throw Stop()
                }
                try database.write { try database.execute("INSERT INTO t VALUES (?)", [3]) }
            }
        }
        #expect(try database.statement("SELECT count(*) FROM t").map { try $0.int(0) } == [0])
        #expect(!database.isInTransaction)
        try database.write { try database.execute("INSERT INTO t VALUES (?)", [4]) }
        #expect(try database.statement("SELECT x FROM t").map { try $0.int(0) } == [4])
    }

    @Test func aFailedWriteInsideAReadIsRolledBack() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        struct Stop: Error {}
        try database.read {
            _ = try? database.write {
                try database.execute("INSERT INTO t VALUES (?)", [1])
                throw Stop()
            }
        }
        #expect(try database.statement("SELECT count(*) FROM t").map { try $0.int(0) } == [0])
        #expect(!database.isInTransaction)
    }
}

@Suite struct TextBindingTests {
    /// Text is bound with its length: "" stays an empty string (not NULL), and nothing is cut at a NUL.
    @Test func textIsBoundByteForByte() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x TEXT)")
        for value in ["", "田中一郎", "a\u{0}b", String(repeating: "ｘ", count: 5_000)] {
            try database.execute("INSERT INTO t VALUES (?)", [.text(value)])
        }
        let rows = try database.statement("SELECT x IS NULL, length(CAST(x AS BLOB)) FROM t ORDER BY rowid")
            .map { "\(try $0.int(0)) \(try $0.int(1))" }
        #expect(rows == ["0 0", "0 12", "0 3", "0 15000"])
    }
}
