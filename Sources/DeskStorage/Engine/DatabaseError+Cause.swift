extension DatabaseError {
    /// What went wrong, in the terms the desk explains to people: every engine maps its own codes onto these
    /// (SQLite's result codes, PostgreSQL's SQLSTATE classes), and the store and the CLI map these to exit codes.
    package enum Cause: Sendable, Equatable {
        /// Another writer held the database past the busy timeout (SQLite `BUSY`, `LOCKED`; PostgreSQL
        /// `55P03 lock_not_available`, `40001`/`40P01`).
        case busy
        /// The file is not a database (SQLite `NOTADB`).
        case notADatabase
        /// The database is damaged (SQLite `CORRUPT`; PostgreSQL `XX001 data_corrupted`).
        case corrupt
        /// The database or its directory cannot be opened (SQLite `CANTOPEN`; PostgreSQL `08001`, `3D000`).
        case cannotOpen
        /// The operating system or the server refused access (SQLite `PERM`, `AUTH`; PostgreSQL `42501`, `28P01`).
        case permission
        /// The database may be read but not written (SQLite `READONLY`; PostgreSQL `25006 read_only_sql_transaction`).
        case readOnly
        /// The disk is full (SQLite `FULL`; PostgreSQL `53100 disk_full`).
        case full
        /// Reading or writing failed (SQLite `IOERR`; PostgreSQL `58030 io_error`).
        case io
        /// A constraint refused the change (SQLite `CONSTRAINT`; PostgreSQL class `23`).
        case constraint(Constraint)
        /// Anything else: the error's own text says what.
        case other

        /// The kind of constraint that refused a change.
        package enum Constraint: Sendable, Equatable {
            /// A unique or primary key (SQLite `CONSTRAINT_UNIQUE`, `_PRIMARYKEY`; PostgreSQL `23505`).
            case unique
            /// A reference to a row that does not exist, or from one (`CONSTRAINT_FOREIGNKEY`; `23503`).
            case foreignKey
            /// A CHECK constraint (`CONSTRAINT_CHECK`; `23514`).
            case check
            /// NOT NULL (`CONSTRAINT_NOTNULL`; `23502`).
            case notNull
            /// Another: a trigger's refusal, a rowid out of range (`CONSTRAINT_TRIGGER`; `P0001` from a trigger).
            case other
        }

        /// True for the causes that mean the file could not be opened or written as asked.
        package var refusesAccess: Bool { self == .cannotOpen || self == .readOnly || self == .permission }

        /// True for the causes that mean the database itself is damaged or is not a database.
        package var meansDamage: Bool { self == .corrupt || self == .notADatabase }

        /// True for every constraint, whatever its kind.
        package var isConstraint: Bool {
            if case .constraint = self { return true }
            return false
        }
    }
}
