import Foundation
import Testing

/// A stdout that cannot be written never crashes desk: exit 74 with one line (141, quietly, when a pipe's
/// reader has left), and a command that saved a change before its output failed says so — an operator
/// who sees an error must not take the call again.
@Suite struct OutputFailureTests {
    /// The office of the form tests (tanaka away, tanabe added) and seven callbacks, #7 urgent.
    func office() throws -> DeskSandbox {
        let desk = try TakeFormTests().office()
        for number in 1...7 {
            try desk.ok(["log", "--for", "tanaka", "--caller", "顧客\(number)", "--phone", "03-1234-000\(number)",
                         "--message", "伝言\(number)"] + (number == 7 ? ["--urgent"] : []))
        }
        return desk
    }

    func reason(_ broken: BrokenOutput) -> String {
        switch broken {
        case .fullDisk: "No space left on device"
        case .closed: "Bad file descriptor"
        case .readerGone: "Broken pipe"
        }
    }

    /// What a command that changed nothing does: 74 and one line, or 141 and silence for a pipe.
    func nothingChanged(_ broken: BrokenOutput) -> DeskResult {
        if broken == .readerGone { return DeskResult(status: 141, stdout: "", stderr: "") }
        return DeskResult(status: 74, stdout: "", stderr: "desk: error: could not write the output (\(reason(broken))); "
                          + "nothing was changed — check where the output goes and run it again\n")
    }

    /// What a command that saved something does: 74 (141 for a pipe) and one line saying what was saved.
    func saved(_ broken: BrokenOutput, _ what: String) -> DeskResult {
        DeskResult(status: broken == .readerGone ? 141 : 74, stdout: "",
                   stderr: "desk: error: could not write the output (\(reason(broken))); \(what)\n")
    }

    static let callbackSaved = "the change was saved — do not repeat it, check with `desk callbacks --state all`"

    @Test(arguments: BrokenOutput.allCases)
    func readingCommandsExit74OrQuietly141(_ broken: BrokenOutput) throws {
        let desk = try office()
        let before = try desk.sql(".dump")
        for arguments in [
            ["callbacks"], ["callbacks", "--json"], ["callbacks", "--csv"], ["show", "1"], ["show", "1", "--json"],
            ["history", "1"], ["report"], ["report", "--json"], ["notifications"], ["config", "show"], ["staff", "list"],
            ["staff", "show", "tanaka"], ["board"], ["board", "--json"], ["check"], ["init"], ["take"],
            ["--version"], ["--help"], ["log", "--help"],
        ] {
            #expect(try desk.run(arguments, stdout: broken) == nothingChanged(broken),
                    "desk \(arguments.joined(separator: " ")), \(broken)")
        }
        #expect(try desk.sql(".dump") == before)
    }

    @Test(arguments: BrokenOutput.allCases)
    func changingCommandsSayTheChangeWasSaved(_ broken: BrokenOutput) throws {
        var desk = try office()
        let staffSaved = "the change was saved — do not repeat it, check with `desk staff list`"
        let boardSaved = "the change was saved — do not repeat it, check with `desk board`"
        let cases: [([String], String, String)] = [
            (["log", "--for", "suzuki", "--caller", "新規", "--phone", "03-9999-0000", "--message", "x"], Self.callbackSaved,
             "SELECT count(*) FROM calls"),
            (["ack", "1"], Self.callbackSaved, "SELECT state FROM callbacks WHERE id = 1"),
            (["attempt", "2", "--note", "留守電"], Self.callbackSaved, "SELECT attempts FROM callbacks WHERE id = 2"),
            (["done", "3"], Self.callbackSaved, "SELECT state FROM callbacks WHERE id = 3"),
            (["reassign", "4", "--to", "sato", "--reason", "担当替え"], Self.callbackSaved,
             "SELECT s.handle FROM callbacks c JOIN staff s ON s.id = c.owner_id WHERE c.id = 4"),
            (["cancel", "5", "--reason", "不要"], Self.callbackSaved, "SELECT state FROM callbacks WHERE id = 5"),
            (["escalate", "6", "--reason", "至急"], Self.callbackSaved, "SELECT escalation_level FROM callbacks WHERE id = 6"),
            (["staff", "add", "kato", "--name", "加藤"], staffSaved, "SELECT count(*) FROM staff"),
            (["staff", "edit", "sato", "--name", "佐藤二郎"], staffSaved, "SELECT display_name FROM staff WHERE handle = 'sato'"),
            (["away", "suzuki", "--until", "16:00"], boardSaved, "SELECT count(*) FROM presence"),
            (["back", "suzuki"], boardSaved, "SELECT count(*) FROM presence"),
            (["config", "set", "urgent_due_minutes", "20"],
             "the change was saved — do not repeat it, check with `desk config show`",
             "SELECT value FROM settings WHERE key = 'urgent_due_minutes'"),
        ]
        for (arguments, what, query) in cases {
            let before = try desk.sql(query)
            #expect(try desk.run(arguments, stdout: broken) == saved(broken, what),
                    "desk \(arguments.joined(separator: " ")), \(broken)")
            #expect(try desk.sql(query) != before, "desk \(arguments.joined(separator: " ")) saved nothing")
        }
        desk.now = "2026-11-20T10:35:00+09:00"
        let notificationsSaved = "the change was saved — do not repeat it, check with `desk notifications`"
        #expect(try desk.run(["sweep"], stdout: broken) == saved(broken, notificationsSaved))
        #expect(try desk.sql("SELECT count(*) > 0 FROM notifications WHERE delivered_at IS NULL") == "1\n")
        // A second sweep at the same time has nothing to do, and saves nothing.
        #expect(try desk.run(["sweep"], stdout: broken) == nothingChanged(broken))
        #expect(try desk.run(["notify", "--exec", "cat >/dev/null"], stdout: broken) == saved(broken, notificationsSaved))
        #expect(try desk.sql("SELECT count(*) FROM notifications WHERE delivered_at IS NULL") == "0\n")
    }

    /// `desk take --json` saves the form's message, then prints it: the dialogue is on stderr, and the
    /// last line says the message was saved.
    @Test(arguments: BrokenOutput.allCases)
    func aFormWhoseResultCannotBePrintedSaysTheMessageWasSaved(_ broken: BrokenOutput) throws {
        let desk = try office()
        let answers = ["tanabe", "03-5555-6666", "森", "", "見積の件", "", "n", "", "", "", "n", "", "", "", "", "", "", "y"]
        let result = try desk.run(["take", "--json"], stdout: broken, input: answers.joined(separator: "\n") + "\n")
        let expected = saved(broken, Self.callbackSaved)
        #expect(result.status == expected.status, "\(result)")
        #expect(result.stderr.hasSuffix("\n" + expected.stderr), "\(result)")
        #expect(try desk.sql("SELECT count(*) FROM calls") == "8\n")
    }

    @Test(arguments: BrokenOutput.allCases)
    func filesMadeBeforeTheOutputFailedAreNamed(_ broken: BrokenOutput) throws {
        let desk = try office()
        let backup = desk.directory + "/backup.sqlite"
        #expect(try desk.run(["backup", backup], stdout: broken)
                == saved(broken, "the backup was made — check it with `desk check --db \(backup)`"))
        #expect(try sqlite(backup, "SELECT count(*) FROM calls") == "7\n")
        try desk.ok(["log", "--for", "suzuki", "--caller", "新規", "--phone", "03-9999-0000", "--message", "x"])
        #expect(try desk.run(["restore", backup, "--force"], stdout: broken)
                == saved(broken, "the database was restored — do not repeat it, check with `desk check`"))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "7\n")
        let fresh = desk.directory + "/new.sqlite"
        #expect(try desk.run(["init", "--db", fresh], stdout: broken)
                == saved(broken, "the database was set up — check it with `desk check`"))
        #expect(try sqlite(fresh, "SELECT count(*) > 0 FROM schema_migrations") == "1\n")
        let simulation = desk.directory + "/simulation.sqlite"
        #expect(try desk.run(["simulate", "--db", simulation, "--days", "1", "--salespeople", "2"], stdout: broken)
                == saved(broken, "the simulation was saved — browse it with `desk callbacks --db \(simulation)`"))
        #expect(try sqlite(simulation, "SELECT count(*) > 0 FROM calls") == "1\n")
    }

    /// The audit's reproducer: `desk log > /dev/full` saved the call, crashed, and the retry recorded a
    /// phantom repeat call. Now it says the call was saved, and the database holds it once.
    @Test func aCallWhoseOutputFailedIsSavedExactlyOnce() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let log = ["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"]
        #expect(try desk.run(log, stdout: .fullDisk) == saved(.fullDisk, Self.callbackSaved))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "1\n")
        #expect(try desk.sql("SELECT count(*), max(repeat_count) FROM callbacks") == "1|0\n")
    }

    /// With stderr closed as well, desk still exits with the code and nothing else happens.
    @Test func aClosedStderrNeverTraps() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let log = ["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"]
        #expect(try desk.runShell("exec \"$0\" \"$@\" >&- 2>&-", arguments: log).status == 74)
        #expect(try desk.runShell("exec \"$0\" \"$@\" >/dev/full 2>&-", arguments: ["callbacks"]).status == 74)
        #expect(try desk.runShell("exec \"$0\" \"$@\" 2>&-", arguments: ["ack", "99"]).status == 65)
        #expect(try desk.runShell("exec \"$0\" \"$@\" 2>/dev/full", arguments: ["ack", "99"]).status == 65)
        #expect(try desk.sql("SELECT count(*) FROM calls") == "1\n")
        #expect(try desk.sql("PRAGMA integrity_check") == "ok\n")
    }
}
