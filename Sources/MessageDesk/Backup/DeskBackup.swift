import Foundation

/// `desk backup`: a consistent copy of a live desk database, made while operators keep writing,
/// checked, and put in place atomically.
///
/// Why the online backup API and not `VACUUM INTO`: both finish on a busy desk (one backup step
/// reads one snapshot), but the backup API copies pages as they are — no rebuild of every table and
/// index — and the same call, run the other way, is how `desk restore` writes into a live database
/// safely, so one mechanism serves both. (sqlite.org's VACUUM page warns that SQLite does not fsync
/// the file `VACUUM INTO` writes; the copy path here flushes its file either way.)
public enum DeskBackup {
    /// Copies the database at `source` to `destination`.
    ///
    /// The copy is written to a temporary file beside `destination` (0600), checked
    /// (`integrity_check`, `foreign_key_check`) and flushed; only then is it renamed into place and
    /// the directory flushed. Refuses a `destination` that is the live database (or its -wal, -shm,
    /// -journal), however it is spelled, and an existing `destination` unless `replacing`. The
    /// schema is not migrated first: a backup is the database exactly as it was.
    @discardableResult
    public static func make<C: Clock>(
        of source: String, to destination: String, replacing: Bool, busyTimeoutMilliseconds: Int32 = 5_000,
        clock: C, migrator: Migrator = Migrator()
    ) throws -> BackupReport where C.Duration == Duration {
        let start = clock.now
        try DeskStore.checkDatabaseFile(at: source, mustExist: true)
        try checkDestination(destination, source: source, replacing: replacing)
        let database: Database
        do {
            database = try Database(path: source, options: .init(busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: false))
        } catch {
            throw DeskError(error, path: source)
        }
        let copy = try CheckedCopy.make(of: database, beside: destination, migrator: migrator) { check in
            guard check.isIntact else {
                throw DeskError(.badInput, "the copy of \(source) failed its check (\(check.summary)); \(destination) was not written — run `desk check`, and restore from an earlier backup if it fails")
            }
        }
        do {
            try copy.place(at: destination)
        } catch {
            copy.discard()
            throw error
        }
        return BackupReport(source: source, destination: destination, bytes: copy.bytes,
                            duration: start.duration(to: clock.now), check: copy.check)
    }

    /// Refuses a destination that would overwrite the live database, or anything without `replacing`.
    static func checkDestination(_ destination: String, source: String, replacing: Bool) throws {
        let directory = DurableFile.directory(of: destination)
        guard let place = FileIdentity(path: directory), place.isDirectory else {
            throw DeskError(.cannotCreate, "cannot write \(destination): there is no directory \(directory); create it (mkdir -m 700 \(directory)) or choose another place")
        }
        guard let existing = FileIdentity(path: destination) else { return }
        if existing.isDirectory {
            throw DeskError(.cannotCreate, "\(destination) is a directory; give the backup's file name, e.g. \(destination)/desk-backup.sqlite")
        }
        for suffix in ["", "-wal", "-shm", "-journal"] where existing.isSameFile(as: source + suffix) {
            throw DeskError(.cannotCreate, "\(destination) is the live database \(source + suffix) itself; give another path for the backup")
        }
        if !replacing {
            throw DeskError(.cannotCreate, "\(destination) already exists; choose another name, or add --overwrite to replace it")
        }
    }
}
