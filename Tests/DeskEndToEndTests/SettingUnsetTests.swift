import Foundation
import Testing

/// `desk config unset KEY [--account CODE]` (issue 15): an account's own value removed falls back to the
/// service's, a service-wide value removed falls back to the documented default, each with its event; the
/// daily report replays the removal too.
@Suite struct SettingUnsetTests {
    @Test func anAccountsOwnValueFallsBackToTheServicesThenTheDefault() throws {
        let desk = try AccountSettingsTests.twoClients()
        try desk.ok(["config", "set", "business_hours", "09:30-18:30", "--as", "boss"])
        #expect(try desk.run(["config", "unset", "business_hours", "--account", "beta", "--as", "boss"]) == DeskResult(
            status: 0, stdout: "business_hours unset for account beta; in force: 09:30-18:30 (service)\n", stderr: ""))
        let shown = try desk.ok(["config", "show", "--account", "beta"]).stdout.split(separator: "\n")
        #expect(shown.first { $0.hasPrefix("business_hours ") }?.split(separator: " ").prefix(3)
                == ["business_hours", "09:30-18:30", "service"])
        #expect(try desk.run(["config", "unset", "business_hours", "--as", "boss"]) == DeskResult(
            status: 0, stdout: "business_hours unset; in force: 09:00-18:00 (default)\n", stderr: ""))
        #expect(try desk.ok(["config", "show", "--account", "beta", "--json"]).stdout.contains("""
              "business_hours": {
                "value": "09:00-18:00",
                "source": "default"
              }
            """))
        #expect(try desk.sql("SELECT coalesce(account_id, '-'), key FROM settings WHERE key = 'business_hours'") == "")
        #expect(try desk.sql("""
            SELECT subject_id, actor, before, after FROM events WHERE kind = 'setting.changed' AND after LIKE '%business_hours%'
            ORDER BY id DESC LIMIT 2
            """) == """
            0|boss|{"key":"business_hours","value":"09:30-18:30"}|{"key":"business_hours","value":null}
            2|boss|{"account":"beta","key":"business_hours","value":"10:00-17:00"}|{"account":"beta","key":"business_hours","value":null}

            """)
    }

    /// Removing what is not set says so, writes nothing and succeeds: the value already falls back, as asked.
    @Test func unsettingWhatIsNotSetChangesNothing() throws {
        let desk = try AccountSettingsTests.twoClients()
        let events = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["config", "unset", "business_hours", "--account", "acme", "--as", "boss"]) == DeskResult(
            status: 0, stdout: "business_hours is not set for account acme; nothing changed; in force: 09:00-18:00 (default)\n",
            stderr: ""))
        #expect(try desk.run(["config", "unset", "urgent_due_minutes", "--as", "boss", "--json"]) == DeskResult(
            status: 0, stdout: """
            {
              "setting": "urgent_due_minutes",
              "account": null,
              "unset": false,
              "value": "30",
              "source": "default"
            }

            """, stderr: ""))
        #expect(try desk.sql("SELECT count(*) FROM events") == events)
    }

    /// The keywords are only ever an account's own: unset needs the account as set does, and leaves none.
    @Test func keywordsAreUnsetForTheChosenAccount() throws {
        let desk = try AccountSettingsTests.twoClients()
        #expect(try desk.run(["config", "unset", "sensitive_keywords", "--as", "boss"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: this desk answers for several accounts (acme, beta); choose one with --account CODE or $DESK_ACCOUNT

            """))
        #expect(try desk.run(["config", "unset", "sensitive_keywords", "--account", "beta", "--as", "boss", "--json"]) == DeskResult(
            status: 0, stdout: """
            {
              "setting": "sensitive_keywords",
              "account": "beta",
              "unset": true,
              "value": "",
              "source": "default"
            }

            """, stderr: ""))
        #expect(try desk.sql("SELECT count(*) FROM settings WHERE key = 'sensitive_keywords'") == "0\n")
    }

    /// beta weighs urgency at 50 until it is unset at 10:03: its callback of 10:00 ranks by 50 in a report of
    /// 10:02, by the default 8 in one of 10:05, replayed from the events, and the live list agrees.
    @Test func theReportReplaysTheRemoval() throws {
        var desk = try AccountSettingsTests.twoClients()
        try desk.ok(["config", "set", "priority.urgent", "50", "--account", "beta", "--as", "boss"])
        desk.now = "2026-11-20T10:00:00+09:00"
        try desk.ok(["log", "--account", "beta", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                     "--message", "見積の件", "--urgent", "--as", "sato"])
        desk.now = "2026-11-20T10:03:00+09:00"
        try desk.ok(["config", "unset", "priority.urgent", "--account", "beta", "--as", "boss"])
        desk.now = "2026-11-20T10:05:00+09:00"
        #expect(try desk.ok(["callbacks", "--account", "beta"]).stdout.contains("\n 1  8.04  "))
        #expect(try desk.ok(["report", "--account", "beta"]).stdout.contains("open by priority: high 0, medium 1, low 0"))
    }

    /// Settings are checked as a whole: without its own 2h cycle, beta's ladder with a step at 90m would repeat
    /// every 30m (the default) before its last step, so the unset is refused and nothing changes.
    @Test func anUnsetThatPutsAnotherSettingOutOfForceIsRefused() throws {
        let desk = try AccountSettingsTests.twoClients()
        try desk.ok(["config", "set", "escalation.urgent_every", "2h", "--account", "beta", "--as", "boss"])
        try desk.ok(["config", "set", "escalation.urgent_steps", "owner@0,escalation_contact@90m", "--account", "beta", "--as", "boss"])
        let before = try desk.sql(".dump")
        #expect(try desk.run(["config", "unset", "escalation.urgent_every", "--account", "beta", "--as", "boss"]) == DeskResult(
            status: 65, stdout: "", stderr: """
            desk: error: escalation.urgent_every cannot be unset: the ladder repeats every 30m but its last step is at 90m; repeat it later; change or unset the others first

            """))
        #expect(try desk.sql(".dump") == before)
    }

    /// A closed account's settings are part of its read-only history: unsetting one is refused, and nothing changes.
    @Test func aClosedAccountsValueCannotBeUnset() throws {
        let desk = try AccountSettingsTests.twoClients()
        try desk.ok(["account", "close", "beta", "--as", "boss"])
        let result = try desk.run(["config", "unset", "business_hours", "--account", "beta", "--as", "boss"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("desk: error: account beta was closed at 2026-11-20"))
        #expect(try desk.sql("SELECT count(*) FROM settings WHERE account_id = 2 AND key = 'business_hours'") == "1\n")
    }
}
