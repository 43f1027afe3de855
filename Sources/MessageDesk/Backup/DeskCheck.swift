import DeskStorage

/// `desk check`: whether a database is intact and usable by this binary, without changing it.
public enum DeskCheck {
    /// Checks the database at `path`: integrity (CHECK constraints included), foreign keys, schema
    /// version. Changes nothing, not even by applying a pending migration; refuses what is not a desk
    /// as every command does (`DeskFile`).
    public static func run(on path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws -> DatabaseCheck {
        try run(on: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds, migrator: Migrator())
    }

    /// The same, with the migrations this binary is taken to know (tests give older or newer sets).
    package static func run(on path: String, busyTimeoutMilliseconds: Int32 = 5_000,
                            migrator: Migrator) throws -> DatabaseCheck {
        _ = try DeskFile.inspect(path, migrator: migrator).requireDesk(at: path)
        do {
            let database = try openForCheck(path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            return try DatabaseCheck.run(on: database, migrator: migrator)
        } catch {
            throw DeskError(error, path: path)
        }
    }

    /// The stored settings of the desk at `path` that are not in force (read-only, like `run`). Only for a
    /// database that `run` found usable: another has no settings to read.
    public static func settingProblems(on path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws -> [SettingProblem] {
        do {
            let database = try DeskFile.openWithoutChanging(path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            return try database.read { try DeskStore.settingProblemsOfEveryScope(in: database) }
        } catch {
            throw DeskError(error, path: path)
        }
    }

    /// A connection that may write, told to write nothing (`query_only`), its journal mode left as
    /// it is — so that checking a backup file leaves it byte for byte as it was. Not a read-only
    /// connection: SQLite does not even parse CHECK constraints on one, and its integrity check then
    /// passes rows that break them. Where the file cannot be written (its mode, a read-only mount)
    /// the connection is read-only after all, and `DatabaseCheck.run` checks a copy instead.
    static func openForCheck(_ path: String, busyTimeoutMilliseconds: Int32) throws -> Database {
        do {
            let database = try DatabaseEngine.open(path, options: .init(
                busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: false, keepsJournalMode: true))
            try database.refuseWrites()
            return database
        } catch let error as DatabaseError where error.cause.refusesAccess {
            // Its -shm cannot be made, or the file not opened for writing: read it without writing.
            return try DeskFile.openWithoutChanging(path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        }
    }

    /// The error to exit with, or nil when the check found nothing wrong: bad data (65) for a failed
    /// integrity or foreign key check, configuration (78) for a schema from a newer MessageDesk.
    public static func problem(_ check: DatabaseCheck, path: String) -> DeskError? {
        if !check.isIntact {
            return DeskError(.badInput, "\(path) failed its check: \(check.summary); restore it from a backup (see `desk restore --help`)")
        }
        switch check.schema {
        case .current, .older:
            return nil
        case .newer(_, let unknown):
            return DeskError(Migrator.Failure.newerDatabase(unknown: unknown), path: path)
        case .notADesk, .unreadable:
            return DeskError(.badInput, "\(path) is not a MessageDesk database (it records no migrations); check --db or $DESK_DB")
        }
    }
}
