import Foundation
import Testing

/// `Scripts/nightly-backup.sh`: retention over weeks of nights, the lock, and failures that delete nothing.
@Suite struct NightlyBackupScriptTests {
    static let script = repositoryRoot.appendingPathComponent("Scripts/nightly-backup.sh").path

    /// Runs the script as cron would (bash, no terminal), with `desk` from $DESK and "today" from `date`.
    func nightly(_ desk: DeskSandbox, date: String, _ arguments: [String] = [], asNobody: Bool = false) throws -> DeskResult {
        var desk = desk
        desk.extraEnvironment["DESK"] = deskExecutable.path
        desk.extraEnvironment["NIGHTLY_DATE"] = date
        desk.extraEnvironment["DESK_BACKUP_DIR"] = desk.directory + "/backups"
        if asNobody {
            return try desk.run(arguments, executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                                prefix: ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/bash", Self.script])
        }
        return try desk.run(arguments, executable: URL(fileURLWithPath: "/bin/bash"), prefix: [Self.script])
    }

    /// The days from `first` to `last` (YYYY-MM-DD), in order.
    func days(from first: String, to last: String) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        guard var day = formatter.date(from: first), let end = formatter.date(from: last) else { return [] }
        var result: [String] = []
        while day <= end {
            result.append(formatter.string(from: day))
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return result
    }

    /// A shared desk's backup directory (setgid, the group's: `Scripts/setup.sh --group`) is not warned about, and
    /// the backup and the lock are the group's 0660, like the desk.
    @Test func aSharedDesksBackupDirectoryKeepsTheGroupsModes() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let backups = desk.directory + "/backups"
        #expect(mkdir(backups, 0o700) == 0 && chmod(backups, 0o2770) == 0)
        let result = try nightly(desk, date: "2026-11-20")
        #expect(result.status == 0 && !result.stderr.contains("warning"), "\(result)")
        for name in [".nightly-backup.lock", "desk-2026-11-20.sqlite"] {
            #expect(try mode(backups + "/" + name) == 0o660, "\(name)")
        }
    }

    /// Forty nights, Monday 12 October to Friday 20 November 2026, one missed (Sunday 1 November):
    /// what is left is today's and the six before it, and the newest of each of the four weeks
    /// before this one — Saturday 31 October standing in for the missed Sunday.
    @Test func retentionOverFortyNightsKeepsSevenDailyAndFourWeekly() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let nights = days(from: "2026-10-12", to: "2026-11-20").filter { $0 != "2026-11-01" }
        #expect(nights.count == 39)
        var last = DeskResult(status: -1, stdout: "", stderr: "")
        for night in nights {
            last = try nightly(desk, date: night)
            #expect(last.status == 0, "\(night): \(last)")
            // Never more than today's, 6 other dailies and 4 weeklies.
            let kept = try listing(desk.directory + "/backups").filter { $0.hasPrefix("desk-") }
            #expect(kept.contains("desk-\(night).sqlite") && kept.count <= 11, "\(night): \(kept)")
        }
        #expect(try listing(desk.directory + "/backups") == [
            ".nightly-backup.lock",
            "desk-2026-10-25.sqlite", "desk-2026-10-31.sqlite", "desk-2026-11-08.sqlite",
            "desk-2026-11-14.sqlite", "desk-2026-11-15.sqlite", "desk-2026-11-16.sqlite", "desk-2026-11-17.sqlite",
            "desk-2026-11-18.sqlite", "desk-2026-11-19.sqlite", "desk-2026-11-20.sqlite",
        ])
        let backups = desk.directory + "/backups"
        #expect(last.stdout == "")
        #expect(withoutFigures(last.stderr) == """
            nightly-backup: locked \(backups)/.nightly-backup.lock
            nightly-backup: backing up \(desk.database) to \(backups)/desk-2026-11-20.sqlite
            nightly-backup: backed up \(desk.database) to \(backups)/desk-2026-11-20.sqlite: N bytes in N ms; integrity ok, foreign keys ok; schema current (\(latestMigration))
            nightly-backup: retention: keep today's, the 7 newest, and the newest of each of the 4 weeks before this one
            nightly-backup: deleted desk-2026-11-13.sqlite
            nightly-backup: done: 10 backups kept, 1 deleted

            """)
        #expect(try dump(backups + "/desk-2026-11-20.sqlite") == dump(desk.database))
        #expect(((try FileManager.default.attributesOfItem(atPath: backups)[.posixPermissions] as? Int) ?? 0) == 0o700)
    }

    @Test func aSecondRunWhileTheLockIsHeldExits75AndTouchesNothing() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let backups = desk.directory + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        // Another run, as far as the script can tell: flock holds the lock until its stdin closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [backups + "/.nightly-backup.lock", "-c", "echo locked; read line"]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        readUntil(output, shows: "locked")
        let blocked = try nightly(desk, date: "2026-11-20")
        input.fileHandleForWriting.write(Data("\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(blocked == DeskResult(status: 75, stdout: "", stderr:
            "nightly-backup: another nightly backup holds \(backups)/.nightly-backup.lock; this run does nothing (exit 75, try again later)\n"))
        #expect(try listing(backups) == [".nightly-backup.lock"])
        // Once the other run is over, the next one goes ahead.
        #expect(try nightly(desk, date: "2026-11-20").status == 0)
        #expect(try listing(backups) == [".nightly-backup.lock", "desk-2026-11-20.sqlite"])
    }

    /// Old backups that retention would delete, for the failure tests.
    func oldBackups(in directory: String) throws -> [String] {
        let names = days(from: "2026-09-01", to: "2026-09-20").map { "desk-\($0).sqlite" }
        for name in names {
            try Data("an old backup".utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        return names
    }

    @Test func aFailedBackupExitsWithDesksCodeAndDeletesNothing() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let backups = desk.directory + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        let old = try oldBackups(in: backups)
        // A database with a broken reference: desk backup refuses to call the copy good.
        _ = try desk.sql("PRAGMA foreign_keys = OFF; INSERT INTO presence (id, staff_id, status, since, set_by) VALUES (100, 99, 'meeting', '2026-11-20T01:00:00Z', 'x')")
        let result = try nightly(desk, date: "2026-11-20")
        let target = backups + "/desk-2026-11-20.sqlite"
        #expect(result == DeskResult(status: 65, stdout: "", stderr: """
            nightly-backup: locked \(backups)/.nightly-backup.lock
            nightly-backup: backing up \(desk.database) to \(target)
            nightly-backup: desk: error: the copy of \(desk.database) failed its check (integrity ok, foreign keys broken: 1 row (presence row 100 → staff)); \(target) was not written — run `desk check`, and restore from an earlier backup if it fails
            nightly-backup: FAILED: today's backup failed; no old backup was deleted

            """))
        #expect(try listing(backups) == [".nightly-backup.lock"] + old)
    }

    @Test func anUnwritableBackupDirectoryFailsAndDeletesNothing() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        // A directory that cannot be created: its parent is a regular file.
        let file = desk.directory + "/file"
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let underFile = try nightly(desk, date: "2026-11-20", ["--dir", file + "/backups"])
        #expect(underFile.status == 73)
        #expect(underFile.stderr.hasPrefix("nightly-backup: creating \(file)/backups\n"))
        #expect(underFile.stderr.hasSuffix("\nnightly-backup: FAILED: cannot create the backup directory \(file)/backups\n"))

        // A directory someone else owns: old backups there stay, whatever retention would say.
        guard getuid() == 0 else { return }   // root may write anywhere: run as nobody
        let backups = desk.directory + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        let old = try oldBackups(in: backups)
        let result = try nightly(desk, date: "2026-11-20", asNobody: true)
        #expect(result == DeskResult(status: 73, stdout: "", stderr: """
            nightly-backup: warning: \(backups) is mode 0755: other users can list the backups; chmod 700 \(backups)
            nightly-backup: FAILED: cannot open the lock file \(backups)/.nightly-backup.lock; check that \(backups) is writable by nobody

            """))
        #expect(try listing(backups) == old)
    }

    @Test func badSettingsAreUsageErrors() throws {
        let desk = try DeskSandbox()
        #expect(try nightly(desk, date: "2026-02-30") == DeskResult(status: 64, stdout: "", stderr:
            "nightly-backup: FAILED: the date '2026-02-30' is not a date such as 2026-11-20\n"))
        #expect(try nightly(desk, date: "2026-11-20", ["--keep-daily", "0"]) == DeskResult(status: 64, stdout: "", stderr:
            "nightly-backup: FAILED: --keep-daily '0' is not a number of at least 1\n"))
        #expect(try nightly(desk, date: "2026-11-20", ["--frequently"]) == DeskResult(status: 64, stdout: "", stderr:
            "nightly-backup: FAILED: unknown argument '--frequently' (see \(Self.script) --help)\n"))
        #expect(!FileManager.default.fileExists(atPath: desk.directory + "/backups"))
    }

    // MARK: - Issue 12

    /// An office backed up on ten nights, 1–10 November: the desk, the backup directory, its files.
    func tenGoodNights() throws -> (DeskSandbox, String, [String]) {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        for night in days(from: "2026-11-01", to: "2026-11-10") {
            #expect(try nightly(desk, date: night).status == 0)
        }
        let backups = desk.directory + "/backups"
        return (desk, backups, try listing(backups))
    }

    /// Item 8: the live database replaced by an empty file. Every night fails, and the good backups stay.
    @Test func anEmptyFileInsteadOfTheDatabaseFailsEveryNightAndDeletesNothing() throws {
        let (desk, backups, good) = try tenGoodNights()
        try Data().write(to: URL(fileURLWithPath: desk.database))
        for night in days(from: "2026-11-11", to: "2026-11-30") {
            let result = try nightly(desk, date: night)
            #expect(result.status == 66, "\(night): \(result)")
            #expect(result.stderr.hasSuffix("""
                nightly-backup: desk: error: \(desk.database) is empty, not a MessageDesk database; create a desk there with `desk init`, or point --db or DESK_DB at your desk
                nightly-backup: FAILED: today's backup failed; no old backup was deleted

                """), "\(night): \(result)")
        }
        #expect(try listing(backups) == good)
    }

    /// Item 8: a desk with fewer events than the previous night's backup is not backed up, unless
    /// --allow-shrink says it is expected; that night deletes no old backup.
    @Test func aShrunkDatabaseFailsUnlessAllowedAndThenDeletesNothing() throws {
        let (desk, backups, good) = try tenGoodNights()
        try FileManager.default.removeItem(atPath: desk.database)
        try desk.ok(["init"])
        let refused = try nightly(desk, date: "2026-11-11")
        let target = backups + "/desk-2026-11-11.sqlite"
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("nightly-backup: desk: error: the copy of \(desk.database) holds 0 events, fewer than the 4 of the previous backup \(backups)/desk-2026-11-10.sqlite: the database lost data or was replaced; \(target) was not written"))
        #expect(try listing(backups) == good)
        let allowed = try nightly(desk, date: "2026-11-11", ["--allow-shrink"])
        #expect(allowed.status == 0, "\(allowed)")
        #expect(allowed.stderr.hasSuffix("nightly-backup: --allow-shrink: retention skipped tonight, no old backup deleted\n"))
        #expect(try listing(backups) == (good + ["desk-2026-11-11.sqlite"]).sorted())
        // The next night compares with the accepted backup, and retention runs again.
        try desk.ok(["staff", "add", "kato", "--name", "加藤"])
        #expect(try nightly(desk, date: "2026-11-12").status == 0)
    }

    /// Item 19: the directory and the lock are owner-only whatever the umask.
    @Test func theDirectoryAndLockAreOwnerOnlyUnderAnOpenUmask() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        desk.extraEnvironment["DESK"] = deskExecutable.path
        desk.extraEnvironment["NIGHTLY_DATE"] = "2026-11-20"
        let backups = desk.directory + "/new/backups"
        desk.extraEnvironment["DESK_BACKUP_DIR"] = backups
        let result = try desk.run([], executable: URL(fileURLWithPath: "/bin/bash"),
                                  prefix: ["-c", "umask 000; exec bash \"$0\"", Self.script])
        #expect(result.status == 0, "\(result)")
        #expect(try mode(desk.directory + "/new") == 0o700)
        #expect(try mode(backups) == 0o700)
        #expect(try mode(backups + "/.nightly-backup.lock") == 0o600)
        #expect(try mode(backups + "/desk-2026-11-20.sqlite") == 0o600)
    }

    /// Item 19: a backup directory others may read is reported.
    @Test func aBackupDirectoryOthersMayReadIsWarnedAbout() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let backups = desk.directory + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        let result = try nightly(desk, date: "2026-11-20")
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("nightly-backup: warning: \(backups) is mode 0755: other users can list the backups; chmod 700 \(backups)\n"))
    }
}
