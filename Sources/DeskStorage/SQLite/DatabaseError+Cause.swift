import CSQLite

extension DatabaseError {
    /// What went wrong, in the terms the desk explains to people: callers above the storage layer match on
    /// this, never on an engine's result codes.
    package enum Cause: Sendable, Equatable {
        /// Another writer held the database past the busy timeout (`SQLITE_BUSY`, `SQLITE_LOCKED`).
        case busy
        /// The file is not a database (`SQLITE_NOTADB`).
        case notADatabase
        /// The file is damaged (`SQLITE_CORRUPT`).
        case corrupt
        /// The file or its directory cannot be opened (`SQLITE_CANTOPEN`).
        case cannotOpen
        /// The operating system or an authorizer refused access (`SQLITE_PERM`, `SQLITE_AUTH`).
        case permission
        /// The file may be read but not written (`SQLITE_READONLY`).
        case readOnly
        /// The disk is full (`SQLITE_FULL`).
        case full
        /// Reading or writing failed (`SQLITE_IOERR`).
        case io
        /// A constraint refused the change (`SQLITE_CONSTRAINT`).
        case constraint
        /// Anything else: the error's own text says what.
        case other

        /// True for the causes that mean the file could not be opened or written as asked.
        package var refusesAccess: Bool { self == .cannotOpen || self == .readOnly || self == .permission }
    }

    /// The cause of this error, from its primary result code.
    package var cause: Cause {
        switch code {
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_NOTADB: .notADatabase
        case SQLITE_CORRUPT: .corrupt
        case SQLITE_CANTOPEN: .cannotOpen
        case SQLITE_PERM, SQLITE_AUTH: .permission
        case SQLITE_READONLY: .readOnly
        case SQLITE_FULL: .full
        case SQLITE_IOERR: .io
        case SQLITE_CONSTRAINT: .constraint
        default: .other
        }
    }

    /// The error SQLite itself gives for a file that is not a database, for a check that finds one without it.
    package static func notADatabase(_ message: String) -> DatabaseError {
        DatabaseError(extendedCode: SQLITE_NOTADB, message: message)
    }
}
