import CSQLite
import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// Every failure of the SQLite layer surfaces as an error (issue 13, "Every failure surfaces").
@Suite struct FailedCommitTests {
    /// Two connections to one new file, with a child table whose foreign key is checked only at COMMIT.
    private func makeDatabases() throws -> (writer: Database, observer: Database) {
        let path = try makeTemporaryDirectory() + "/a.sqlite"
        let writer = try SQLiteDatabase(path: path)
        try writer.execute("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            CREATE TABLE t (x INTEGER)
            """)
        return (writer, try SQLiteDatabase(path: path))
    }

    private func rows(_ table: String, in database: Database) throws -> Int {
        try database.scalarInt("SELECT count(*) FROM \(table)") ?? -1
    }

    @Test func aWriteInsideAReadThatFailsAtCommitIsAnErrorAndLaterWritesAreSaved() throws {
        let (database, observer) = try makeDatabases()
        let before = database.committedChanges
        #expect {
            try database.read {
                try database.write { try database.execute("INSERT INTO child VALUES (?)", [99]) }
            }
        } throws: { error in
            (error as? DatabaseError)?.extendedCode == SQLITE_CONSTRAINT | (3 << 8)  // SQLITE_CONSTRAINT_FOREIGNKEY
        }
        #expect(!database.isInTransaction)
        #expect(database.committedChanges == before)
        try database.write { try database.execute("INSERT INTO t VALUES (?)", [1]) }
        #expect(!database.isInTransaction)
        #expect(try rows("t", in: observer) == 1)
        #expect(try rows("child", in: observer) == 0)
        #expect(database.committedChanges == before + 1)
    }

    /// A read whose body throws rolls back what was written inside it, and the caller sees the body's error.
    @Test func aReadWhoseBodyThrowsAfterANestedWriteRollsItBack() throws {
        let (database, observer) = try makeDatabases()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try database.read {
                try database.write {
                    try database.execute("INSERT INTO t VALUES (?)", [5])
                    try database.execute("INSERT INTO child VALUES (?)", [99])
                }
                throw Stop()
            }
        }
        #expect(!database.isInTransaction)
        #expect(try rows("t", in: observer) == 0)
        try database.write { try database.execute("INSERT INTO t VALUES (?)", [1]) }
        #expect(try rows("t", in: observer) == 1)
        #expect(try rows("child", in: observer) == 0)
    }

    @Test func aWriteThatFailsAtCommitIsAnErrorAndLeavesNoTransaction() throws {
        let (database, observer) = try makeDatabases()
        let before = database.committedChanges
        #expect {
            try database.write {
                try database.execute("INSERT INTO t VALUES (?)", [1])
                try database.execute("INSERT INTO child VALUES (?)", [99])
            }
        } throws: { error in
            (error as? DatabaseError)?.extendedCode == SQLITE_CONSTRAINT | (3 << 8)  // SQLITE_CONSTRAINT_FOREIGNKEY
        }
        #expect(!database.isInTransaction)
        #expect(database.committedChanges == before)
        #expect(try rows("t", in: observer) == 0)
        try database.write { try database.execute("INSERT INTO t VALUES (?)", [2]) }
        #expect(try rows("t", in: observer) == 1)
    }
}

@Suite struct StatementMisuseTests {
    /// Reusing a cached statement inside its own row loop used to reset it and loop for ever.
    @Test func bindingAStatementThatIsSteppingIsAnError() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        for x in 1...5 { try database.execute("INSERT INTO t VALUES (?)", [.int(x)]) }
        let sql = "SELECT x FROM t ORDER BY x"
        struct Runaway: Error {}
        var seen: [Int] = []
        do {
            try database.statement(sql).forEach { row in
                seen.append(try row.int(0))
                if seen.count >= 10 { throw Runaway() }
                _ = try database.statement(sql).first { try $0.int(0) }
            }
            Issue.record("the inner use of a stepping statement was accepted")
        } catch let error as DatabaseError {
            #expect(error.extendedCode == SQLITE_MISUSE)
            #expect(error.sql == sql)
            #expect(error.message.contains("still running"))
        } catch {
            Issue.record("ran away: \(seen)")
        }
        #expect(seen == [1])
        // The statement is usable again once its loop has ended.
        #expect(try database.statement(sql).map { try $0.int(0) } == [1, 2, 3, 4, 5])
    }

    @Test func executeWithValuesRejectsMoreThanOneStatement() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        let sql = "INSERT INTO t VALUES (?); INSERT INTO t VALUES (2)"
        #expect {
            try database.execute(sql, [1])
        } throws: { error in
            guard let error = error as? DatabaseError else { return false }
            return error.code == SQLITE_MISUSE && error.sql == sql && error.message.contains("one statement")
        }
        #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO t VALUES (1); DELETE FROM t", []) }
        #expect(throws: DatabaseError.self) { _ = try database.statement("SELECT 1; SELECT 2") }
        #expect(try database.scalarInt("SELECT count(*) FROM t") == 0)
        // What follows the one statement may be blank, semicolons or comments.
        #expect(try database.scalarInt("SELECT 7; -- a note\n ;  /* another */ ") == 7)
        // The form without values still runs a script, every statement of it.
        try database.execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
        #expect(try database.scalarInt("SELECT count(*) FROM t") == 2)
    }

    @Test func sqlWithoutAStatementIsAnError() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        #expect {
            _ = try database.statement("  -- nothing here")
        } throws: { error in
            (error as? DatabaseError).map { $0.code == SQLITE_MISUSE && $0.message == "no SQL statement given" } ?? false
        }
    }

    @Test func aMissingOrExtraParameterIsAnErrorThatNamesTheSQLButNotTheValues() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE people (name TEXT, phone TEXT)")
        let sql = "INSERT INTO people VALUES (?, ?)"
        for values: [SQLValue] in [["山田太郎"], ["山田太郎", "+81312345678", "extra"], []] {
            do {
                try database.execute(sql, values)
                Issue.record("\(values.count) values were bound to 2 parameters")
            } catch let error as DatabaseError {
                #expect(error.code == SQLITE_RANGE)
                #expect(error.sql == sql)
                #expect(error.message == "\(values.count) values given for 2 parameters")
                #expect(!error.description.contains("山田") && !error.description.contains("+8131"))
            }
        }
        #expect(try database.scalarInt("SELECT count(*) FROM people") == 0)
    }
}

@Suite struct NullColumnTests {
    @Test func readingNullFromANonOptionalAccessorIsAnErrorNamingTheColumn() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let sql = "SELECT NULL AS callback_id, 0, 0.0, ''"
        let accessors: [(String, (Row) throws -> Any)] = [
            ("int", { try $0.int(0) }), ("bool", { try $0.bool(0) }),
            ("double", { try $0.double(0) }), ("string", { try $0.string(0) }),
        ]
        for (name, read) in accessors {
            do {
                let value = try database.statement(sql).first { try read($0) }
                Issue.record("\(name) read NULL as \(String(describing: value))")
            } catch let error as DatabaseError {
                #expect(error.code == SQLITE_MISMATCH)
                #expect(error.message == "column callback_id is NULL where a value is required")
                #expect(error.sql == sql)
            }
        }
        // Zero, 0.0 and "" are values, not NULL; the optional accessors read NULL as nil.
        let row = try database.statement(sql).first { row in
            (try row.int(1), try row.bool(1), try row.double(2), try row.string(3), row.optionalInt(0), row.optionalString(0))
        }
        #expect(row?.0 == 0 && row?.1 == false && row?.2 == 0 && row?.3 == "" && row?.4 == nil && row?.5 == nil)
    }
}
