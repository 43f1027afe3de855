import Foundation
import Testing

/// Per-account settings (issue 15, "Accounts"): each account's calendar, hours, ladders, due times, priority
/// coefficients and sensitive keywords, each falling back to the service-wide default when the account has not
/// set it; the sweep runs across every account, each callback under its own account's ladders and calendar.
@Suite struct AccountSettingsTests {
    /// acme (the desk's first account) keeps the service's settings; beta closes at 17:00, works on national
    /// holidays, escalates an urgent callback straight to the escalation contact after 5 minutes, and finds 訴訟
    /// sensitive. Each has tanaka (substitute suzuki, escalation contact boss).
    static func twoClients() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        desk.now = "2026-11-20T09:00:00+09:00"
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "はい、ベータ商事でございます", "--line", "06-6000-0001"])
        try desk.ok(["staff", "add", "boss", "--name", "部長", "--role", "manager"])
        try desk.ok(["staff", "add", "sato", "--name", "佐藤", "--role", "operator"])
        for code in ["acme", "beta"] {
            try desk.ok(["staff", "add", "suzuki", "--name", "鈴木", "--account", code])
            try desk.ok(["staff", "add", "tanaka", "--name", "田中", "--substitute", "suzuki", "--escalate-to", "boss", "--account", code])
        }
        try desk.ok(["config", "set", "business_hours", "10:00-17:00", "--account", "beta", "--as", "boss"])
        try desk.ok(["calendar", "holidays", "off", "--account", "beta", "--as", "boss"])
        try desk.ok(["config", "set", "escalation.urgent_steps", "escalation_contact@5m", "--account", "beta", "--as", "boss"])
        try desk.ok(["config", "set", "sensitive_keywords", "訴訟", "--account", "beta", "--as", "boss"])
        return desk
    }

    /// 2026-11-23 is 勤労感謝の日, a Monday: acme is closed (its callback is due at Tuesday's close, 18:00), beta
    /// works and closes at 17:00 (due that day). Only beta's keyword marks the same words sensitive.
    @Test func eachAccountsMessageGetsItsOwnDueTimeAndSensitivity() throws {
        var desk = try Self.twoClients()
        desk.now = "2026-11-23T10:00:00+09:00"
        for code in ["acme", "beta"] {
            try desk.ok(["log", "--account", code, "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                         "--message", "訴訟の件で折り返しください", "--as", "sato"])
        }
        #expect(try desk.sql("SELECT cl.account_id, cb.due_at, cb.sensitive FROM callbacks cb JOIN callers cl ON cl.id = cb.caller_id ORDER BY cb.id") == """
            1|2026-11-24T09:00:00Z|0
            2|2026-11-23T08:00:00Z|1

            """)
    }

    /// Urgent callbacks of both accounts at 10:00 on Friday; the sweep at 10:06 fires acme's service ladder (owner
    /// at once) and beta's own (boss after 5 minutes), each for its own callback only.
    @Test func theSweepEscalatesEachCallbackByItsOwnAccountsLadder() throws {
        var desk = try Self.twoClients()
        desk.now = "2026-11-20T10:00:00+09:00"
        for code in ["acme", "beta"] {
            try desk.ok(["log", "--account", code, "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                         "--message", "見積の件", "--urgent", "--as", "sato"])
        }
        desk.now = "2026-11-20T10:06:00+09:00"
        try desk.ok(["sweep"])
        #expect(try desk.sql("""
            SELECT e.callback_id, e.ladder, e.step, s.handle, coalesce(a.code, 'service') FROM escalations e
            JOIN staff s ON s.id = e.target_id LEFT JOIN accounts a ON a.id = s.account_id ORDER BY e.id
            """) == """
            1|urgent|0|tanaka|acme
            2|urgent|0|boss|service

            """)
        // Running it again changes nothing.
        try desk.ok(["sweep"])
        #expect(try desk.sql("SELECT count(*) FROM escalations") == "2\n")
    }

    /// beta weighs urgency at 50 (acme: the default 8): its list and its daily report rank its callback by its own
    /// coefficient, replayed from its own events.
    @Test func theListAndTheReportRankByTheAccountsOwnCoefficients() throws {
        var desk = try Self.twoClients()
        try desk.ok(["config", "set", "priority.urgent", "50", "--account", "beta", "--as", "boss"])
        desk.now = "2026-11-20T10:00:00+09:00"
        for code in ["acme", "beta"] {
            try desk.ok(["log", "--account", code, "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                         "--message", "見積の件", "--urgent", "--as", "sato"])
        }
        desk.now = "2026-11-20T10:05:00+09:00"
        #expect(try desk.ok(["callbacks", "--account", "acme"]).stdout.contains("\n 1  8.04  "))
        #expect(try desk.ok(["callbacks", "--account", "beta"]).stdout.contains("\n 2  50.04  "))
        #expect(try desk.ok(["report", "--account", "acme"]).stdout.contains("open by priority: high 0, medium 1, low 0"))
        #expect(try desk.ok(["report", "--account", "beta"]).stdout.contains("open by priority: high 1, medium 0, low 0"))
    }

    @Test func configShowSaysWhereEachValueComesFrom() throws {
        let desk = try Self.twoClients()
        try desk.ok(["config", "set", "urgent_due_minutes", "45", "--as", "boss"])
        let shown = try desk.ok(["config", "show", "--account", "beta", "--json"]).stdout
        for line in [#""business_hours": {"#, #""value": "10:00-17:00""#, #""source": "account""#] { #expect(shown.contains(line)) }
        let text = try desk.ok(["config", "show", "--account", "beta"]).stdout.split(separator: "\n")
        func row(_ key: String) -> [Substring] {
            (text.first { $0.hasPrefix(key + " ") } ?? "").split(separator: " ").prefix(3).map { $0 }
        }
        #expect(row("business_hours") == ["business_hours", "10:00-17:00", "account"])
        #expect(row("urgent_due_minutes") == ["urgent_due_minutes", "45", "service"])
        #expect(row("type1_due_minutes") == ["type1_due_minutes", "120", "default"])
        #expect(row("sensitive_keywords") == ["sensitive_keywords", "訴訟", "account"])
        // acme's own view: the service's hours, no keywords.
        let acme = try desk.ok(["config", "show", "--account", "acme"]).stdout.split(separator: "\n")
        #expect(acme.first { $0.hasPrefix("business_hours ") }?.split(separator: " ").prefix(3) == ["business_hours", "09:00-18:00", "default"])
        #expect(acme.first { $0.hasPrefix("sensitive_keywords ") }?.split(separator: " ").prefix(2) == ["sensitive_keywords", "default"])
    }

    @Test func aChangeForAnAccountIsAnEventNamingIt() throws {
        let desk = try Self.twoClients()
        #expect(try desk.sql("SELECT subject_id, kind, before, after FROM events WHERE subject = 'setting' AND kind NOT LIKE 'account.%' ORDER BY id") == """
            2|setting.changed|{"account":"beta","key":"business_hours","value":null}|{"account":"beta","key":"business_hours","value":"10:00-17:00"}
            2|setting.changed|{"account":"beta","key":"national_holidays","value":null}|{"account":"beta","key":"national_holidays","value":"off"}
            2|setting.changed|{"account":"beta","key":"escalation.urgent_steps","value":null}|{"account":"beta","key":"escalation.urgent_steps","value":"escalation_contact@5m"}
            2|setting.changed|{"account":"beta","key":"sensitive_keywords","value":null}|{"account":"beta","key":"sensitive_keywords","value":"訴訟"}

            """)
        #expect(try desk.sql("SELECT coalesce(account_id, '-'), key, value FROM settings ORDER BY id") == """
            2|business_hours|10:00-17:00
            2|national_holidays|off
            2|escalation.urgent_steps|escalation_contact@5m
            2|sensitive_keywords|訴訟

            """)
    }

    @Test func anAccountsOwnCalendarEntryClosesOnlyIt() throws {
        var desk = try Self.twoClients()
        #expect(try desk.ok(["calendar", "close", "2026-11-25", "--note", "社員旅行", "--account", "beta", "--as", "boss"]).status == 0)
        #expect(try desk.sql("SELECT id, account_id, first_day FROM calendar_entries") == "1|2|2026-11-25\n")
        #expect(try desk.ok(["calendar", "entries", "--account", "acme"]).stdout == "ID  KIND  DAYS  HOURS  NOTE\n")
        desk.now = "2026-11-24T16:00:00+09:00"
        for code in ["acme", "beta"] {
            try desk.ok(["log", "--account", code, "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                         "--message", "見積の件", "--as", "sato"])
        }
        // acme: due at Tuesday's 18:00; beta: closes at 17:00, due that day too.
        #expect(try desk.sql("SELECT due_at FROM callbacks ORDER BY id") == "2026-11-24T09:00:00Z\n2026-11-24T08:00:00Z\n")
        #expect(try desk.run(["calendar", "remove", "1", "--as", "boss"]).status == 65)
    }

    @Test func keywordsAreEachAccountsOwn() throws {
        let desk = try Self.twoClients()
        #expect(try desk.run(["config", "set", "sensitive_keywords", "給与", "--as", "boss"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: this desk answers for several accounts (acme, beta); choose one with --account CODE or $DESK_ACCOUNT

            """))
        #expect(try desk.ok(["config", "set", "sensitive_keywords", "給与", "--account", "acme", "--as", "boss"]).stdout
                == "sensitive_keywords = 給与 (account acme)\n")
    }
}

extension AccountSettingsTests {
    /// A hand-edited value of one account is reported by `desk check` with the account named, and the fix for it.
    @Test func checkNamesTheAccountOfASettingNotInForce() throws {
        let desk = try Self.twoClients()
        _ = try desk.sql("INSERT INTO settings (account_id, key, value) VALUES (2, 'priority.urgent', 'banana')")
        let result = try desk.run(["check"])
        #expect(result.status == 78)
        #expect(result.stdout.contains("""
            settings:      1 not in force
              account beta: the stored setting priority.urgent = 'banana' is not in force ('banana' is not a coefficient: use a number from 0 to 1000); its default 8 applies until you fix it with `desk config set priority.urgent VALUE --account beta`

            """))
    }
}
