import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// Each engine error reaches the store and the CLI as a neutral cause, and leaves `desk` with the exit code it
/// always had: a refused change 65, busy 75, a file that may not be written 77.
@Suite struct DatabaseErrorCauseTests {
    /// The cause of the error `body` throws, and the exit code `desk` gives it.
    func failure(at path: String, _ body: () throws -> Void) throws -> (DatabaseError.Cause, Int32) {
        do {
            try body()
        } catch let error as DatabaseError {
            return (error.cause, DeskError(error, path: path).exitCode)
        }
        throw DeskError(.io, "no database error was thrown")
    }

    func makePeople() throws -> (SQLiteDatabase, String) {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        let database = try SQLiteDatabase(path: path)
        try database.execute("""
            CREATE TABLE staff (id INTEGER PRIMARY KEY, handle TEXT NOT NULL UNIQUE CHECK (handle GLOB '[a-z]*')) STRICT;
            CREATE TABLE presence (id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL REFERENCES staff(id)) STRICT;
            INSERT INTO staff (handle) VALUES ('tanaka');
            """)
        return (database, path)
    }

    @Test func aUniqueViolation() throws {
        let (database, path) = try makePeople()
        let (cause, exit) = try failure(at: path) { try database.execute("INSERT INTO staff (handle) VALUES (?)", ["tanaka"]) }
        #expect(cause == .constraint(.unique))
        #expect(exit == 65)
    }

    @Test func aForeignKeyViolation() throws {
        let (database, path) = try makePeople()
        let (cause, exit) = try failure(at: path) { try database.execute("INSERT INTO presence (staff_id) VALUES (?)", [42]) }
        #expect(cause == .constraint(.foreignKey))
        #expect(exit == 65)
    }

    @Test func checkAndNotNullViolations() throws {
        let (database, path) = try makePeople()
        #expect(try failure(at: path) { try database.execute("INSERT INTO staff (handle) VALUES (?)", ["Tanaka"]) }
                == (.constraint(.check), 65))
        #expect(try failure(at: path) { try database.execute("INSERT INTO staff (handle) VALUES (?)", [nil]) }
                == (.constraint(.notNull), 65))
    }

    @Test func busyWhenAnotherWriterHoldsTheLock() throws {
        let (holder, path) = try makePeople()
        let waiter = try SQLiteDatabase(path: path, options: .init(busyTimeoutMilliseconds: 0, queueWriters: false))
        let (cause, exit) = try holder.write {
            try failure(at: path) { try waiter.write { try waiter.execute("INSERT INTO staff (handle) VALUES ('sato')") } }
        }
        #expect(cause == .busy)
        #expect(exit == 75)
        #expect(!waiter.isInTransaction)
    }

    @Test func readOnlyWhenTheConnectionMayNotWrite() throws {
        let (_, path) = try makePeople()
        let reader = try SQLiteDatabase(path: path, options: .init(create: false, readOnly: true))
        let (cause, exit) = try failure(at: path) { try reader.execute("INSERT INTO staff (handle) VALUES (?)", ["sato"]) }
        #expect(cause == .readOnly)
        #expect(exit == 77)
    }

    @Test func sqliteCodesStayReadableForSQLitesOwnTests() throws {
        let (database, _) = try makePeople()
        do {
            try database.execute("INSERT INTO staff (handle) VALUES (?)", ["tanaka"])
            Issue.record("a duplicate was accepted")
        } catch let error as DatabaseError {
            #expect(error.engineCode == EngineCode(engine: "SQLite", code: "2067", name: "constraint failed"))
            #expect(error.extendedCode == 2067)
            #expect(error.description.hasPrefix("SQLite error 2067 (constraint failed): UNIQUE constraint failed: staff.handle"))
        }
    }
}
