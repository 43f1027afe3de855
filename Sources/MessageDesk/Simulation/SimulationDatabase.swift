import DeskStorage
import Foundation

/// The database a simulation plays its traffic into: one of its own, never the office's desk.
///
/// Run into a real desk, the simulated sweep escalated real callbacks and queued notifications to real
/// people. So a simulation database is marked as one when it is created (`DatabasePurpose`), and
/// `DaySimulation` runs into nothing else. A run builds its database afresh beside `path` and, only when
/// the run succeeded, renames it over `path`: the previous simulation is replaced whole, so two runs never
/// mix, and a failed run leaves the previous one as it was. Anything at `path` that is not a simulation —
/// a real desk (even an empty one), another program's database, any other file — is refused and left
/// untouched.
public enum SimulationDatabase {
    /// A new simulation database at `path`: created by the same path as `desk init`'s, then marked.
    /// `path` must be missing or an empty file; ":memory:" gives one that lives as long as the store.
    public static func create(path: String, now: Date, busyTimeoutMilliseconds: Int32 = 5_000) throws -> DeskStore {
        if path != ":memory:", let existing = FileIdentity(path: path), existing.isDirectory || existing.size > 0 {
            throw DeskError(.badInput, "\(path) already exists; a simulation database is created new")
        }
        let store = try DeskStore.open(path: path, mode: .create, busyTimeoutMilliseconds: busyTimeoutMilliseconds, now: now)
        try store.markAsSimulation()
        return store
    }

    /// Runs `body` on a new simulation database, which then replaces whatever simulation was at `path`;
    /// first removes what killed runs left beside `path`.
    ///
    /// - Parameter alternative: the simulation database to suggest when `path` is refused.
    public static func replacing<T>(_ path: String, now: Date, suggesting alternative: String? = nil,
                                    busyTimeoutMilliseconds: Int32 = 5_000, _ body: (DeskStore) throws -> T) throws -> T {
        if path == ":memory:" {
            return try body(create(path: path, now: now, busyTimeoutMilliseconds: busyTimeoutMilliseconds))
        }
        try checkReplaceable(path, suggesting: alternative)
        do {
            try DatabaseEngine.prepareDirectory(for: path)
        } catch {
            throw DeskError(error, path: path)
        }
        // A killed run leaves its partial database behind (a year's is hundreds of megabytes); a live run holds its lock.
        _ = PartialFile.removeAbandoned(in: DurableFile.directory(of: path))
        let run = try DurableFile.makeTemporary(beside: path)
        do {
            let result = try build(run.path, now: now, busyTimeoutMilliseconds: busyTimeoutMilliseconds, body)
            try DurableFile.sync(run.path)
            // What SQLite kept beside the old simulation would be read as the new one's: remove it first.
            DurableFile.removeJournals(of: path)
            try DurableFile.moveIntoPlace(run.path, at: path)
            return result
        } catch {
            run.discard()
            throw error
        }
    }

    /// Runs `body` on a new simulation database at `temporary` and leaves it one self-contained file, closed.
    private static func build<T>(_ temporary: String, now: Date, busyTimeoutMilliseconds: Int32,
                                 _ body: (DeskStore) throws -> T) throws -> T {
        let store = try create(path: temporary, now: now, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        let result = try body(store)
        // The rename must move everything; the first desk that opens the database turns WAL on again.
        try store.makeSelfContained()
        return result
    }

    // MARK: - What may be replaced

    /// Throws unless `path` is missing or holds a simulation database. Looks without changing a byte
    /// (`DeskFile`): another program's file must not be switched to WAL, nor a desk migrated.
    static func checkReplaceable(_ path: String, suggesting alternative: String?) throws {
        let file: DeskFile
        do {
            file = try DeskFile.inspect(path)
        } catch let error as DeskError where error.kind == .badInput {
            throw notASimulation(path, "it is not a SQLite database", suggesting: alternative)
        }
        switch file {
        case .missing: return
        case .empty: throw notASimulation(path, "it is an empty file", suggesting: alternative)
        case .otherDatabase: throw notASimulation(path, "it is another program's database", suggesting: alternative)
        case .desk:
            let purpose: DatabasePurpose?
            do {
                purpose = try DeskStore.purpose(of: DeskFile.openWithoutChanging(path))
            } catch {
                throw DeskError(error, path: path)
            }
            // A desk from before purposes were recorded (nil) is a real desk.
            guard purpose == .simulation else { throw realDesk(path, suggesting: alternative) }
        }
    }

    /// The refusal of a real desk.
    static func realDesk(_ path: String, suggesting alternative: String?) -> DeskError {
        DeskError(.badInput, "\(path) is a real desk, and a simulation would escalate its callbacks and notify its staff; "
                  + instead(of: path, alternative))
    }

    /// The refusal of a file that is neither a desk nor a simulation.
    static func notASimulation(_ path: String, _ reason: String, suggesting alternative: String?) -> DeskError {
        DeskError(.badInput, "\(path) is not a simulation database (\(reason)), and desk simulate replaces only its own; "
                  + instead(of: path, alternative))
    }

    private static func instead(of path: String, _ alternative: String?) -> String {
        guard let alternative, alternative != path else { return "simulate into another, new file" }
        return "simulate into \(alternative) or another new file"
    }
}
