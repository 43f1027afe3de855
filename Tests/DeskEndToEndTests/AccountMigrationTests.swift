import Foundation
import MessageDesk
import Testing

/// A desk made by the release before accounts (schema 0008, `ReleaseDesk0008`) becomes one account, `default`:
/// every row is kept as it was, its salespeople and callers belong to the account, its operators and managers
/// to the service, and every read command prints exactly what that release printed.
@Suite struct AccountMigrationTests {
    /// The tables of schema 0008 with their columns then, in order (staff, callers and calendar entries gain
    /// account_id after them; calls line_id and phone_call_id in 0010; settings are rebuilt with an id and an
    /// account scope by 0012; submissions are rebuilt with screened_call_id after call_id by 0013; notifications gain
    /// their channel by 0014 and their delivery state by 0015).
    static let tablesAt0008: [(name: String, columns: String)] = [
        ("staff", "id, handle, display_name, role, mobile, substitute_id, escalation_id, created_at"),
        ("presence", "*"), ("callers", "id, phone, name, company, created_at"),
        ("callbacks", "id, owner_id, caller_id, state, urgent, new_contact, not_before, not_after, due_at, repeat_count, attempts, escalation_level, opened_at, acknowledged_at, closed_at, closing_note, buyer_type, sensitive, routed_from_id"),
        ("calls", "id, at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome"),
        ("messages", "*"), ("settings", "key, value"), ("events", "*"), ("escalations", "*"),
        ("notifications", "id, created_at, recipient_id, callback_id, escalation_id, kind, reason, body, attempts, last_error, delivered_at"),
        ("submissions", "request_id, fingerprint, call_id, submitted_at, receipt_text, receipt_json"), ("database_purpose", "*"),
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
        #expect(try desk.sql("SELECT max(id) FROM schema_migrations") == "0017_reopen_corrections\n")
        // Callbacks closed before 0017 were never reopened: their ladders count from the start, as before.
        #expect(try desk.sql("SELECT DISTINCT ifnull(reopened_at, '-'), ladder_round_base FROM callbacks") == "-|0\n")
        #expect(try desk.sql("SELECT count(*) FROM submissions WHERE screened_call_id IS NOT NULL") == "0\n")
        #expect(try desk.sql("SELECT count(*) FROM accounts WHERE time_zone IS NOT NULL") == "0\n")
        let after = try rows(desk)
        // Calls made before 0010 came in on no known line, with no phone-system id.
        #expect(try desk.sql("SELECT count(*) FROM calls WHERE line_id IS NOT NULL OR phone_call_id IS NOT NULL") == "0\n")
        for table in Self.tablesAt0008 where table.name != "sqlite_sequence" && table.name != "notifications" {
            #expect(after[table.name] == before[table.name], "rows of \(table.name)")
        }
        // The notifications keep every column they had; those of 0014 say they were written before channels and codes.
        let notificationsAt0008 = "id, created_at, recipient_id, callback_id, escalation_id, kind, reason, body, attempts, last_error, delivered_at"
        #expect(try desk.sql("SELECT \(notificationsAt0008) FROM notifications ORDER BY 1") == before["notifications"])
        #expect(try desk.sql("""
            SELECT DISTINCT channel_kind, channel_address, subject, summary, message_id, reply_code, reply_used_at FROM notifications
            """) == "none||||||\n")
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
            #expect(result.status == 0 && result.stderr == "", "desk \(arguments)")
            #expect(try Self.withoutLaterAdditions(arguments, result.stdout) == stdout, "desk \(arguments)")
        }
    }

    /// What later releases added to the read commands' output, and nothing else: the gateway's fields of a
    /// notification and the re-notification setting (issue 16, migration 0014), a message's note (issue 17).
    static let notificationFieldsAdded: Set<String> = ["channel", "account", "recipient", "message_id", "subject", "summary", "body",
                                                       "reply_code", "state", "next_attempt_at"]
    static let settingsAdded = ["renotify_after"]

    /// `stdout` with those additions taken out, to compare with what the release printed.
    static func withoutLaterAdditions(_ arguments: String, _ stdout: String) throws -> String {
        switch arguments {
        case "notifications --json":
            guard case .array(let list) = try JSONValue.parse(stdout) else { return stdout }
            return JSONValue.array(list.map { item in
                guard case .object(let fields) = item else { return item }
                return .object(fields.filter { !notificationFieldsAdded.contains($0.0) })
            }).rendered(pretty: true) + "\n"
        case "show 2 --json":
            // A message's correction note (issue 17, migration 0017).
            guard case .object(let fields) = try JSONValue.parse(stdout) else { return stdout }
            return JSONValue.object(fields.map { key, value in
                guard key == "messages", case .array(let messages) = value else { return (key, value) }
                return (key, .array(messages.map { message in
                    guard case .object(let fields) = message else { return message }
                    return .object(fields.filter { $0.0 != "note" })
                }))
            }).rendered(pretty: true) + "\n"
        case "notifications":
            // The release cut WHY at 60 columns; a table to a pipe shows whole rows now (issue 17).
            let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let header = lines.first, let why = header.range(of: "WHY") else { return stdout }
            let start = header.distance(from: header.startIndex, to: why.lowerBound)
            return lines.map { line in
                line.count <= start ? line : String(line.prefix(start)) + DisplayWidth.truncated(String(line.dropFirst(start)), to: 60)
            }.joined(separator: "\n")
        case "config show":
            return stdout.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { line in !settingsAdded.contains { line.hasPrefix($0 + " ") } }.joined(separator: "\n")
        default:
            return stdout
        }
    }
}
