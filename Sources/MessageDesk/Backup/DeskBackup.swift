import DeskStorage
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
    /// (`integrity_check`, `foreign_key_check`, a desk's schema) and flushed; only then is it renamed
    /// into place and the directory flushed. Refuses a `source` that is not a desk (an empty file,
    /// another program's database), a `destination` that is the live database (or its -wal, -shm,
    /// -journal), however it is spelled, and an existing `destination` unless `replacing`. The
    /// schema is not migrated first: a backup is the database exactly as it was.
    ///
    /// Unless `allowingShrink`, the copy is also compared with the backup it replaces and with
    /// `previous` (`BackupShrink`): fewer events, or less than half the size, fails. Partial files
    /// that killed runs left beside `destination` are removed first.
    @discardableResult
    public static func make<C: Clock>(
        of source: String, to destination: String, replacing: Bool, previous: String? = nil,
        allowingShrink: Bool = false, busyTimeoutMilliseconds: Int32 = 5_000, clock: C
    ) throws -> BackupReport where C.Duration == Duration {
        try make(of: source, to: destination, replacing: replacing, previous: previous, allowingShrink: allowingShrink,
                 busyTimeoutMilliseconds: busyTimeoutMilliseconds, clock: clock, migrator: Migrator())
    }

    /// The same, with the migrations this binary is taken to know (tests give older or newer sets).
    @discardableResult
    package static func make<C: Clock>(
        of source: String, to destination: String, replacing: Bool, previous: String? = nil,
        allowingShrink: Bool = false, busyTimeoutMilliseconds: Int32 = 5_000,
        clock: C, migrator: Migrator
    ) throws -> BackupReport where C.Duration == Duration {
        let start = clock.now
        _ = try DeskFile.inspect(source, migrator: migrator).requireDesk(at: source)
        try checkDestination(destination, source: source, replacing: replacing)
        if let previous, FileIdentity(path: previous) == nil {
            throw DeskError(.noDatabase, "no backup at \(previous) to compare with (--previous); give an existing backup, or leave --previous out")
        }
        let removed = PartialFile.removeAbandoned(in: DurableFile.directory(of: destination))
        let earlier = allowingShrink ? [] : [destination] + (previous.map { [$0] } ?? [])
        let baselines = try earlier.compactMap(BackupShrink.Baseline.read)
        let database: Database
        do {
            database = try DatabaseEngine.open(source, options: .init(busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: false))
        } catch {
            throw DeskError(error, path: source)
        }
        let copy = try CheckedCopy.make(of: database, beside: destination, migrator: migrator) { check, copy in
            guard check.isIntact else {
                throw DeskError(.badInput, "the copy of \(source) failed its check (\(check.summary)); \(destination) was not written — run `desk check`, and restore from an earlier backup if it fails")
            }
            let size = FileIdentity(path: copy.path)?.size ?? 0
            let events = try EventCount.all(in: copy)
            for baseline in baselines {
                if let shrink = BackupShrink(events: events, bytes: size, against: baseline) {
                    throw DeskError(.badInput, "the copy of \(source) \(shrink.explanation): the database lost data or was replaced; \(destination) was not written — check the database (`desk check`), or add --allow-shrink if this is expected (after a restore)")
                }
            }
        }
        try copy.place(at: destination)
        return BackupReport(source: source, destination: destination, bytes: copy.bytes,
                            duration: start.duration(to: clock.now), check: copy.check, removed: removed)
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
