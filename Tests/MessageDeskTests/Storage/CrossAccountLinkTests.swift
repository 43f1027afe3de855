import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// The database itself refuses links across accounts (migration 0009's triggers and keys), whatever SQL writes
/// them: each statement here is one the store never runs, and each must fail and change nothing.
@Suite struct CrossAccountLinkTests {
    let now = at("2026-11-20T10:15:00+09:00")

    /// The test desk (default: tanaka, suzuki; the service: boss, sato) plus account acme with its own tanaka,
    /// yamada, and a caller; default has one open callback of tanaka's (#1).
    func twoAccounts() throws -> DeskStore {
        let desk = try makeDesk(now: now)
        _ = try desk.takeMessage(message(), actor: "sato", at: now)
        try desk.addAccount(NewAccount(code: "acme", name: "アクメ", greeting: "はい、アクメでございます"), actor: "test", at: now)
        try desk.selectAccount("acme")
        try desk.addStaff(NewStaff(handle: "tanaka", displayName: "田中（アクメ）"), actor: "test", at: now)
        try desk.addStaff(NewStaff(handle: "yamada", displayName: "山田"), actor: "test", at: now)
        _ = try desk.takeMessage(message(for: "yamada"), actor: "sato", at: now)
        return desk
    }

    func id(_ desk: DeskStore, _ sql: String) throws -> Int {
        try #require(try desk.database.scalarInt(sql))
    }

    @Test func linksToAnotherAccountsPeopleAreRefused() throws {
        let desk = try twoAccounts()
        let yamada = try id(desk, "SELECT id FROM staff WHERE handle = 'yamada'")
        let acmeCaller = try id(desk, "SELECT id FROM callers WHERE account_id = 2")
        let refused = [
            // A callback owed, or routed from, someone of another account; a reassignment to them.
            "INSERT INTO callbacks (owner_id, caller_id, state, urgent, new_contact, due_at, opened_at) VALUES (\(yamada), 1, 'done', 0, 0, '2026-11-20T09:00:00Z', '2026-11-20T01:00:00Z')",
            "UPDATE callbacks SET owner_id = \(yamada) WHERE id = 1",
            "UPDATE callbacks SET routed_from_id = \(yamada) WHERE id = 1",
            "UPDATE callbacks SET caller_id = \(acmeCaller) WHERE id = 1",
            // A substitute or escalation contact of another account.
            "UPDATE staff SET substitute_id = \(yamada) WHERE handle = 'tanaka' AND account_id = 1",
            "UPDATE staff SET escalation_id = \(yamada) WHERE handle = 'suzuki'",
            "UPDATE staff SET substitute_id = \(yamada) WHERE handle = 'boss'",
            "INSERT INTO staff (handle, display_name, role, substitute_id, created_at, account_id) VALUES ('kato', '加藤', 'salesperson', \(yamada), '2026-11-20T01:00:00Z', 1)",
            // An escalation target, a notification recipient, a call's person or operator of another account.
            "INSERT INTO escalations (callback_id, ladder, cycle, step, target_id, at, reason) VALUES (1, 'manual', 9, 0, \(yamada), '2026-11-20T01:00:00Z', 'x')",
            "INSERT INTO notifications (created_at, recipient_id, callback_id, kind, reason, body) VALUES ('2026-11-20T01:00:00Z', \(yamada), 1, 'escalation', 'x', 'x')",
            "INSERT INTO calls (at, caller_id, for_id, caller_name, tried_mobile, outcome) VALUES ('2026-11-20T01:00:00Z', 1, \(yamada), 'x', 0, 'message_taken')",
            "INSERT INTO calls (at, caller_id, for_id, operator_id, caller_name, tried_mobile, outcome) VALUES ('2026-11-20T01:00:00Z', \(acmeCaller), \(yamada), (SELECT id FROM staff WHERE account_id = 1 AND handle = 'tanaka'), 'x', 0, 'message_taken')",
            // A message of acme's call joining default's callback.
            "INSERT INTO messages (call_id, callback_id, body, urgent, wants, new_contact) VALUES ((SELECT max(id) FROM calls), 1, 'x', 0, 'callback', 0)",
            // Nobody and no caller moves to another account.
            "UPDATE staff SET account_id = 2 WHERE handle = 'suzuki'",
            "UPDATE staff SET account_id = 1 WHERE handle = 'boss'",
            "UPDATE callers SET account_id = 2 WHERE id = 1",
            // A handle of the service is no account's, and the other way round.
            "INSERT INTO staff (handle, display_name, role, created_at, account_id) VALUES ('sato', '佐藤', 'salesperson', '2026-11-20T01:00:00Z', 2)",
            "INSERT INTO staff (handle, display_name, role, created_at) VALUES ('tanaka', '田中', 'operator', '2026-11-20T01:00:00Z')",
            "INSERT INTO staff (handle, display_name, role, created_at, account_id) VALUES ('yamada', '山田', 'salesperson', '2026-11-20T01:00:00Z', 2)",
            // A salesperson belongs to an account.
            "INSERT INTO staff (handle, display_name, role, created_at) VALUES ('ito', '伊藤', 'salesperson', '2026-11-20T01:00:00Z')",
        ]
        let before = try dump(desk)
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try desk.database.execute(sql) }
        }
        #expect(try dump(desk) == before)
    }

    @Test func theServicesStaffMayServeEveryAccount() throws {
        let desk = try twoAccounts()
        let yamada = try id(desk, "SELECT id FROM staff WHERE handle = 'yamada'")
        try desk.database.execute("UPDATE callbacks SET owner_id = (SELECT id FROM staff WHERE handle = 'boss') WHERE id = 1")
        try desk.database.execute("UPDATE staff SET escalation_id = (SELECT id FROM staff WHERE handle = 'boss') WHERE id = \(yamada)")
        // The same handle in two accounts is two people.
        #expect(try desk.database.scalarInt("SELECT count(*) FROM staff WHERE handle = 'tanaka'") == 2)
    }

    @Test func aLineBelongsToOneAccountAndAccountsAndLinesAreNeverDeleted() throws {
        let desk = try twoAccounts()
        try desk.addLine(phone("03-5000-0001"), to: "acme", actor: "test", at: now)
        let refused = [
            "INSERT INTO account_lines (account_id, phone, added_at) VALUES (1, '+81350000001', '2026-11-20T01:00:00Z')",
            "DELETE FROM account_lines",
            "UPDATE account_lines SET phone = '+81350000002'",
            "DELETE FROM accounts WHERE code = 'acme'",
            "UPDATE accounts SET code = 'Acme' WHERE code = 'acme'",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try desk.database.execute(sql) }
        }
        try desk.database.execute("UPDATE accounts SET closed_at = '2026-11-20T02:00:00Z' WHERE code = 'acme'")
        #expect(throws: DatabaseError.self) { try desk.database.execute("UPDATE accounts SET name = 'x' WHERE code = 'acme'") }
    }

    /// What the refused statements would have changed.
    func dump(_ desk: DeskStore) throws -> String {
        let queries = [
            "SELECT id, handle, account_id, substitute_id, escalation_id FROM staff",
            "SELECT id, account_id, phone FROM callers", "SELECT id, owner_id, caller_id, routed_from_id FROM callbacks",
            "SELECT id, caller_id, for_id, operator_id FROM calls", "SELECT id, call_id, callback_id FROM messages",
            "SELECT id, target_id FROM escalations", "SELECT id, recipient_id FROM notifications",
        ]
        return try queries.map { sql in
            try desk.database.statement(sql + " ORDER BY 1").map { row in
                (0..<Int32(sql.split(separator: ",").count)).map { row.optionalString($0) ?? "-" }.joined(separator: "|")
            }.joined(separator: "\n")
        }.joined(separator: "\n--\n")
    }
}
