import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// A simulation's own database: marked when created, replaced whole, and never a real desk.
@Suite struct SimulationDatabaseTests {
    let now = at("2026-11-20T10:00:00+09:00")

    /// Every desk that exists migrates as a real desk, with its data; so does every new `desk init`.
    @Test func existingDesksMigrateAsRealDesks() throws {
        let path = try makeTemporaryDirectory() + "/old.sqlite"
        let before = Migrator(migrations: Migration.embedded.filter { $0.id < "0007" })
        let old = try DeskStore.open(path: path, mode: .create, now: now, migrator: before)
        try OlderDesk.fillMorningAt0003(old.database)
        #expect(try old.purpose() == .desk)
        let store = try DeskStore.open(path: path, mode: .create, now: now)
        #expect(try store.purpose() == .desk)
        #expect(try store.staff(handle: "tanaka").displayName == "田中")
        #expect(store.account?.code == "default")
        #expect(try DeskStore.open(path: ":memory:", mode: .create, now: now).purpose() == .desk)
        #expect(try SimulationDatabase.create(path: ":memory:", now: now).purpose() == .simulation)
    }

    /// The database itself keeps the mark: a desk with any history cannot be turned into a simulation,
    /// a simulation cannot be turned back, and the mark cannot be removed.
    @Test func theMarkIsSetOnceAtCreation() throws {
        let desk = try makeDesk(now: now)
        #expect(throws: DeskError.self) { try desk.markAsSimulation() }
        #expect(try desk.purpose() == .desk)
        let simulation = try SimulationDatabase.create(path: ":memory:", now: now)
        for change in ["UPDATE database_purpose SET purpose = 'desk'", "DELETE FROM database_purpose",
                       "INSERT INTO database_purpose (id, purpose) VALUES (2, 'desk')"] {
            #expect(throws: DatabaseError.self) { try simulation.database.execute(change) }
        }
        #expect(try simulation.purpose() == .simulation)
    }

    @Test func createRefusesAFileThatHoldsAnything() throws {
        let desk = try makeDesk(now: now)
        #expect(throws: DeskError(.badInput, "\(desk.path) already exists; a simulation database is created new")) {
            _ = try SimulationDatabase.create(path: desk.path, now: now)
        }
        #expect(try desk.purpose() == .desk)
    }

    /// When the default simulation path itself holds a real desk, the refusal cannot suggest it.
    @Test func aRealDeskAtTheSuggestedPathIsRefusedWithoutSuggestingItself() throws {
        let desk = try makeDesk(now: now)
        #expect(throws: DeskError(.badInput, "\(desk.path) is a real desk, and a simulation would escalate its callbacks "
                                  + "and notify its staff; simulate into another, new file")) {
            try SimulationDatabase.replacing(desk.path, now: now, suggesting: desk.path) { _ in }
        }
    }

    /// A run that fails leaves the previous simulation exactly as it was, and no file of its own behind.
    @Test func aFailedRunLeavesThePreviousSimulationAndNoTemporaryFile() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/simulation.sqlite"
        try SimulationDatabase.replacing(path, now: now) { store in
            _ = try store.addStaff(NewStaff(handle: "sp0001", displayName: "営業1"), actor: "simulator", at: now)
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: DeskError(.badInput, "the run failed")) {
            try SimulationDatabase.replacing(path, now: now) { store in
                _ = try store.addStaff(NewStaff(handle: "sp0002", displayName: "営業2"), actor: "simulator", at: now)
                throw DeskError(.badInput, "the run failed")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try listing(directory) == ["simulation.sqlite"])
        let store = try DeskStore.open(path: path, mode: .existing, now: now)
        #expect(try store.allStaff().map(\.handle) == ["sp0001"])
        #expect(try store.purpose() == .simulation)
    }
}

extension SimulationDatabaseTests {
    /// A killed run leaves its half-built database (and journals) beside the simulation; the next run
    /// removes them, but never the files of a run still going (it holds them locked).
    @Test func theNextRunRemovesWhatAKilledRunLeftButNotALiveRunsFiles() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/simulation.sqlite"
        let killed = directory + "/.simulation.sqlite.partial-Ab12Cd"
        let live = directory + "/.simulation.sqlite.partial-Ef34Gh"
        let orphan = directory + "/.simulation.sqlite.partial-Ij56Kl-wal"
        let starting = directory + "/.simulation.sqlite.partial-Mn78Op"
        let otherBackup = directory + "/.desk.sqlite.partial-Qr90St"
        for file in [killed, killed + "-wal", live, live + "-wal", orphan, otherBackup] {
            try Data("half a database".utf8).write(to: URL(fileURLWithPath: file))
        }
        try Data().write(to: URL(fileURLWithPath: starting))
        // The writer queue's lock file of a database that is no longer there (replaced by an earlier run).
        let staleLock = directory + "/.messagedesk-writers-1-1.lock"
        try Data().write(to: URL(fileURLWithPath: staleLock))
        let held = open(live, O_RDONLY | O_CLOEXEC)
        defer { close(held) }
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        try SimulationDatabase.replacing(path, now: now) { _ in }
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        // Every unlocked partial file in the directory is abandoned, whoever made it (`PartialFile`): a
        // backup's, a run's that had not locked its file yet (which then makes another), an orphan journal;
        // so is the writer lock of a database that is gone. The new simulation's own writer lock stays.
        let liveLock = try #require(WriterQueue(databasePath: path)).lockPath
        #expect(left == [PathParts(liveLock).name, ".simulation.sqlite.partial-Ef34Gh", ".simulation.sqlite.partial-Ef34Gh-wal",
                         "simulation.sqlite"])
    }
}
