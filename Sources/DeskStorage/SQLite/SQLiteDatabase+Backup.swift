import CSQLite

extension SQLiteDatabase {
    /// Copies this whole database into `destination` with SQLite's online backup API, in one step.
    ///
    /// One `sqlite3_backup_step(-1)`, never an incremental loop: sqlite.org says "If the source
    /// database is modified by an external process or via a database connection other than the one
    /// being used by the backup operation, then the backup will be automatically restarted by the
    /// next call to sqlite3_backup_step()" — on a desk where operators commit every few seconds a
    /// loop of small steps may never finish. One step copies every page inside one read transaction
    /// of the source; in WAL mode that snapshot does not stop other processes from writing.
    ///
    /// `whileDestinationLocked` runs after the destination is locked and before anything is copied:
    /// "The first call to sqlite3_backup_step() obtains an exclusive lock on the destination file.
    /// The exclusive lock is not released until either sqlite3_backup_finish() is called or the
    /// backup operation is complete". A first step of zero pages takes that lock, so the closure
    /// sees the destination exactly as the copy will replace it, and nobody can commit to it in
    /// between. If the closure throws, nothing is copied and the destination is unchanged.
    ///
    /// `sqlite3_backup_finish` runs on every path. The destination connection must have no open
    /// transaction (SQLite refuses to start a backup into one), and be SQLite's.
    package func backup(to other: any DatabaseConnection, whileDestinationLocked: (() throws -> Void)?) throws {
        guard let destination = other as? SQLiteDatabase else {
            throw DatabaseError(extendedCode: SQLITE_MISUSE, message:
                "an SQLite database can be copied only into another SQLite database; copy it row by row into \(other.dialect.name)")
        }
        if whileDestinationLocked != nil, try scalarInt("PRAGMA page_count") == 0 {
            // A source without pages is copied by the very first step, before the closure could run.
            throw DatabaseError(extendedCode: SQLITE_EMPTY, message: "the source database is empty; there is nothing to copy")
        }
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            let rc = sqlite3_errcode(destination.handle)
            throw destination.lastError(rc == SQLITE_OK ? SQLITE_ERROR : rc, sql: nil)
        }
        var finished = false
        defer { if !finished { sqlite3_backup_finish(backup) } }

        var rc = SQLITE_OK
        if let whileDestinationLocked {
            rc = sqlite3_backup_step(backup, 0)
            // DONE here would mean the copy already happened (a source of zero pages, which the check
            // above rules out): the closure would come too late to stop it, so it is an error.
            guard rc == SQLITE_OK else {
                throw finish(backup, &finished, step: rc == SQLITE_DONE ? SQLITE_MISUSE : rc, destination)
            }
            try whileDestinationLocked()
        }
        rc = sqlite3_backup_step(backup, -1)
        guard rc == SQLITE_DONE else { throw finish(backup, &finished, step: rc, destination) }
        finished = true
        let finishRC = sqlite3_backup_finish(backup)
        guard finishRC == SQLITE_OK else { throw destination.lastError(finishRC, sql: nil) }
    }

    /// Ends a failed backup and returns its error: `sqlite3_backup_finish` leaves the step's error
    /// code and message on the destination connection.
    private func finish(_ backup: OpaquePointer, _ finished: inout Bool, step rc: Int32,
                        _ destination: SQLiteDatabase) -> DatabaseError {
        finished = true
        let finishRC = sqlite3_backup_finish(backup)
        let code = finishRC != SQLITE_OK ? finishRC : rc
        if (code & 0xFF) == SQLITE_READONLY {
            // SQLite's own message ("attempt to write a readonly database") hides the second cause.
            return DatabaseError(extendedCode: code, message:
                "the destination is read-only, or in WAL mode with a page size other than the source's")
        }
        return destination.lastError(code, sql: nil)
    }
}
