import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// `DeskBackup.make`: a checked, owner-only copy put in place atomically, and every refusal.
@Suite struct DeskBackupTests {
    let now = at("2026-11-20T10:15:00+09:00")
    let intact = DatabaseCheck(integrityProblems: [], foreignKeyViolations: [], schema: .current(applied: allMigrations))

    /// A desk with three callbacks, closed, and an empty directory for backups.
    func deskWithCallbacks() throws -> (live: String, backups: String) {
        let desk = try makeDesk()
        for number in ["03-1111-0001", "03-1111-0002", "03-1111-0003"] {
            _ = try desk.takeMessage(message(phone: number), actor: "sato", at: now)
        }
        let backups = try makeTemporaryDirectory()
        return (desk.path, backups)
    }

    @Test func aBackupIsACheckedOwnerOnlyCopyOfEveryRow() throws {
        let (live, backups) = try deskWithCallbacks()
        let destination = backups + "/desk-2026-11-20.sqlite"
        let report = try DeskBackup.make(of: live, to: destination, replacing: false, clock: StoppedClock())
        #expect(report == BackupReport(source: live, destination: destination,
                                       bytes: Int64(FileIdentity(path: destination)?.size ?? -1),
                                       duration: .zero, check: intact, removed: .none(in: backups)))
        #expect(report.bytes > 0)
        #expect(try listing(backups) == ["desk-2026-11-20.sqlite"])
        #expect(try mode(destination) == 0o600)
        #expect(try eventLines(destination) == eventLines(live))
        let copy = try SQLiteDatabase(path: destination, options: .init(create: false, readOnly: true))
        #expect(try copy.scalarInt("SELECT count(*) FROM callbacks") == 3)
        #expect(try copy.scalarText("PRAGMA journal_mode") == "delete")
    }

    @Test func anExistingDestinationIsReplacedOnlyWhenAsked() throws {
        let (live, backups) = try deskWithCallbacks()
        let destination = backups + "/b.sqlite"
        try Data("an older file".utf8).write(to: URL(fileURLWithPath: destination))
        #expect(throws: DeskError(.cannotCreate, "\(destination) already exists; choose another name, or add --overwrite to replace it")) {
            try DeskBackup.make(of: live, to: destination, replacing: false, clock: StoppedClock())
        }
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "an older file")
        try DeskBackup.make(of: live, to: destination, replacing: true, clock: StoppedClock())
        #expect(try eventLines(destination) == eventLines(live))
        #expect(try listing(backups) == ["b.sqlite"])
    }

    @Test func theLiveDatabaseIsNeverTheDestinationHoweverItIsNamed() throws {
        let (live, backups) = try deskWithCallbacks()
        let symlink = backups + "/link.sqlite", hardLink = backups + "/hard.sqlite"
        try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: live)
        #expect(link(live, hardLink) == 0)
        let before = try eventLines(live)
        let directory = (live as NSString).deletingLastPathComponent
        for destination in [live, symlink, hardLink, directory + "/../" + (directory as NSString).lastPathComponent + "/desk.sqlite"] {
            #expect(throws: DeskError(.cannotCreate, "\(destination) is the live database \(live) itself; give another path for the backup")) {
                try DeskBackup.make(of: live, to: destination, replacing: true, clock: StoppedClock())
            }
        }
        // Nor its write-ahead log, while a connection keeps it there.
        let open = try SQLiteDatabase(path: live, options: .init(create: false))
        try open.execute("CREATE TEMP TABLE keep_open (x)")
        try open.execute("INSERT INTO settings (key, value) VALUES ('time_zone', 'Asia/Tokyo')")
        #expect(throws: DeskError(.cannotCreate, "\(live)-wal is the live database \(live)-wal itself; give another path for the backup")) {
            try DeskBackup.make(of: live, to: live + "-wal", replacing: true, clock: StoppedClock())
        }
        #expect(try eventLines(live) == before)
        #expect(try listing(backups) == ["hard.sqlite", "link.sqlite"])
    }

    @Test func aMissingDirectoryOrADirectoryAsDestinationIsRefused() throws {
        let (live, backups) = try deskWithCallbacks()
        #expect(throws: DeskError(.cannotCreate, "cannot write \(backups)/none/b.sqlite: there is no directory \(backups)/none; create it (mkdir -m 700 \(backups)/none) or choose another place")) {
            try DeskBackup.make(of: live, to: backups + "/none/b.sqlite", replacing: false, clock: StoppedClock())
        }
        #expect(throws: DeskError(.cannotCreate, "\(backups) is a directory; give the backup's file name, e.g. \(backups)/desk-backup.sqlite")) {
            try DeskBackup.make(of: live, to: backups, replacing: true, clock: StoppedClock())
        }
        #expect(throws: DeskError(.noDatabase, "no database at \(backups)/live.sqlite; create it with `desk init` (or point --db or DESK_DB at an existing one)")) {
            try DeskBackup.make(of: backups + "/live.sqlite", to: backups + "/b.sqlite", replacing: false, clock: StoppedClock())
        }
        #expect(try listing(backups) == [])
    }

    @Test func aDamagedDatabaseIsNotBackedUpAndLeavesNothingBehind() throws {
        let (live, backups) = try deskWithCallbacks()
        try damageIndex("callbacks_by_state_due", of: live)
        let destination = backups + "/b.sqlite"
        do {
            try DeskBackup.make(of: live, to: destination, replacing: false, clock: StoppedClock())
            Issue.record("a damaged database was backed up")
        } catch let error as DeskError {
            #expect(error.kind == .badInput)
            #expect(error.message.hasPrefix("the copy of \(live) failed its check (integrity: "))
            #expect(error.message.hasSuffix("); \(destination) was not written — run `desk check`, and restore from an earlier backup if it fails"))
        }
        #expect(try listing(backups) == [])
    }
}
