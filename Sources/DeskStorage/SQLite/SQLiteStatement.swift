import CSQLite
import Foundation

/// A prepared SQLite statement. It finalizes itself when released, and is reused for repeated work.
///
/// Values are bound by index (1-based, as in `sqlite3_bind_*`), never spliced into SQL.
package final class SQLiteStatement: PreparedStatement {
    let handle: OpaquePointer
    /// The SQL text, kept for error messages.
    package let sql: String
    unowned let database: SQLiteDatabase

    /// How many parameters the SQL has (`sqlite3_bind_parameter_count`): every run binds exactly as many values.
    let parameterCount: Int32

    /// Prepares `sql`, which must be exactly one statement: the tail after it may hold only blanks,
    /// semicolons and comments. `sqlite3_prepare_v3` reads one statement and would silently drop the rest.
    init(database: SQLiteDatabase, sql: String) throws {
        var prepared: OpaquePointer?
        let rc = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(database.handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, &tail)
            guard rc == SQLITE_OK, prepared != nil else { return rc }
            return SQLiteStatement.isEmpty(tail, in: database) ? SQLITE_OK : SQLITE_MISUSE
        }
        guard rc == SQLITE_OK, let handle = prepared else {
            if rc == SQLITE_MISUSE, let prepared {
                sqlite3_finalize(prepared)
                throw DatabaseError(extendedCode: SQLITE_MISUSE, message:
                    "more than one statement given where one statement is run; run a script without values", sql: sql)
            }
            guard rc == SQLITE_OK else { throw database.lastError(rc, sql: sql) }
            throw DatabaseError(extendedCode: SQLITE_MISUSE, message: "no SQL statement given", sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
        parameterCount = sqlite3_bind_parameter_count(handle)
    }

    /// True when `tail` holds no statement: only blanks, semicolons and comments (which prepare to nothing).
    private static func isEmpty(_ tail: UnsafePointer<CChar>?, in database: SQLiteDatabase) -> Bool {
        var rest = tail
        while let text = rest, text.pointee != 0 {
            var next: OpaquePointer?
            var after: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(database.handle, text, -1, &next, &after)
            if let next { sqlite3_finalize(next) }
            guard rc == SQLITE_OK, next == nil, let after, after != text else { return rc == SQLITE_OK && next == nil }
            rest = after
        }
        return true
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Binding

    /// Binds `values` to parameters 1, 2, … in order: exactly one value for each parameter.
    ///
    /// A statement that is still stepping is never reset here: that is a loop over its rows using the same SQL
    /// again, and a reset would start the loop over for ever. (Every run resets the statement when it ends,
    /// also when its row body throws.)
    package func bind(_ values: [SQLValue]) throws {
        if sqlite3_stmt_busy(handle) != 0 {
            throw DatabaseError(extendedCode: SQLITE_MISUSE, message:
                "the statement is still running: a loop over its rows used the same SQL again; finish the loop first",
                sql: sql)
        }
        // Counts only, never the values: they may be personal data.
        guard values.count == Int(parameterCount) else {
            throw DatabaseError(extendedCode: SQLITE_RANGE,
                                message: "\(values.count) values given for \(parameterCount) parameters", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        case .text(let v) where v.isEmpty:
            rc = sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)   // a pointer, or SQLite binds NULL
        case .text(var v):
            // The bytes with their length: no C string to make, no strlen.
            rc = v.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    // 64-bit length: an oversized text is SQLite's SQLITE_TOOBIG error, never a trap here.
                    sqlite3_bind_text64(handle, index, $0.baseAddress, sqlite3_uint64($0.count), SQLITE_TRANSIENT,
                                        UInt8(SQLITE_UTF8))
                }
            }
        }
        guard rc == SQLITE_OK else { throw database.lastError(rc, sql: sql) }
    }

    // MARK: - Running

    /// Steps once: true when a row is available.
    package func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.lastError(rc, sql: sql)
        }
    }

    /// `sqlite3_reset`: its result repeats the last step's error, which that step already threw.
    package func reset() {
        sqlite3_reset(handle)
    }

    // MARK: - The current row
    //
    // The non-optional reads throw on NULL instead of reading it as 0 or "". The check costs one comparison on
    // the success path: the column's type is asked only when the value read is 0.

    package func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    package func int(_ index: Int32) throws -> Int {
        let value = sqlite3_column_int64(handle, index)
        if value == 0, isNull(index) { throw nullError(index) }
        return Int(value)
    }

    package func optionalInt(_ index: Int32) -> Int? {
        isNull(index) ? nil : Int(sqlite3_column_int64(handle, index))
    }

    package func double(_ index: Int32) throws -> Double {
        let value = sqlite3_column_double(handle, index)
        if value == 0, isNull(index) { throw nullError(index) }
        return value
    }

    package func string(_ index: Int32) throws -> String {
        if let text = optionalString(index) { return text }
        // NULL text is also how SQLite reports running out of memory while converting a value.
        guard isNull(index) else { throw DatabaseError(extendedCode: SQLITE_NOMEM, message: "out of memory", sql: sql) }
        throw nullError(index)
    }

    package func optionalString(_ index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// NULL read where a value is required, naming the column as the query names it.
    private func nullError(_ index: Int32) -> DatabaseError {
        let name = sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "\(index)"
        return DatabaseError(extendedCode: SQLITE_MISMATCH, message: "column \(name) is NULL where a value is required",
                             sql: sql)
    }
}

@available(*, unavailable)
extension SQLiteStatement: Sendable {}

/// SQLite's "copy this buffer now" destructor, which the C header spells as a cast of -1.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
