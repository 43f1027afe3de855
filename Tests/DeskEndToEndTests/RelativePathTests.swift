import Foundation
import Testing

/// Paths given relative to the working directory, down to one character, work like any other.
@Suite struct RelativePathTests {
    /// A sandbox whose runs start in its own directory, with no DESK_DB: paths are the user's words.
    func sandbox() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        desk.workingDirectory = desk.directory
        desk.extraEnvironment["DESK_DB"] = ""
        return desk
    }

    @Test func initWithAOneCharacterDatabaseNameCreatesItInTheWorkingDirectory() throws {
        let desk = try sandbox()
        #expect(try desk.run(["init", "--db", "x"]) == DeskResult(status: 0, stdout: "x\n", stderr: ""))
        #expect(try sqlite(desk.directory + "/x", "SELECT count(*) FROM schema_migrations") == "\(allMigrations.count)\n")
        #expect(try desk.run(["staff", "add", "tanaka", "--name", "田中", "--db", "x"]).status == 0)
    }

    @Test func backupToAOneCharacterFileNameWritesItInTheWorkingDirectory() throws {
        let desk = try sandbox()
        try desk.ok(["init", "--db", "x"])
        let result = try desk.run(["backup", "a", "--db", "x"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("backed up x to a: "))
        #expect(try sqlite(desk.directory + "/a", "PRAGMA integrity_check") == "ok\n")
        #expect(try listing(desk.directory) == ["a", "x"])
    }

    @Test func simulateIntoAOneCharacterDatabaseName() throws {
        let desk = try sandbox()
        let result = try desk.run(["simulate", "--db", "q", "--days", "1", "--salespeople", "2", "--json"])
        #expect(result.status == 0, "\(result)")
        #expect(try sqlite(desk.directory + "/q", "SELECT count(*) > 0 FROM calls") == "1\n")
    }

    /// Paths that name no file are refused with a message, never a trap.
    @Test func pathsThatNameADirectoryAreRefusedWithAMessage() throws {
        let desk = try sandbox()
        for path in ["/", "//", ".", "..", "./", "a/"] {
            let result = try desk.run(["init", "--db", path])
            #expect([65, 66, 73, 74].contains(result.status), "init --db \(path): \(result)")
            #expect(result.stderr.hasPrefix("desk: error: ") && result.stderr.split(separator: "\n").count == 1,
                    "init --db \(path): \(result)")
        }
        try desk.ok(["init", "--db", "x"])
        for path in ["/", ".", "..", "./", "a/"] {
            let result = try desk.run(["backup", path, "--db", "x"])
            #expect([65, 66, 73, 74, 77].contains(result.status), "backup \(path): \(result)")
            #expect(result.stderr.hasPrefix("desk: error: ") && result.stderr.split(separator: "\n").count == 1,
                    "backup \(path): \(result)")
        }
    }
}
