import Foundation
import Testing

/// A desk made by the release before accounts (schema 0008, `ReleaseDesk0008`) becomes one account, `default`:
/// every row is kept as it was, its salespeople and callers belong to the account, its operators and managers
/// to the service, and every read command prints exactly what that release printed.
@Suite struct AccountMigrationTests {
    /// The tables of schema 0008 with their columns then, in order (staff, callers and calendar entries gain
    /// account_id after them; calls line_id and phone_call_id in 0010; settings are rebuilt with an id and an
    /// account scope by 0012; notifications gain state and next_attempt_at in 0015).
    static let tablesAt0008: [(name: String, columns: String)] = [
        ("staff", "id, handle, display_name, role, mobile, substitute_id, escalation_id, created_at"),
        ("presence", "*"), ("callers", "id, phone, name, company, created_at"), ("callbacks", "*"),
        ("calls", "id, at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome"),
        ("messages", "*"), ("settings", "key, value"), ("events", "*"), ("escalations", "*"),
        ("notifications", "id, created_at, recipient_id, callback_id, escalation_id, kind, reason, body, attempts, last_error, delivered_at"),
        ("submissions", "*"), ("database_purpose", "*"),
        ("calendar_entries", "id, kind, first_day, last_day, weekday, opens, closes, note, added_at, removed_at"), ("sqlite_sequence", "*"),
    ]

    func rows(_ desk: DeskSandbox) throws -> [String: String] {
        var rows: [String: String] = [:]
        for table in Self.tablesAt0008 {
            rows[table.name] = try desk.sql("SELECT \(table.columns) FROM \(table.name) ORDER BY 1")
        }
        return rows
    }

    func releasedDesk() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        desk.now = ReleaseDesk0008.now
        _ = try desk.sql(ReleaseDesk0008.dump)
        // The sqlite3 shell creates it 0644; desk would warn about that on every run.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: desk.database)
        #expect(try desk.sql("SELECT max(id) FROM schema_migrations") == "0008_calendar_entries\n")
        return desk
    }

    @Test func everyRowIsKeptAndTheDeskBecomesTheDefaultAccount() throws {
        let desk = try releasedDesk()
        let before = try rows(desk)
        #expect(before.values.allSatisfy { !$0.isEmpty }, "the release's day leaves a table empty")
        try desk.ok(["init"])
        #expect(try desk.sql("SELECT max(id) FROM schema_migrations") == "0015_delivery_states\n")
        let after = try rows(desk)
        // Calls made before 0010 came in on no known line, with no phone-system id.
        #expect(try desk.sql("SELECT count(*) FROM calls WHERE line_id IS NOT NULL OR phone_call_id IS NOT NULL") == "0\n")
        for table in Self.tablesAt0008 where table.name != "sqlite_sequence" {
            #expect(after[table.name] == before[table.name], "rows of \(table.name)")
        }
        // Ids are never reused: each table carries on from where it was; accounts and lines start their own.
        #expect(try desk.sql("SELECT name, seq FROM sqlite_sequence WHERE name NOT IN ('accounts') ORDER BY name")
                == (before["sqlite_sequence"] ?? "").split(separator: "\n").map { $0.split(separator: "|") }
                    .sorted { $0[0] < $1[0] }.map { $0.joined(separator: "|") + "\n" }.joined())
        #expect(try desk.sql("SELECT id, code, name, greeting, reading, aliases, notes, created_at, closed_at FROM accounts")
                == "1|default|default|||[]||2026-11-20T01:00:00Z|\n")
        #expect(try desk.sql("SELECT count(*) FROM account_lines") == "0\n")
        #expect(try desk.sql("SELECT handle, role, ifnull(account_id, 'service') FROM staff ORDER BY id") == """
            boss|manager|service
            suzuki|salesperson|1
            tanaka|salesperson|1
            sato|operator|service

            """)
        #expect(try desk.sql("SELECT DISTINCT account_id FROM callers") == "1\n")
        // The settings and the calendar stay the service's, which the one account follows (0012).
        #expect(try desk.sql("SELECT DISTINCT ifnull(account_id, 'service') FROM settings") == "service\n")
        #expect(try desk.sql("SELECT DISTINCT ifnull(account_id, 'service') FROM calendar_entries") == "service\n")
        #expect(try desk.sql("PRAGMA foreign_key_check") == "")
        #expect(try desk.sql("PRAGMA integrity_check") == "ok\n")
    }

    @Test func everyReadCommandPrintsWhatTheReleasePrinted() throws {
        let desk = try releasedDesk()
        try desk.ok(["init"])
        for (arguments, stdout) in ReleaseDesk0008.outputs {
            let result = try desk.run(arguments.split(separator: " ").map(String.init))
            // Delivery states (0015) add two keys at the end of each notification, and nothing else.
            let expected = arguments != "notifications --json" ? stdout : stdout.replacingOccurrences(
                of: "\"delivered_at\": null\n", with: "\"delivered_at\": null,\n    \"state\": \"pending\",\n    \"next_attempt_at\": null\n")
            #expect(result == DeskResult(status: 0, stdout: expected, stderr: ""), "desk \(arguments)")
        }
    }
}
