import Foundation
import Testing

/// A `DESK_USER` (or `--as`) the staff list does not know stops only changes recorded as theirs — with
/// an error naming where the name came from — never `desk init`, reading, or adding that very person.
@Suite struct UnknownActorTests {
    func error(_ status: Int32, _ line: String) -> DeskResult {
        DeskResult(status: status, stdout: "", stderr: "desk: error: \(line)\n")
    }

    static let unknownDeskUser = "DESK_USER=ghost is not on the staff list, so the change cannot be recorded as theirs; add them with `desk staff add ghost --name NAME`, set DESK_USER to a handle from `desk staff list`, or unset it"
    static let unknownAs = "--as ghost: not on the staff list, so the change cannot be recorded as theirs; add them with `desk staff add ghost --name NAME`, or give a handle from `desk staff list`"

    /// The walkthrough's office with one callback, then DESK_USER set to someone nobody added.
    func officeWithAGhost() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"])
        desk.extraEnvironment["DESK_USER"] = "ghost"
        return desk
    }

    @Test func initWorksForAnUnknownDeskUser() throws {
        var desk = try DeskSandbox()
        desk.extraEnvironment["DESK_USER"] = "ghost"
        #expect(try desk.run(["init"]) == DeskResult(status: 0, stdout: desk.database + "\n", stderr: ""))
        #expect(try desk.run(["init"]) == DeskResult(status: 0, stdout: desk.database + "\n", stderr: ""))
    }

    @Test func readingCommandsWorkForAnUnknownDeskUser() throws {
        let desk = try officeWithAGhost()
        for arguments in [["callbacks"], ["show", "1"], ["history", "1"], ["board"], ["staff", "list"], ["staff", "show", "tanaka"],
                          ["report"], ["config", "show"], ["notifications"], ["check"], ["callbacks", "--as", "ghost"]] {
            let result = try desk.run(arguments)
            #expect(result.status == 0 && result.stderr == "", "desk \(arguments.joined(separator: " ")): \(result)")
        }
    }

    /// How a person adds themselves: `DESK_USER=ghost desk staff add ghost` is recorded as ghost's own act.
    @Test func addingThatVeryHandleWorksAndIsRecordedAsTheirs() throws {
        let desk = try officeWithAGhost()
        #expect(try desk.run(["staff", "add", "ghost", "--name", "幽霊", "--role", "operator"])
                == DeskResult(status: 0, stdout: "added ghost (幽霊), operator\n", stderr: ""))
        #expect(try desk.sql("SELECT actor FROM events WHERE kind = 'staff.added' ORDER BY id DESC LIMIT 1") == "ghost\n")
        // Known now, so their changes are theirs.
        try desk.ok(["ack", "1"])
        #expect(try desk.sql("SELECT actor FROM events ORDER BY id DESC LIMIT 1") == "ghost\n")
        #expect(try desk.run(["staff", "add", "newbie", "--name", "新人", "--as", "newbie"]).status == 0)
        #expect(try desk.sql("SELECT actor FROM events ORDER BY id DESC LIMIT 1") == "newbie\n")
    }

    @Test func changesAsAnUnknownDeskUserAreRefusedNamingDeskUser() throws {
        let desk = try officeWithAGhost()
        let before = try desk.sql("SELECT count(*) FROM events")
        for arguments in [
            ["log", "--for", "tanaka", "--caller", "佐藤", "--phone", "03-9999-0000", "--message", "x"], ["ack", "1"],
            ["done", "1"], ["staff", "add", "kato", "--name", "加藤"], ["staff", "edit", "sato", "--name", "佐藤二郎"],
            ["away", "tanaka"], ["config", "set", "urgent_due_minutes", "20"], ["sweep"], ["take"],
            ["notify", "--exec", "cat >/dev/null"],
        ] {
            #expect(try desk.run(arguments) == error(65, Self.unknownDeskUser), "desk \(arguments.joined(separator: " "))")
        }
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
    }

    @Test func changesAsAnUnknownAsAreRefusedNamingAs() throws {
        var desk = try officeWithAGhost()
        desk.extraEnvironment["DESK_USER"] = "sato"
        let before = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["ack", "1", "--as", "ghost"]) == error(65, Self.unknownAs))
        #expect(try desk.run(["staff", "add", "kato", "--name", "加藤", "--as", "ghost"]) == error(65, Self.unknownAs))
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
        // --as wins over DESK_USER, both ways.
        desk.extraEnvironment["DESK_USER"] = "ghost"
        try desk.ok(["ack", "1", "--as", "sato"])
        #expect(try desk.sql("SELECT actor FROM events ORDER BY id DESC LIMIT 1") == "sato\n")
    }

    /// Commands that record no one (the simulator, backups) do not care who DESK_USER names.
    @Test func commandsThatRecordNoOneIgnoreAnUnknownDeskUser() throws {
        let desk = try officeWithAGhost()
        #expect(try desk.run(["backup", desk.directory + "/b.sqlite"]).status == 0)
        #expect(try desk.run(["simulate", "--db", desk.directory + "/sim.sqlite", "--days", "1", "--salespeople", "2"]).status == 0)
    }
}
