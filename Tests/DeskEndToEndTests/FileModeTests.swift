import Foundation
import Testing

/// Who may read a desk's files, and a desk on a file system that cannot be written.
@Suite struct FileModeTests {
    /// Item 19: SQLite gives -wal and -shm the database's mode, so a 0666 database hands them to
    /// everyone: every command that opens it says so, and `desk check` reports it.
    @Test func aDatabaseOthersMayChangeIsWarnedAboutAndCheckReportsIt() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        #expect(chmod(desk.database, 0o666) == 0)
        let warning = "desk: warning: \(desk.database) is mode 0666: other users can read and change it, and SQLite gives its -wal and -shm the same mode; chmod 600 \(desk.database)\n"
        #expect(try desk.run(["callbacks", "--json"]) == DeskResult(status: 0, stdout: "[]\n", stderr: warning))
        let backup = try desk.run(["backup", desk.directory + "/b.sqlite"])
        #expect(backup.status == 0 && backup.stderr == warning)
        #expect(try desk.run(["check"]) == DeskResult(status: 0, stdout: """
            database:      \(desk.database)
            integrity:     ok
            foreign keys:  ok
            schema:        current (\(latestMigration))
            mode:          0666 (other users can read and change it; chmod 600 \(desk.database))
            settings:      ok

            """, stderr: ""))
        #expect(chmod(desk.database, 0o640) == 0)
        #expect(try desk.run(["callbacks", "--json"]).stderr == "desk: warning: \(desk.database) is mode 0640: other users can read it, and SQLite gives its -wal and -shm the same mode; chmod 600 \(desk.database)\n")
        #expect(chmod(desk.database, 0o600) == 0)
        #expect(try desk.run(["callbacks", "--json"]).stderr == "")
    }

    /// Runs desk with the sandbox's directory bind-mounted read-only, in a mount namespace of its own
    /// (nothing outside the run sees the mount); nil when this machine cannot (not root, no unshare).
    func runOnReadOnlyMount(_ desk: DeskSandbox, _ arguments: [String]) throws -> DeskResult? {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return nil }
        let script = "mount --bind \"$DIR\" \"$DIR\" && mount -o remount,bind,ro \"$DIR\" || exit 99; exec \"$0\" \"$@\""
        var copy = desk
        copy.extraEnvironment["DIR"] = desk.directory
        let result = try copy.run(arguments, executable: URL(fileURLWithPath: "/usr/bin/unshare"),
                                  prefix: ["-m", "/bin/bash", "-c", script, deskExecutable.path])
        return result.status == 99 ? nil : result
    }

    /// Item 19: a desk on a read-only mount says so (74), instead of "check that its directory exists
    /// and is writable" (73); `desk check` still checks it, CHECK constraints included.
    @Test func aDeskOnAReadOnlyMountSaysReadOnly() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"])
        _ = try desk.sql("PRAGMA ignore_check_constraints = ON; UPDATE callbacks SET state = 'lost' WHERE id = 1")
        guard let log = try runOnReadOnlyMount(desk, ["log", "--for", "tanaka", "--caller", "佐藤", "--phone", "03-1234-0000", "--message", "x"]) else {
            print("read-only mount test skipped: needs root and unshare")
            return
        }
        let readOnly = "\(desk.database) is on a read-only file system; nothing can be saved there — remount it read-write, or copy the database to a writable place"
        #expect(log == failure(74, readOnly))
        #expect(try runOnReadOnlyMount(desk, ["callbacks"]) == failure(74, readOnly))
        #expect(try runOnReadOnlyMount(desk, ["init", "--db", desk.directory + "/new.sqlite"]) == failure(74,
            "\(desk.directory)/new.sqlite is on a read-only file system; nothing can be saved there — remount it read-write, or copy the database to a writable place"))
        let check = try runOnReadOnlyMount(desk, ["check"])
        #expect(check?.status == 65)
        #expect(check?.stdout.contains("integrity:     1 problem\n  CHECK constraint failed in callbacks\n") == true, "\(String(describing: check))")
        #expect(try listing(desk.directory) == ["desk.sqlite"])
    }
}
