import Foundation
import MessageDesk
import Testing

/// `desk backup`, `desk check`, `desk restore`: exact output, exit codes, and what is on disk.
@Suite struct BackupCommandTests {
    func error(_ status: Int32, _ line: String) -> DeskResult {
        DeskResult(status: status, stdout: "", stderr: "desk: error: \(line)\n")
    }

    /// The walkthrough's office with three callbacks (events 1…13).
    func office() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        for number in 1...3 {
            try desk.ok(["log", "--for", "tanaka", "--caller", "顧客\(number)", "--phone", "03-1234-000\(number)", "--message", "伝言\(number)"])
        }
        return desk
    }

    // MARK: - desk backup

    @Test func backupPrintsSizeTimeAndCheckAndWritesAnOwnerOnlyCopy() throws {
        let desk = try office()
        let destination = desk.directory + "/backups/desk-2026-11-20.sqlite"
        try FileManager.default.createDirectory(atPath: desk.directory + "/backups", withIntermediateDirectories: false)
        let result = try desk.run(["backup", destination])
        #expect(result.status == 0 && result.stderr == "")
        #expect(withoutFigures(result.stdout) == "backed up \(desk.database) to \(destination): N bytes in N ms; integrity ok, foreign keys ok; schema current (\(latestMigration))\n")
        let size = (try FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int) ?? -1
        #expect(result.stdout.contains(": \(size) bytes in "))
        #expect((try FileManager.default.attributesOfItem(atPath: destination)[.posixPermissions] as? Int) == 0o600)
        #expect(try listing(desk.directory + "/backups") == ["desk-2026-11-20.sqlite"])
        #expect(try dump(destination) == dump(desk.database))
        #expect(try sqlite(destination, "PRAGMA integrity_check") == "ok\n")
    }

    @Test func backupJSONCarriesTheSameFigures() throws {
        let desk = try office()
        let destination = desk.directory + "/b.sqlite"
        let result = try desk.run(["backup", destination, "--json"])
        #expect(result.status == 0)
        let json = try JSONValue.parse(result.stdout)
        let size = (try FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int) ?? -1
        #expect(json["bytes"] == .int(size))
        guard case .int(let milliseconds)? = json["duration_ms"] else {
            Issue.record("no duration_ms in \(result.stdout)")
            return
        }
        #expect(milliseconds >= 0)
        #expect(withoutFigures(result.stdout) == """
            {
              "source": "\(desk.database)",
              "destination": "\(destination)",
              "bytes": \(size),
              "duration_ms": N,
              "check": {
                "ok": true,
                "integrity": "ok",
                "integrity_problems": [],
                "foreign_keys": "ok",
                "foreign_key_violations": [],
                "schema": "current",
                "applied_migrations": [
            \(allMigrations.map { "      \"\($0)\"" }.joined(separator: ",\n"))
                ],
                "pending_migrations": [],
                "unknown_migrations": []
              },
              "removed_temporary_files": []
            }

            """)
    }

    @Test func backupRefusesToOverwriteAnythingUnlessToldAndNeverTheLiveDatabase() throws {
        let desk = try office()
        let destination = desk.directory + "/b.sqlite"
        try desk.ok(["backup", destination])
        #expect(try desk.run(["backup", destination]) == error(73,
            "\(destination) already exists; choose another name, or add --overwrite to replace it"))
        try desk.ok(["log", "--for", "tanaka", "--caller", "顧客4", "--phone", "03-1234-0004", "--message", "伝言4"])
        try desk.ok(["backup", destination, "--overwrite"])
        #expect(try dump(destination) == dump(desk.database))
        #expect(try desk.run(["backup", desk.database, "--overwrite"]) == error(73,
            "\(desk.database) is the live database \(desk.database) itself; give another path for the backup"))
        #expect(try desk.run(["backup", desk.directory + "/none/b.sqlite"]) == error(73,
            "cannot write \(desk.directory)/none/b.sqlite: there is no directory \(desk.directory)/none; create it (mkdir -m 700 \(desk.directory)/none) or choose another place"))
        #expect(try desk.run(["backup", destination, "--db", desk.directory + "/nothing.sqlite"]) == error(66,
            "no database at \(desk.directory)/nothing.sqlite; create it with `desk init` (or point --db or DESK_DB at an existing one)"))
        #expect(try listing(desk.directory).filter { $0.hasPrefix(".") } == [])
    }

    @Test func backupIntoADirectoryItMayNotWriteExits77AndLeavesNothing() throws {
        guard getuid() == 0 else { return }   // file modes do not stop root: the run is as nobody
        let desk = try office()
        // The database is nobody's; the backup directory is root's, and nobody may not write there.
        for path in [desk.directory, desk.database] {
            try FileManager.default.setAttributes([.ownerAccountID: 65534, .groupOwnerAccountID: 65534], ofItemAtPath: path)
        }
        let backups = desk.directory + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        try FileManager.default.setAttributes([.ownerAccountID: 0], ofItemAtPath: backups)
        #expect(try desk.runAsAnotherUser(["backup", backups + "/b.sqlite"]) == error(77,
            "cannot create a file in \(backups): Permission denied; check the owner and mode of the directory"))
        #expect(try listing(backups) == [])
    }

    // MARK: - desk check

    @Test func checkOfAHealthyDatabase() throws {
        let desk = try office()
        #expect(try desk.run(["check"]) == DeskResult(status: 0, stdout: """
            database:      \(desk.database)
            integrity:     ok
            foreign keys:  ok
            schema:        current (\(latestMigration))
            mode:          0600 (owner only)
            settings:      ok

            """, stderr: ""))
    }

    @Test func checkOfABackupLeavesItByteForByteAsItWas() throws {
        let desk = try office()
        let backup = desk.directory + "/backups/b.sqlite"
        try FileManager.default.createDirectory(atPath: desk.directory + "/backups", withIntermediateDirectories: false)
        try desk.ok(["backup", backup])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        #expect(try desk.run(["check", "--db", backup]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == bytes)
        #expect(try listing(desk.directory + "/backups") == ["b.sqlite"])
    }

    @Test func checkExits65OnABrokenReferenceAndStillPrintsWhatItFound() throws {
        let desk = try office()
        _ = try desk.sql("PRAGMA foreign_keys = OFF; INSERT INTO presence (id, staff_id, status, since, set_by) VALUES (100, 99, 'meeting', '2026-11-20T01:00:00Z', 'x')")
        #expect(try desk.run(["check"]) == DeskResult(status: 65, stdout: """
            database:      \(desk.database)
            integrity:     ok
            foreign keys:  broken: 1 row (presence row 100 → staff)
            schema:        current (\(latestMigration))
            mode:          0600 (owner only)

            """, stderr: "desk: error: \(desk.database) failed its check: integrity ok, foreign keys broken: 1 row (presence row 100 → staff); restore it from a backup (see `desk restore --help`)\n"))
        let json = try desk.run(["check", "--json"])
        #expect(json.status == 65)
        let report = try JSONValue.parse(json.stdout)
        #expect(report["ok"] == .bool(false))
        #expect(report["foreign_keys"] == .string("failed"))
        #expect(report["shared_group"] == .null)
        #expect(report["foreign_key_violations"] == .array([.object([("table", .string("presence")), ("rowid", .int(100)), ("parent", .string("staff"))])]))
    }

    @Test func checkExits78OnADatabaseFromANewerDesk() throws {
        let desk = try office()
        _ = try desk.sql("INSERT INTO schema_migrations VALUES ('9999_future', '2030-01-01T00:00:00Z')")
        #expect(try desk.run(["check"]) == DeskResult(status: 78, stdout: """
            database:      \(desk.database)
            integrity:     ok
            foreign keys:  ok
            schema:        newer: unknown migrations 9999_future (written by a newer MessageDesk)
            mode:          0600 (owner only)

            """, stderr: "desk: error: \(desk.database) was written by a newer MessageDesk (unknown migrations: 9999_future); upgrade desk, or use a backup made by this version\n"))
    }

    @Test func checkOfAFileThatIsNotADatabaseOrIsMissing() throws {
        let desk = try DeskSandbox()
        #expect(try desk.run(["check"]) == error(66,
            "no database at \(desk.database); create it with `desk init` (or point --db or DESK_DB at an existing one)"))
        try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: desk.database))
        #expect(try desk.run(["check"]) == error(65,
            "\(desk.database) is not a MessageDesk database (file is not a database); check --db or $DESK_DB"))
    }

    // MARK: - desk restore

    /// Backup, more writes, restore: refused without --force, then the database equals the backup
    /// table for table, and the database as it was is kept.
    @Test func restoreRoundTrip() throws {
        var desk = try office()
        let backup = desk.directory + "/backup.sqlite"
        try desk.ok(["backup", backup])
        let backupDump = try dump(backup)
        desk.now = "2026-11-20T10:30:00+09:00"
        try desk.ok(["log", "--for", "tanaka", "--caller", "顧客9", "--phone", "03-1234-0009", "--message", "伝言9"])
        desk.now = "2026-11-20T10:31:00+09:00"
        try desk.ok(["ack", "1"])
        let liveDump = try dump(desk.database)
        #expect(liveDump != backupDump)

        let kept = desk.database + ".before-restore-20261120T013100Z"
        #expect(try desk.run(["restore", backup]) == error(65,
            "\(desk.database) has writes newer than the backup: its last event #17 (2026-11-20T01:31:00Z, callback.acknowledged) is not in the backup, whose last event is #13 (2026-11-20T01:15:00Z) (4 events after it); restoring would undo them — if that is what you want, add --force (the current database is then kept as \(kept))"))
        #expect(try dump(desk.database) == liveDump)
        #expect(!FileManager.default.fileExists(atPath: kept))

        let restored = try desk.run(["restore", backup, "--force"])
        #expect(restored.status == 0 && restored.stderr == "")
        #expect(withoutFigures(restored.stdout) == """
            restored \(desk.database) from \(backup): N bytes in N ms; integrity ok, foreign keys ok; schema current (\(latestMigration))
            the database as it was is kept as \(kept) (with 4 events the backup lacks)

            """)
        // Every row as in the backup; only the id sequence stays above what the replaced database handed out.
        #expect(try withoutSequence(dump(desk.database)) == withoutSequence(backupDump))
        #expect(try desk.sql("SELECT name, seq FROM sqlite_sequence WHERE name IN ('callbacks', 'events') ORDER BY name") == "callbacks|4\nevents|17\n")
        #expect(try dump(kept) == liveDump)
        #expect((try FileManager.default.attributesOfItem(atPath: kept)[.posixPermissions] as? Int) == 0o600)
        #expect(try desk.run(["check"]).status == 0)
        #expect(try desk.sql("SELECT id, state FROM callbacks ORDER BY id") == "1|open\n2|open\n3|open\n")
        #expect(try listing(desk.directory).filter { $0.hasPrefix(".") } == [])

        // The backup now holds everything the database has: no --force needed.
        desk.now = "2026-11-20T10:32:00+09:00"
        let again = try desk.run(["restore", backup, "--json"])
        #expect(again.status == 0)
        let json = try JSONValue.parse(again.stdout)
        #expect(json["kept_as"] == .string(desk.database + ".before-restore-20261120T013200Z"))
        #expect(json["undone"] == .null)
        #expect(json["migrated"] == .array([]))
        #expect(json["check"]?["ok"] == .bool(true))
    }

    @Test func restoreRefusesABackupThatIsMissingNotADatabaseOrFromANewerDesk() throws {
        let desk = try office()
        let before = try dump(desk.database)
        #expect(try desk.run(["restore", desk.directory + "/none.sqlite", "--force"]) == error(66,
            "no backup file at \(desk.directory)/none.sqlite; give the path of a backup made by `desk backup`"))
        let text = desk.directory + "/notes.sqlite"
        try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: text))
        #expect(try desk.run(["restore", text, "--force"]) == error(65,
            "\(text) is not a usable backup (file is not a database); nothing was changed — choose another backup"))
        let newer = desk.directory + "/newer.sqlite"
        try desk.ok(["backup", newer])
        _ = try sqlite(newer, "INSERT INTO schema_migrations VALUES ('9999_future', '2030-01-01T00:00:00Z')")
        #expect(try desk.run(["restore", newer, "--force"]) == error(78,
            "\(newer) was written by a newer MessageDesk (unknown migrations: 9999_future); nothing was changed — upgrade desk to restore it"))
        #expect(try desk.run(["restore", desk.database, "--force"]) == error(65,
            "\(desk.database) is the live database itself; give the path of a backup to restore from"))
        #expect(try dump(desk.database) == before)
        #expect(try listing(desk.directory).filter { $0.contains("before-restore") || $0.hasPrefix(".") } == [])
    }

    // MARK: - Issue 12

    /// Item 7: a read-only connection does not even parse CHECK constraints, so `check` runs its
    /// integrity check on a connection that may write (and writes nothing), as `backup` does.
    @Test func checkFindsARowThatBreaksACheckConstraintAsBackupDoes() throws {
        let desk = try office()
        _ = try desk.sql("PRAGMA ignore_check_constraints = ON; UPDATE callbacks SET state = 'lost' WHERE id = 2")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: desk.database))
        #expect(try desk.run(["check"]) == DeskResult(status: 65, stdout: """
            database:      \(desk.database)
            integrity:     1 problem
              CHECK constraint failed in callbacks
            foreign keys:  ok
            schema:        current (\(latestMigration))
            mode:          0600 (owner only)

            """, stderr: "desk: error: \(desk.database) failed its check: integrity: 1 problem, the first: CHECK constraint failed in callbacks, foreign keys ok; restore it from a backup (see `desk restore --help`)\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: desk.database)) == bytes)
        let backup = try desk.run(["backup", desk.directory + "/b.sqlite"])
        #expect(backup == error(65, "the copy of \(desk.database) failed its check (integrity: 1 problem, the first: CHECK constraint failed in callbacks, foreign keys ok); \(desk.directory)/b.sqlite was not written — run `desk check`, and restore from an earlier backup if it fails"))
    }

    /// Item 8: an empty file where the desk should be is not backed up.
    @Test func backupOfAnEmptyFileFailsAndWritesNothing() throws {
        let desk = try DeskSandbox()
        _ = FileManager.default.createFile(atPath: desk.database, contents: nil)
        #expect(try desk.run(["backup", desk.directory + "/b.sqlite"]) == error(66,
            "\(desk.database) is empty, not a MessageDesk database; create a desk there with `desk init`, or point --db or DESK_DB at your desk"))
        #expect(try listing(desk.directory) == ["desk.sqlite"])
    }

    /// Item 8: a backup with fewer events than the one it replaces, or than --previous, is refused.
    @Test func aBackupWithFewerEventsThanThePreviousOneFailsUnlessAllowed() throws {
        var desk = try office()
        let first = desk.directory + "/first.sqlite"
        try desk.ok(["backup", first])
        // The live database replaced by a new, nearly empty desk.
        try FileManager.default.removeItem(atPath: desk.database)
        try desk.ok(["init"])
        try desk.ok(["staff", "add", "tanaka", "--name", "田中"])
        let second = desk.directory + "/second.sqlite"
        #expect(try desk.run(["backup", second, "--previous", first]) == error(65,
            "the copy of \(desk.database) holds 1 event, fewer than the 13 of the previous backup \(first): the database lost data or was replaced; \(second) was not written — check the database (`desk check`), or add --allow-shrink if this is expected (after a restore)"))
        #expect(try desk.run(["backup", first, "--overwrite"]) == error(65,
            "the copy of \(desk.database) holds 1 event, fewer than the 13 of the previous backup \(first): the database lost data or was replaced; \(first) was not written — check the database (`desk check`), or add --allow-shrink if this is expected (after a restore)"))
        #expect(try listing(desk.directory).filter { $0 != "desk.sqlite" && !$0.hasPrefix("desk.sqlite-") } == ["first.sqlite"])
        #expect(try desk.run(["backup", second, "--previous", desk.directory + "/none.sqlite"]) == error(66,
            "no backup at \(desk.directory)/none.sqlite to compare with (--previous); give an existing backup, or leave --previous out"))
        desk.now = "2026-11-20T10:16:00+09:00"
        try desk.ok(["backup", second, "--previous", first, "--allow-shrink"])
        #expect(try sqlite(second, "SELECT count(*) FROM events") == "1\n")
    }

    /// Item 8: a copy less than half the size of the previous backup is refused.
    @Test func aBackupLessThanHalfThePreviousSizeFailsUnlessAllowed() throws {
        let desk = try office()
        let first = desk.directory + "/first.sqlite"
        try desk.ok(["backup", first])
        _ = try sqlite(first, "CREATE TABLE padding (x BLOB); INSERT INTO padding VALUES (zeroblob(400000))")
        let size = (try FileManager.default.attributesOfItem(atPath: first)[.size] as? Int) ?? 0
        let second = desk.directory + "/second.sqlite"
        let refused = try desk.run(["backup", second, "--previous", first])
        #expect(refused.status == 65)
        #expect(withoutFigures(refused.stderr.replacingOccurrences(of: #"is [0-9]+ bytes"#, with: "is N bytes", options: .regularExpression)) == "desk: error: the copy of \(desk.database) is N bytes, less than half the \(size) bytes of the previous backup \(first): the database lost data or was replaced; \(second) was not written — check the database (`desk check`), or add --allow-shrink if this is expected (after a restore)\n")
        try desk.ok(["backup", second, "--previous", first, "--allow-shrink"])
    }

    /// Item 10: temporary files of killed runs are removed by the next run; a partial file whose
    /// writer is alive (it holds the file's lock) is left alone.
    @Test func theNextBackupRemovesPartialFilesOfKilledRunsButNotOfLiveOnes() throws {
        let desk = try office()
        let backups = desk.directory + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false)
        // What a backup killed mid-copy leaves: its partial copy and the copy's rollback journal.
        let stale = [".desk-2026-11-19.sqlite.partial-Ab12Cd", ".desk-2026-11-19.sqlite.partial-Ab12Cd-journal",
                     ".b.sqlite.partial-zzzzzz"]
        for name in stale {
            try Data(count: 4096).write(to: URL(fileURLWithPath: backups + "/" + name))
        }
        // One that a running backup holds: its lock is taken, as a running copy's is.
        let live = backups + "/.c.sqlite.partial-Live01"
        try Data(count: 4096).write(to: URL(fileURLWithPath: live))
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [live, "-c", "echo locked; read line"]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        readUntil(output, shows: "locked")
        let result = try desk.run(["backup", backups + "/b.sqlite"])
        input.fileHandleForWriting.write(Data("\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(result.status == 0, "\(result)")
        #expect(withoutFigures(result.stdout) == """
            backed up \(desk.database) to \(backups)/b.sqlite: N bytes in N ms; integrity ok, foreign keys ok; schema current (\(latestMigration))
            removed 3 temporary files that killed backups or restores left in \(backups) (12288 bytes)

            """)
        #expect(try listing(backups) == [".c.sqlite.partial-Live01", "b.sqlite"])
    }

    /// Item 10, with a real kill: a backup SIGKILLed mid-copy leaves its partial file, and the next
    /// backup removes it. The database is padded to 64 MiB so that the copy takes long enough for the
    /// partial file to be seen; if a run still finishes first, it is tried again (at most five times).
    @Test func aBackupKilledMidCopyLeavesAPartialFileTheNextOneRemoves() throws {
        let desk = try office()
        _ = try desk.sql("CREATE TABLE padding (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 64) INSERT INTO padding SELECT zeroblob(1048576) FROM n")
        let backups = desk.directory + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false)
        var killed = false
        for _ in 1...5 where !killed {
            let process = Process()
            process.executableURL = deskExecutable
            process.arguments = ["backup", backups + "/b.sqlite", "--overwrite"]
            process.environment = desk.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Watch for the partial file while the backup runs: no sleeping, and bounded by the process.
            while process.isRunning {
                if try listing(backups).contains(where: { $0.hasPrefix(".b.sqlite.partial-") }) {
                    kill(process.processIdentifier, SIGKILL)
                    killed = true
                    break
                }
            }
            process.waitUntilExit()
            if killed { #expect(process.terminationReason == .uncaughtSignal) }
        }
        #expect(killed, "every backup finished before its partial file was seen")
        guard killed else { return }
        #expect(try listing(backups).contains { $0.hasPrefix(".b.sqlite.partial-") })
        let next = try desk.run(["backup", backups + "/c.sqlite"])
        #expect(next.status == 0, "\(next)")
        #expect(next.stdout.contains("that killed backups or restores left in \(backups) ("))
        #expect(try listing(backups).filter { $0.hasPrefix(".") } == [])
    }

    /// Item 10: a restore keeps the newest --keep copies of the database as it was, and removes older ones.
    @Test func restoreKeepsTheNewestBeforeRestoreCopies() throws {
        var desk = try office()
        let backup = desk.directory + "/backup.sqlite"
        try desk.ok(["backup", backup])
        for second in 10...14 {
            desk.now = "2026-11-20T10:20:\(second)+09:00"
            try desk.ok(["restore", backup, "--keep", "2"])
        }
        #expect(try listing(desk.directory).filter { $0.contains("before-restore") } == [
            "desk.sqlite.before-restore-20261120T012013Z", "desk.sqlite.before-restore-20261120T012014Z",
        ])
        desk.now = "2026-11-20T10:21:00+09:00"
        let last = try desk.run(["restore", backup])
        #expect(last.status == 0)
        // The default keeps three.
        #expect(try listing(desk.directory).filter { $0.contains("before-restore") } == [
            "desk.sqlite.before-restore-20261120T012013Z", "desk.sqlite.before-restore-20261120T012014Z",
            "desk.sqlite.before-restore-20261120T012100Z",
        ])
    }

    /// Item 11: ids go on above the highest the database ever handed out, even after a restore
    /// undid the rows that had them.
    @Test func idsAfterARestoreContinueAboveTheHighestEverHandedOut() throws {
        var desk = try office()
        let backup = desk.directory + "/backup.sqlite"
        try desk.ok(["backup", backup])
        desk.now = "2026-11-20T10:30:00+09:00"
        for number in 4...5 {
            try desk.ok(["log", "--for", "tanaka", "--caller", "顧客\(number)", "--phone", "03-1234-000\(number)", "--message", "伝言\(number)"])
        }
        try desk.ok(["escalate", "5", "--to", "boss"])
        try desk.ok(["away", "suzuki", "--until", "17:00"])
        try desk.ok(["staff", "add", "kato", "--name", "加藤"])
        let tables = ["staff", "presence", "callers", "calls", "messages", "callbacks", "events", "escalations", "notifications"]
        let query = tables.map { "SELECT coalesce(max(id), 0) FROM \($0)" }.joined(separator: " UNION ALL ")
        let highest = try desk.sql(query).split(separator: "\n").compactMap { Int($0) }
        #expect(highest.count == tables.count)
        desk.now = "2026-11-20T10:31:00+09:00"
        try desk.ok(["restore", backup, "--force"])
        desk.now = "2026-11-20T10:32:00+09:00"
        let taken = try desk.run(["log", "--for", "tanaka", "--caller", "顧客6", "--phone", "03-1234-0006", "--message", "伝言6", "--json"])
        #expect(taken.status == 0)
        try desk.ok(["escalate", "6", "--to", "boss"])
        try desk.ok(["away", "suzuki", "--until", "17:00"])
        try desk.ok(["staff", "add", "kato", "--name", "加藤"])
        let json = try JSONValue.parse(taken.stdout)
        #expect(json["callback"]?["id"] == .int(highest[5] + 1), "\(taken.stdout)")
        let after = try desk.sql(query).split(separator: "\n").compactMap { Int($0) }
        for (index, table) in tables.enumerated() {
            #expect(after[index] > highest[index], "\(table): \(after[index]) after the restore, \(highest[index]) before")
        }
        #expect(try desk.run(["show", "4"]).status == 65)
    }
}
