import CSQLite

extension DatabaseError {
    /// An error SQLite reported, with its extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, …).
    package init(extendedCode: Int32, message: String, sql: String? = nil, systemErrno: Int32 = 0) {
        let name = sqlite3_errstr(extendedCode).map { String(cString: $0) } ?? "error"
        self.init(cause: Self.cause(ofSQLiteCode: extendedCode), message: message, sql: sql, systemErrno: systemErrno,
                  engineCode: EngineCode(engine: "SQLite", code: String(extendedCode), name: name))
    }

    /// SQLite's extended result code; 0 for an error of another engine.
    package var extendedCode: Int32 {
        engineCode.engine == "SQLite" ? Int32(engineCode.code) ?? 0 : 0
    }

    /// SQLite's primary result code: the low 8 bits of the extended code.
    package var code: Int32 { extendedCode & 0xFF }

    /// Lets `catch let error as DatabaseError where SQLITE_BUSY ~= error` match every busy code (SQLite's tests).
    package static func ~= (primary: Int32, error: DatabaseError) -> Bool {
        error.code == primary
    }

    /// The neutral cause of an SQLite result code, from its primary code (and, for constraints, its extended one).
    static func cause(ofSQLiteCode extended: Int32) -> Cause {
        switch extended & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_NOTADB: .notADatabase
        case SQLITE_CORRUPT: .corrupt
        case SQLITE_CANTOPEN: .cannotOpen
        case SQLITE_PERM, SQLITE_AUTH: .permission
        case SQLITE_READONLY: .readOnly
        case SQLITE_FULL: .full
        case SQLITE_IOERR: .io
        case SQLITE_CONSTRAINT:
            // The extended constraint codes, `SQLITE_CONSTRAINT | (n << 8)` (Swift does not import those macros).
            switch extended >> 8 {
            case 8, 6: .constraint(.unique)       // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
            case 3: .constraint(.foreignKey)      // SQLITE_CONSTRAINT_FOREIGNKEY
            case 1: .constraint(.check)           // SQLITE_CONSTRAINT_CHECK
            case 5: .constraint(.notNull)         // SQLITE_CONSTRAINT_NOTNULL
            default: .constraint(.other)
            }
        default: .other
        }
    }

    /// The error SQLite itself gives for a file that is not a database, for a check that finds one without it.
    package static func notADatabase(_ message: String) -> DatabaseError {
        DatabaseError(extendedCode: SQLITE_NOTADB, message: message)
    }
}
