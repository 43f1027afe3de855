import Foundation
@testable import DeskStorage
import MessageDesk
import Testing

/// Only `desk init` creates or migrates a desk: every other command refuses a file that is not a
/// desk of this version, and leaves it exactly as it was — not a byte changed, no `-wal` or `-shm`.
@Suite struct NotADeskTests {
    /// Every file in `directory` with its bytes: what a refusing command must leave untouched.
    func files(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try listing(directory) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
        return files
    }

    /// Commands that read, write, or check: none of them may turn the file into a desk.
    let commands: [[String]] = [
        ["callbacks"], ["board"], ["staff", "list"], ["sweep"], ["notifications"], ["config", "show"],
        ["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "折り返し"],
        ["report"], ["show", "1"],
    ]

    @Test func anEmptyFileIsNoDeskAndStaysEmpty() throws {
        let desk = try DeskSandbox()
        _ = FileManager.default.createFile(atPath: desk.database, contents: nil)
        for command in commands {
            #expect(try desk.run(command) == failure(66,
                "\(desk.database) is empty, not a MessageDesk database; create a desk there with `desk init`, or point --db or DESK_DB at your desk"),
                "\(command)")
        }
        #expect(try files(desk.directory) == ["desk.sqlite": Data()])
    }

    @Test func anotherProgramsDatabaseIsRefusedAndNeverChanged() throws {
        let desk = try DeskSandbox()
        // One in rollback-journal mode, one in WAL mode (its -wal folded in when the shell closed it).
        for mode in ["delete", "wal"] {
            let other = desk.directory + "/other-\(mode).sqlite"
            _ = try sqlite(other, "PRAGMA journal_mode = \(mode); CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me')")
            let before = try files(desk.directory)
            for command in commands + [["init"], ["check"], ["backup", desk.directory + "/b.sqlite"]] {
                let result = try desk.run(command + ["--db", other])
                #expect(result == failure(65,
                    "\(other) is another program's SQLite database, not a MessageDesk database; check --db or DESK_DB (`desk init` creates a desk only in a new or empty file)"),
                    "\(mode) \(command)")
            }
            #expect(try files(desk.directory) == before, "\(mode)")
            #expect(try sqlite(other, "SELECT name FROM sqlite_master") == "notes\n")
        }
    }

    @Test func aTruncatedDatabaseIsDamagedNotAnEmptyDesk() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        for number in 1...40 {
            try desk.ok(["log", "--for", "tanaka", "--caller", "顧客\(number)", "--phone", "03-1234-\(String(format: "%04d", number))", "--message", String(repeating: "伝言", count: 200)])
        }
        let size = (try FileManager.default.attributesOfItem(atPath: desk.database)[.size] as? Int) ?? 0
        #expect(size > 16 * 4096)
        #expect(truncate(desk.database, off_t(8 * 4096)) == 0)
        let before = try files(desk.directory)
        let result = try desk.run(["callbacks"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("desk: error: \(desk.database) is damaged ("))
        #expect(try files(desk.directory) == before)
        // Truncated to nothing, it is an empty file: no desk, and never a new one.
        #expect(truncate(desk.database, 0) == 0)
        #expect(try desk.run(["callbacks"]).status == 66)
        #expect(try files(desk.directory) == ["desk.sqlite": Data()])
    }

    @Test func anOlderDeskIsRefusedUntilInitUpgradesIt() throws {
        let desk = try DeskSandbox()
        let older = Migrator(migrations: Array(Migration.embedded.dropLast()))
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        do {
            _ = try DeskStore.open(path: desk.database, mode: .create, now: now, migrator: older)
        }
        // As the release before stored a member of staff (this build's store writes only the current schema).
        _ = try desk.sql("INSERT INTO staff (handle, display_name, role, created_at) VALUES ('tanaka', '田中', 'salesperson', '2026-11-20T01:00:00Z')")
        let before = try files(desk.directory)
        for command in commands {
            #expect(try desk.run(command) == failure(78,
                "\(desk.database) has an older schema (pending migration: \(latestMigration)); run `desk init` to upgrade it (a backup first is wise: `desk backup`)"),
                "\(command)")
        }
        #expect(try files(desk.directory) == before)
        #expect(try desk.run(["init"]) == DeskResult(status: 0, stdout: desk.database + "\n", stderr: ""))
        #expect(try desk.sql("SELECT id FROM schema_migrations ORDER BY id") == allMigrations.joined(separator: "\n") + "\n")
        #expect(try desk.run(["staff", "list", "--json"]).status == 0)
        // A second init changes nothing.
        #expect(try desk.run(["init"]) == DeskResult(status: 0, stdout: desk.database + "\n", stderr: ""))
    }

    @Test func aMissingDatabaseIsCreatedOnlyByInit() throws {
        let desk = try DeskSandbox()
        for command in commands {
            #expect(try desk.run(command) == failure(66,
                "no database at \(desk.database); create it with `desk init` (or point --db or DESK_DB at an existing one)"), "\(command)")
        }
        #expect(try listing(desk.directory) == [])
        #expect(try desk.run(["init"]) == DeskResult(status: 0, stdout: desk.database + "\n", stderr: ""))
        #expect(try desk.sql("SELECT count(*) FROM schema_migrations") == "\(allMigrations.count)\n")
    }
}
