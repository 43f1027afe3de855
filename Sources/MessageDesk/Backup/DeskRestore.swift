import DeskStorage
import Foundation

/// `desk restore`: replaces the live database with a backup, after checking the backup, and keeps
/// the database as it was in a dated `.before-restore-YYYYMMDDTHHMMSSZ` copy.
///
/// How the replacement is made, and why. Other `desk` processes may have the live database open,
/// with its `-wal` and `-shm` beside it. Renaming a file over it would leave them writing to the
/// old, unlinked file (their commits silently lost), and a `-wal` left beside the new file would be
/// replayed into it and corrupt it. So the restore writes *into* the live database with SQLite's
/// online backup API, from a checked copy of the backup: SQLite takes the database's write lock,
/// writes every page through its own WAL, and commits once; other processes see the old database
/// or the restored one, never a mix, and their next transaction reads the new schema.
///
/// The comparison with the backup and the `.before-restore` copy are made *while that write lock
/// is held* (`Database.backup(to:whileDestinationLocked:)`), so nobody can commit between the check
/// and the replacement: the kept copy is exactly what was replaced. Writers wait for the lock for
/// their busy timeout, as they do for any long write, and fail with "busy, try again" after it.
///
/// Only when the live file cannot be opened as a database at all (its header is destroyed) is it
/// replaced by rename, with `--force`: the damaged file and its `-wal` are moved aside to the
/// `.before-restore` name, its `-shm` removed, and the checked copy renamed into place. No desk
/// can be using a file SQLite cannot read.
public enum DeskRestore {
    /// Restores `live` from the backup at `source`.
    ///
    /// - Parameters:
    ///   - force: restore even when the live database has writes newer than the backup (see
    ///     `NewerWrites` for the exact rule) or cannot be read.
    ///   - now: names the `.before-restore` copy, and stamps migrations applied to an older backup.
    ///   - keep: how many `.before-restore` copies of `live` to keep, the newest; older ones are removed.
    @discardableResult
    public static func restore<C: Clock>(
        from source: String, into live: String, force: Bool, now: Date, keep: Int = defaultKept,
        busyTimeoutMilliseconds: Int32 = 5_000, clock: C
    ) throws -> RestoreReport where C.Duration == Duration {
        try restore(from: source, into: live, force: force, now: now, keep: keep,
                    busyTimeoutMilliseconds: busyTimeoutMilliseconds, clock: clock, migrator: Migrator())
    }

    /// The same, with the migrations this binary is taken to know (tests give older or newer sets).
    @discardableResult
    package static func restore<C: Clock>(
        from source: String, into live: String, force: Bool, now: Date, keep: Int = defaultKept,
        busyTimeoutMilliseconds: Int32 = 5_000, clock: C, migrator: Migrator
    ) throws -> RestoreReport where C.Duration == Duration {
        let start = clock.now
        let keptPath = live + ".before-restore-" + stamp(now)
        guard let sourceFile = FileIdentity(path: source), !sourceFile.isDirectory else {
            throw DeskError(.noDatabase, "no backup file at \(source); give the path of a backup made by `desk backup`")
        }
        try DeskStore.refuseDirectory(at: live)
        if sourceFile.isSameFile(as: live) {
            throw DeskError(.badInput, "\(source) is the live database itself; give the path of a backup to restore from")
        }
        let removed = PartialFile.removeAbandoned(in: DurableFile.directory(of: live))

        // A checked copy of the backup, beside the live database: what is checked is what is restored.
        // Migrations it lacks are applied to the copy, before anything of the live database changes.
        let backup = try openBackup(source, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        let copy = try CheckedCopy.make(of: backup, beside: live, migrator: migrator) { check, _ in
            try accept(check, of: source)
        }
        defer { copy.discard() }
        let migrated = try migrate(copy, migrator: migrator, now: now)
        if FileIdentity(path: keptPath) != nil {
            throw DeskError(.cannotCreate, "\(keptPath) already exists (a restore in the same second?); try again")
        }

        var keptAs: String?
        var undone: NewerWrites?
        if FileIdentity(path: live) == nil {
            try setAsideLeftovers(of: live, keptPath: keptPath)
            try copy.place(at: live)
        } else {
            do {
                (keptAs, undone) = try writeInto(live, from: copy, keptPath: keptPath, force: force,
                                                 busyTimeoutMilliseconds: busyTimeoutMilliseconds, migrator: migrator)
            } catch Unreadable.live(let reason) {
                guard force else {
                    throw DeskError(.badInput, "\(live) cannot be read (\(reason)), so it cannot be compared with the backup; stop every desk using it, then add --force to replace it (it is kept as \(keptPath))")
                }
                try setAsideLeftovers(of: live, keptPath: keptPath, main: true)
                try copy.place(at: live)
                keptAs = keptPath
            }
        }
        let removedCopies = removeOldCopies(of: live, keeping: keep)
        return RestoreReport(database: live, source: source, bytes: copy.bytes, duration: start.duration(to: clock.now),
                             check: copy.check, keptAs: keptAs, undone: undone, migrated: migrated,
                             removed: removed, removedCopies: removedCopies)
    }

    /// How many `.before-restore` copies a restore keeps unless told otherwise.
    public static let defaultKept = 3

    /// `YYYYMMDDTHHMMSSZ`, UTC: sorts by time, and no character a shell or a file system minds.
    static func stamp(_ now: Date) -> String {
        Timestamp.format(now).filter { $0 != "-" && $0 != ":" }
    }

    // MARK: - The backup

    /// Opens the backup read-only, so that restoring from it never changes it.
    private static func openBackup(_ source: String, busyTimeoutMilliseconds: Int32) throws -> Database {
        do {
            return try DatabaseEngine.open(source, options: .init(
                busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: false, readOnly: true))
        } catch let error as DatabaseError where error.meansDamagedFile {
            throw DeskError(.badInput, "\(source) is not a usable backup (\(error.message)); nothing was changed — choose another backup")
        } catch {
            throw DeskError(error, path: source)
        }
    }

    /// Refuses a backup that is damaged, not a desk, or from a newer MessageDesk.
    private static func accept(_ check: DatabaseCheck, of source: String) throws {
        guard check.isIntact else {
            throw DeskError(.badInput, "\(source) failed its check (\(check.summary)); nothing was changed — choose another backup")
        }
        switch check.schema {
        case .current, .older:
            return
        case .newer(_, let unknown):
            throw DeskError(.configuration, "\(source) was written by a newer MessageDesk (unknown migrations: \(unknown.joined(separator: ", "))); nothing was changed — upgrade desk to restore it")
        case .notADesk, .unreadable:
            throw DeskError(.badInput, "\(source) is not a MessageDesk database (it records no migrations); nothing was changed — choose another backup")
        }
    }

    // MARK: - Writing into the live database

    /// The live database could not be read; carries SQLite's reason.
    private enum Unreadable: Error {
        case live(String)
    }

    /// Compares, keeps a copy, and writes the backup into the live database, all under its write lock.
    private static func writeInto(
        _ live: String, from copy: CheckedCopy, keptPath: String, force: Bool, busyTimeoutMilliseconds: Int32,
        migrator: Migrator
    ) throws -> (keptAs: String, undone: NewerWrites?) {
        let options = ConnectionOptions(busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: false)
        let destination: Database, reader: Database, restored: Database
        do {
            destination = try DatabaseEngine.open(live, options: options)
            // A second connection reads the live database while the first holds its write lock (WAL
            // readers are never blocked by the writer): the comparison and the kept copy.
            reader = try DatabaseEngine.open(live, options: options)
        } catch let error as DatabaseError where error.meansDamagedFile {
            throw Unreadable.live(error.message)
        } catch {
            throw DeskError(error, path: live)
        }
        do {
            // Read-write, for the id sequence below; its journal mode stays rollback.
            restored = try DatabaseEngine.open(copy.temporaryPath, options: .init(create: false, keepsJournalMode: true))
        } catch {
            throw DeskError(error, path: copy.temporaryPath)
        }

        var undone: NewerWrites?
        do {
            try restored.backup(to: destination) {
                do {
                    undone = try NewerWrites.find(live: reader, backup: restored)
                } catch let error as DatabaseError where error.meansDamagedFile {
                    if !force { throw Unreadable.live(error.message) }
                }
                if let undone, !force {
                    throw DeskError(.badInput, "\(live) has writes newer than the backup: \(undone.explanation); restoring would undo them — if that is what you want, add --force (the current database is then kept as \(keptPath))")
                }
                // The database exactly as it is about to be replaced, kept whatever its state: when
                // it is damaged, the damaged copy is the evidence.
                let kept = try CheckedCopy.make(of: reader, beside: keptPath, migrator: migrator) { _, _ in }
                try kept.place(at: keptPath)
                // Ids the live database handed out stay taken, in the database that replaces it.
                try IDHighWater.raise(restored, above: reader)
            }
        } catch let error as DatabaseError {
            throw DeskError(error, path: live)
        }
        return (keptPath, undone)
    }

    /// Moves files a previous database left beside `live` out of SQLite's way: its `-wal` (which
    /// SQLite would replay into the new file) and rollback `-journal` go beside the kept copy, and
    /// `-shm` (an index of the `-wal`, rebuilt from it) is removed. With `main`, the main file too.
    private static func setAsideLeftovers(of live: String, keptPath: String, main: Bool = false) throws {
        var moves: [(String, String)] = [(live + "-wal", keptPath + "-wal"), (live + "-journal", keptPath + "-journal")]
        if main { moves.insert((live, keptPath), at: 0) }
        for (from, to) in moves where FileIdentity(path: from) != nil {
            guard rename(from, to) == 0 else {
                throw DeskError.system(errno, "cannot move \(from) aside to \(to)", hint: "check the directory")
            }
        }
        DurableFile.removeIfPresent(live + "-shm")
        try DurableFile.syncDirectory(of: live)
    }

    /// Applies the migrations an older backup lacks to its checked copy; returns their ids.
    private static func migrate(_ copy: CheckedCopy, migrator: Migrator, now: Date) throws -> [String] {
        do {
            let database = try DatabaseEngine.open(copy.temporaryPath, options: .init(create: false, keepsJournalMode: true))
            guard try !migrator.pendingIDs(in: database).isEmpty else { return [] }
            return try migrator.migrate(database, at: Timestamp.format(now))
        } catch {
            throw DeskError(error, path: copy.temporaryPath)
        }
    }

    // MARK: - Retention of the copies

    /// Removes all but the `keep` newest `.before-restore` copies of `live` (with the `-wal` and
    /// `-journal` set aside beside them); returns the names removed.
    static func removeOldCopies(of live: String, keeping keep: Int) -> [String] {
        let directory = DurableFile.directory(of: live)
        let prefix = PathParts(live).name + ".before-restore-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []   // cannot list: remove nothing
        // The stamp sorts by time: YYYYMMDDTHHMMSSZ.
        let stamps = Set(names.compactMap { name -> String? in
            guard name.hasPrefix(prefix) else { return nil }
            let stamp = String(name.dropFirst(prefix.count).prefix(16))
            return stamp.count == 16 && stamp.hasSuffix("Z") ? stamp : nil
        }).sorted(by: >)
        var removed: [String] = []
        for stamp in stamps.dropFirst(max(keep, 1)) {
            for suffix in ["", "-wal", "-journal"] where names.contains(prefix + stamp + suffix) {
                if unlink(directory + "/" + prefix + stamp + suffix) == 0 { removed.append(prefix + stamp + suffix) }
            }
        }
        return removed.sorted()
    }
}
