import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// `DeskRestore.restore`: what "newer writes" means, the kept copy, and the unusual starting points.
@Suite struct DeskRestoreTests {
    let now = at("2026-11-20T10:15:00+09:00")
    /// The `.before-restore` suffix for `now`: UTC, no separators.
    let stamp = "20261120T011500Z"

    /// Takes `count` messages from distinct callers, numbered from `first`.
    func take(_ count: Int, from first: Int, on desk: DeskStore, at time: Date) throws {
        for number in first..<(first + count) {
            _ = try desk.takeMessage(message(phone: String(format: "03-2222-%04d", number)), actor: "sato", at: time)
        }
    }

    /// A desk with two callbacks and a backup of it, in a directory of its own.
    func deskAndBackup() throws -> (desk: DeskStore, backup: String) {
        let desk = try makeDesk()
        try take(2, from: 1, on: desk, at: now)
        let backup = try makeTemporaryDirectory() + "/backup.sqlite"
        try DeskBackup.make(of: desk.path, to: backup, replacing: false, clock: StoppedClock())
        return (desk, backup)
    }

    @Test func newerWritesAreRefusedWithoutForceAndKeptWithIt() throws {
        let (desk, backup) = try deskAndBackup()
        let backupEvents = try eventLines(backup)
        try take(1, from: 3, on: desk, at: now.addingTimeInterval(600))   // three events: caller, call, callback
        let live = desk.path, kept = live + ".before-restore-" + stamp
        let liveEvents = try eventLines(live)
        let newer = NewerWrites(
            liveLast: LastEvent(id: 13, at: "2026-11-20T01:25:00Z", actor: "sato", kind: "callback.opened", subject: "callback", subjectID: 3),
            backupLast: LastEvent(id: 10, at: "2026-11-20T01:15:00Z", actor: "sato", kind: "callback.opened", subject: "callback", subjectID: 2),
            eventsAfterBackup: 3, diverged: false)
        #expect(throws: DeskError(.badInput, "\(live) has writes newer than the backup: its last event #13 (2026-11-20T01:25:00Z, callback.opened) is not in the backup, whose last event is #10 (2026-11-20T01:15:00Z) (3 events after it); restoring would undo them — if that is what you want, add --force (the current database is then kept as \(kept))")) {
            try DeskRestore.restore(from: backup, into: live, force: false, now: now, clock: StoppedClock())
        }
        #expect(try eventLines(live) == liveEvents)
        let directory = (live as NSString).deletingLastPathComponent
        #expect(try listing(directory).filter { !$0.hasPrefix("desk.sqlite") } == [])

        let report = try DeskRestore.restore(from: backup, into: live, force: true, now: now, clock: StoppedClock())
        #expect(report.keptAs == kept)
        #expect(report.undone == newer)
        #expect(report.migrated == [])
        #expect(report.duration == .zero)
        #expect(report.check == DatabaseCheck(integrityProblems: [], foreignKeyViolations: [], schema: .current(applied: allMigrations)))
        #expect(try eventLines(live) == backupEvents)
        #expect(try eventLines(kept) == liveEvents)
        #expect(try mode(kept) == 0o600)
        // The open store sees the restored database at its next read.
        #expect(try desk.callbacks(CallbackFilter(), at: now).count == 2)
        #expect(try listing(directory).filter { $0.hasPrefix(".") } == [])
    }

    @Test func aBackupHoldingEveryWriteRestoresWithoutForce() throws {
        let (desk, backup) = try deskAndBackup()
        let report = try DeskRestore.restore(from: backup, into: desk.path, force: false, now: now, clock: StoppedClock())
        #expect(report.undone == nil)
        #expect(report.keptAs == desk.path + ".before-restore-" + stamp)
        #expect(try eventLines(desk.path) == eventLines(backup))
    }

    @Test func aBackupOfAnotherDeskIsAHistoryThatWentApart() throws {
        let (desk, _) = try deskAndBackup()
        let other = try makeDesk(now: at("2026-11-19T09:00:00+09:00"))
        try take(2, from: 1, on: other, at: at("2026-11-19T09:30:00+09:00"))
        let backup = try makeTemporaryDirectory() + "/other.sqlite"
        try DeskBackup.make(of: other.path, to: backup, replacing: false, clock: StoppedClock())
        do {
            try DeskRestore.restore(from: backup, into: desk.path, force: false, now: now, clock: StoppedClock())
            Issue.record("another desk's backup replaced this one without --force")
        } catch let error as DeskError {
            #expect(error.kind == .badInput)
            #expect(error.message.contains("its last event #10 (2026-11-20T01:15:00Z, callback.opened) differs from the backup's event #10: the histories went apart"))
        }
        let report = try DeskRestore.restore(from: backup, into: desk.path, force: true, now: now, clock: StoppedClock())
        #expect(report.undone?.diverged == true)
        #expect(try eventLines(desk.path) == eventLines(backup))
    }

    @Test func aMissingDatabaseIsRestoredAndALeftoverLogIsSetAside() throws {
        let (_, backup) = try deskAndBackup()
        let directory = try makeTemporaryDirectory()
        let live = directory + "/desk.sqlite"
        try Data("a log from a deleted database".utf8).write(to: URL(fileURLWithPath: live + "-wal"))
        try Data().write(to: URL(fileURLWithPath: live + "-shm"))
        let report = try DeskRestore.restore(from: backup, into: live, force: false, now: now, clock: StoppedClock())
        #expect(report.keptAs == nil && report.undone == nil)
        #expect(try listing(directory) == ["desk.sqlite", "desk.sqlite.before-restore-\(stamp)-wal"])
        #expect(try mode(live) == 0o600)
        #expect(try eventLines(live) == eventLines(backup))
    }

    @Test func anUnreadableDatabaseIsReplacedOnlyWithForceAndKept() throws {
        let (_, backup) = try deskAndBackup()
        let directory = try makeTemporaryDirectory()
        let live = directory + "/desk.sqlite"
        let garbage = Data((0..<16_384).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: URL(fileURLWithPath: live))
        let kept = live + ".before-restore-" + stamp
        #expect(throws: DeskError(.badInput, "\(live) cannot be read (file is not a database), so it cannot be compared with the backup; stop every desk using it, then add --force to replace it (it is kept as \(kept))")) {
            try DeskRestore.restore(from: backup, into: live, force: false, now: now, clock: StoppedClock())
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: live)) == garbage)
        let report = try DeskRestore.restore(from: backup, into: live, force: true, now: now, clock: StoppedClock())
        #expect(report.keptAs == kept)
        #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == garbage)
        #expect(try listing(directory) == ["desk.sqlite", "desk.sqlite.before-restore-\(stamp)"])
        #expect(try eventLines(live) == eventLines(backup))
    }

    @Test func anOlderBackupIsMigratedAfterTheRestore() throws {
        let (desk, backup) = try deskAndBackup()
        let later = Migrator(migrations: Migration.embedded + [Migration(id: "9000_later", sql: "CREATE TABLE later (x INTEGER)")])
        let report = try DeskRestore.restore(from: backup, into: desk.path, force: false, now: now, clock: StoppedClock(), migrator: later)
        #expect(report.check.schema == .older(applied: allMigrations, pending: ["9000_later"]))
        #expect(report.migrated == ["9000_later"])
        #expect(try later.appliedIDs(in: desk.database) == allMigrations + ["9000_later"])
    }

    @Test func aRestoreWaitsForTheWriteLockAndChangesNothingWhenItCannotHaveIt() throws {
        let (desk, backup) = try deskAndBackup()
        try take(1, from: 3, on: desk, at: now)
        let before = try eventLines(desk.path)
        try desk.database.execute("BEGIN IMMEDIATE")
        defer { try? desk.database.execute("ROLLBACK") }
        #expect(throws: DeskError(.busy, "\(desk.path) is busy: another desk held it past the busy timeout; try again (or raise DESK_BUSY_TIMEOUT)")) {
            try DeskRestore.restore(from: backup, into: desk.path, force: true, now: now, busyTimeoutMilliseconds: 0, clock: StoppedClock())
        }
        try desk.database.execute("ROLLBACK")
        #expect(try eventLines(desk.path) == before)
        let directory = (desk.path as NSString).deletingLastPathComponent
        #expect(try listing(directory).filter { $0.contains("before-restore") || $0.hasPrefix(".") } == [])
    }

    @Test func anEmptyFileWhereTheDatabaseShouldBeIsReplacedWithoutForceAndKept() throws {
        let (_, backup) = try deskAndBackup()
        let directory = try makeTemporaryDirectory()
        let live = directory + "/desk.sqlite"
        _ = FileManager.default.createFile(atPath: live, contents: nil)
        let report = try DeskRestore.restore(from: backup, into: live, force: false, now: now, clock: StoppedClock())
        #expect(report.undone == nil)
        #expect(report.keptAs == live + ".before-restore-" + stamp)
        #expect(try listing(directory) == ["desk.sqlite", "desk.sqlite.before-restore-\(stamp)"])
        #expect(try eventLines(live) == eventLines(backup))
    }
}
