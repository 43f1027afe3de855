/// An error from the storage engine, in the engine's own words and in the desk's (`cause`).
///
/// Callers above the storage layer match on `cause`, never on an engine's codes. Bound values are never part of
/// the error: they may be personal data (phone numbers, names).
package struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in terms every engine can report.
    package let cause: Cause
    /// The engine's own explanation (`sqlite3_errmsg`, a PostgreSQL error's primary message).
    package let message: String
    /// The statement that failed, when there was one.
    package let sql: String?
    /// The operating system's `errno` behind it, 0 when none: it tells a read-only file system (`EROFS`)
    /// from a missing directory, which an engine may report alike.
    package let systemErrno: Int32
    /// The engine's own code, for people and for that engine's tests.
    package let engineCode: EngineCode

    package init(cause: Cause, message: String, sql: String? = nil, systemErrno: Int32 = 0, engineCode: EngineCode) {
        (self.cause, self.message, self.sql) = (cause, message, sql)
        (self.systemErrno, self.engineCode) = (systemErrno, engineCode)
    }

    /// `SQLite error 1 (SQL logic error): no such table: callers — while running: SELECT …`.
    package var description: String {
        var text = "\(engineCode.engine) error \(engineCode.code) (\(engineCode.name)): \(message)"
        if let sql { text += " — while running: \(sql)" }
        return text
    }

    /// Lets `catch let error as DatabaseError where .busy ~= error` read like the engines' own code matches.
    package static func ~= (cause: Cause, error: DatabaseError) -> Bool {
        error.cause == cause
    }
}

/// How an engine names an error: SQLite's extended result code and its text (`2067`, `constraint failed`);
/// for PostgreSQL, the SQLSTATE and its condition name (`23505`, `unique_violation`).
package struct EngineCode: Sendable, Equatable {
    /// `SQLite`, `PostgreSQL`.
    package let engine: String
    package let code: String
    package let name: String

    package init(engine: String, code: String, name: String) {
        (self.engine, self.code, self.name) = (engine, code, name)
    }
}

extension DatabaseError {
    /// A call the storage layer refuses before any engine sees it (migrations inside a transaction).
    package static func refused(_ message: String) -> DatabaseError {
        DatabaseError(cause: .other, message: message,
                      engineCode: EngineCode(engine: "MessageDesk", code: "misuse", name: "refused by the storage layer"))
    }
}
