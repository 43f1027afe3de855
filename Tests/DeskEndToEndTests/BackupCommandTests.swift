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
              }
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

            """, stderr: "desk: error: \(desk.database) failed its check: integrity ok, foreign keys broken: 1 row (presence row 100 → staff); restore it from a backup (see `desk restore --help`)\n"))
        let json = try desk.run(["check", "--json"])
        #expect(json.status == 65)
        let report = try JSONValue.parse(json.stdout)
        #expect(report["ok"] == .bool(false))
        #expect(report["foreign_keys"] == .string("failed"))
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
        #expect(try dump(desk.database) == backupDump)
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
}
