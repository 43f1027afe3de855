import Foundation
import MessageDesk
import Testing

/// `desk config set` validates the settings as a whole, as loading does; whatever the settings table holds,
/// the desk still takes messages and can repair its settings.
@Suite struct SettingsCommandTests {
    /// The audit's desk: `desk init`, tanaka, and the clock of the reproducer.
    func auditDesk(withBoss: Bool) throws -> DeskSandbox {
        var desk = try DeskSandbox()
        desk.now = "2026-11-24T10:00:00+09:00"
        try desk.ok(["init"])
        try desk.ok(["staff", "add", "tanaka", "--name", "田中"])
        if withBoss { try desk.ok(["staff", "add", "boss", "--name", "部長"]) }
        return desk
    }

    /// `log`, `callbacks`, `sweep` and `config show` all work, and say nothing on stderr unless told to.
    func expectHealthy(_ desk: DeskSandbox, phone: String, stderr: String = "",
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let commands = [["log", "--for", "tanaka", "--caller", "山田", "--phone", phone, "--message", "至急", "--urgent"],
                        ["callbacks"], ["sweep"], ["config", "show"]]
        for command in commands {
            let result = try desk.run(command)
            #expect(result.status == 0 && result.stderr == stderr, "desk \(command.joined(separator: " ")): \(result)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func theAuditsTwoConfigSetsNoLongerBrickTheDesk() throws {
        let desk = try auditDesk(withBoss: true)
        #expect(try desk.run(["config", "set", "escalation.urgent_every", "2h"])
                == DeskResult(status: 0, stdout: "escalation.urgent_every = 2h\n", stderr: ""))
        #expect(try desk.run(["config", "set", "escalation.urgent_steps", "owner@0m substitute@30m boss@60m"])
                == DeskResult(status: 0, stdout: "escalation.urgent_steps = owner@0m substitute@30m boss@1h\n", stderr: ""))
        try expectHealthy(desk, phone: "03-1234-5678")
        let json = try JSONValue.parse(try desk.run(["config", "show", "--json"]).stdout)
        #expect(json["escalation.urgent_steps"] == .string("owner@0m substitute@30m boss@1h"))
        #expect(json["escalation.urgent_every"] == .string("2h"))
        // The ladder as set is the ladder in force: shortening the cycle below its last step is refused.
        #expect(try desk.run(["config", "set", "escalation.urgent_every", "45m"]) == DeskResult(status: 65, stdout: "", stderr:
            "desk: error: escalation.urgent_every: the ladder repeats every 45m but its last step is at 60m; repeat it later\n"))
        #expect(try desk.run(["config", "set", "escalation.urgent_every", "3h"]).status == 0)
        #expect(try desk.sql("SELECT key, value FROM settings ORDER BY key") == """
            escalation.urgent_every|3h
            escalation.urgent_steps|owner@0m substitute@30m boss@1h

            """)
    }

    @Test func withoutABossTheLadderIsRefusedAndTheDeskWorks() throws {
        let desk = try auditDesk(withBoss: false)
        try desk.ok(["config", "set", "escalation.urgent_every", "2h"])
        #expect(try desk.run(["config", "set", "escalation.urgent_steps", "owner@0m substitute@30m boss@60m"]) == DeskResult(
            status: 65, stdout: "", stderr:
            "desk: error: escalation.urgent_steps: 'boss' is not on the staff list; add them first, or use owner, substitute or escalation_contact\n"))
        try expectHealthy(desk, phone: "03-1234-5678")
        #expect(try desk.sql("SELECT key, value FROM settings") == "escalation.urgent_every|2h\n")
    }

    @Test func aHandCorruptedSettingFallsBackToItsDefaultWithAWarningAndIsRepaired() throws {
        let desk = try auditDesk(withBoss: false)
        _ = try desk.sql("INSERT INTO settings (key, value) VALUES ('escalation.urgent_every', 'banana')")
        let warning = "desk: warning: the stored setting escalation.urgent_every = 'banana' is not in force ('banana' is not a duration: use e.g. 30m, 4h or 1d); its default 30m applies until you fix it with `desk config set escalation.urgent_every VALUE`\n"
        try expectHealthy(desk, phone: "03-1234-5678", stderr: warning)
        #expect(try JSONValue.parse(try desk.run(["config", "show", "--json"]).stdout)["escalation.urgent_every"] == .string("30m"))
        let check = try desk.run(["check"])
        #expect(check.status == 78)
        #expect(check.stdout.hasSuffix("""
            settings:      1 not in force
              the stored setting escalation.urgent_every = 'banana' is not in force ('banana' is not a duration: use e.g. 30m, 4h or 1d); its default 30m applies until you fix it with `desk config set escalation.urgent_every VALUE`

            """), "\(check)")
        #expect(check.stderr == "desk: error: 1 stored setting is not in force (listed above); fix it with `desk config set`\n")
        // The command the warning names repairs it, and the warning goes away.
        #expect(try desk.run(["config", "set", "escalation.urgent_every", "1h"])
                == DeskResult(status: 0, stdout: "escalation.urgent_every = 1h\n", stderr: ""))
        try expectHealthy(desk, phone: "03-1234-5679")
        #expect(try desk.run(["check"]).stdout.hasSuffix("settings:      ok\n"))
    }

    @Test func storedSettingsThatDoNotFitTogetherFallBackAsALadder() throws {
        let desk = try auditDesk(withBoss: false)
        // What an older desk could store: each value valid alone, the ladder impossible as a whole.
        _ = try desk.sql("""
            INSERT INTO settings (key, value) VALUES ('escalation.urgent_steps', 'owner@0m substitute@1h'),
                                                     ('escalation.urgent_every', '45m'), ('priority.urgent', '9')
            """)
        let warning = "desk: warning: the stored settings escalation.urgent_steps, escalation.urgent_every do not fit together (the ladder repeats every 45m but its last step is at 60m; repeat it later); the defaults of the urgent ladder apply until `desk config set` makes them fit\n"
        try expectHealthy(desk, phone: "03-1234-5678", stderr: warning)
        let shown = try JSONValue.parse(try desk.run(["config", "show", "--json"]).stdout)
        #expect(shown["escalation.urgent_steps"] == .string("owner@0m substitute@10m escalation_contact@20m"))
        #expect(shown["priority.urgent"] == .string("9"))  // the rest of the settings are in force
        // A change that still does not fit is refused and says why; one that makes the ladder fit repairs it.
        #expect(try desk.run(["config", "set", "escalation.urgent_cycles", "2"]) == DeskResult(status: 65, stdout: "", stderr:
            "desk: error: escalation.urgent_cycles: the ladder repeats every 45m but its last step is at 60m; repeat it later\n"))
        #expect(try desk.run(["config", "set", "escalation.urgent_every", "2h"])
                == DeskResult(status: 0, stdout: "escalation.urgent_every = 2h\n", stderr: ""))
        try expectHealthy(desk, phone: "03-1234-5679")
        #expect(try JSONValue.parse(try desk.run(["config", "show", "--json"]).stdout)["escalation.urgent_steps"]
                == .string("owner@0m substitute@1h"))
    }
}
