import CSQLite

/// An error reported by SQLite: its extended result code, `sqlite3_errmsg`, and the SQL that failed.
///
/// Bound values are never part of the error: they may be personal data (phone numbers, names).
package struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, …).
    package let extendedCode: Int32
    /// SQLite's own explanation (`sqlite3_errmsg`).
    package let message: String
    /// The statement that failed, when there was one.
    package let sql: String?
    /// The operating system's `errno` behind it (`sqlite3_system_errno`), 0 when none: it tells a
    /// read-only file system (`EROFS`) from a missing directory, which SQLite reports alike.
    package let systemErrno: Int32

    /// The primary result code: the low 8 bits of the extended code.
    package var code: Int32 { extendedCode & 0xFF }

    package init(extendedCode: Int32, message: String, sql: String? = nil, systemErrno: Int32 = 0) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.systemErrno = systemErrno
    }

    package var description: String {
        let name = sqlite3_errstr(extendedCode).map { String(cString: $0) } ?? "error"
        var text = "SQLite error \(extendedCode) (\(name)): \(message)"
        if let sql { text += " — while running: \(sql)" }
        return text
    }

    /// Lets `catch let error as DatabaseError where SQLITE_BUSY ~= error` match every busy code.
    package static func ~= (primary: Int32, error: DatabaseError) -> Bool {
        error.code == primary
    }
}
