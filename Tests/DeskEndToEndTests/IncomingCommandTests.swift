import Foundation
import MessageDesk
import Testing

/// `desk incoming` (issue 15, "Knowing the call"): the account from the dialled line, the person from the diversion,
/// the caller from their number within that account; and `desk log --line --call-id` recording them.
@Suite struct IncomingCommandTests {
    /// acme (line 03-5000-0001) and beta (line 06-6000-0001), each with a tanaka whose mobile forwards to the desk;
    /// 山田太郎 at 03-1234-5678 has an open callback with each. acme's tanaka is in a meeting until 15:00.
    static func twoClients() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "set", "acme", "--name", "株式会社アクメ", "--greeting", "はい、アクメでございます",
                     "--reading", "かぶしきがいしゃあくめ"])
        try desk.ok(["account", "line", "add", "acme", "03-5000-0001"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "はい、ベータ商事でございます", "--line", "06-6000-0001"])
        try desk.ok(["staff", "add", "sato", "--name", "佐藤", "--role", "operator"])
        for (code, word, mobile) in [("acme", "アクメ", "090-1111-2222"), ("beta", "ベータ", "090-3333-4444")] {
            try desk.ok(["staff", "add", "tanaka", "--name", "田中（\(word)）", "--mobile", mobile, "--account", code])
            try desk.ok(["log", "--account", code, "--for", "tanaka", "--caller", "山田太郎（\(word)）", "--company", "ＡＢＣ商事",
                         "--phone", "03-1234-5678", "--message", "見積の件", "--as", "sato"])
        }
        try desk.ok(["away", "tanaka", "--until", "15:00", "--note", "定例", "--account", "acme", "--as", "sato"])
        desk.now = "2026-11-20T10:30:00+09:00"
        return desk
    }

    @Test func theDialledLineTheDiversionAndTheCallerFindTheAccountThePersonAndTheOpenCallback() throws {
        let desk = try Self.twoClients()
        let before = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--from", "03-1234-5678", "--diversion", "090-1111-2222"])
                == DeskResult(status: 0, stdout: """
            line:      03-5000-0001 — acme 株式会社アクメ
            greeting:  はい、アクメでございます（かぶしきがいしゃあくめ）
            person:    tanaka 田中（アクメ） — in a meeting until 15:00 (定例)
            caller:    山田太郎（アクメ） (ＡＢＣ商事) 03-1234-5678
            callback:  #1 for tanaka, due 18:00, priority 0.13, open

            """, stderr: ""))
        // beta sees its own caller and its own tanaka, from the same caller's number.
        #expect(try desk.run(["incoming", "--to", "+81660000001", "--from", "03-1234-5678", "--diversion", "090-3333-4444"])
                == DeskResult(status: 0, stdout: """
            line:      06-6000-0001 — beta ベータ商事
            greeting:  はい、ベータ商事でございます
            person:    tanaka 田中（ベータ） — in the office
            caller:    山田太郎（ベータ） (ＡＢＣ商事) 03-1234-5678
            callback:  #2 for tanaka, due 18:00, priority 0.13, open

            """, stderr: ""))
        // Reads only.
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
    }

    @Test func anUnknownDiversionOrCallerIsNoPersonAndANewCaller() throws {
        let desk = try Self.twoClients()
        // beta's tanaka's mobile is no one of acme's.
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--from", "03-9999-0000", "--diversion", "090-3333-4444"])
                == DeskResult(status: 0, stdout: """
            line:      03-5000-0001 — acme 株式会社アクメ
            greeting:  はい、アクメでございます（かぶしきがいしゃあくめ）
            person:    no person (diverted from 090-3333-4444)
            caller:    new caller 03-9999-0000

            """, stderr: ""))
        #expect(try desk.run(["incoming", "--to", "03-5000-0001"]).stdout.hasSuffix("""
            person:    no person
            caller:    new caller (no number)

            """))
        // A dialplan's empty values (a withheld number, no diversion) are not given; anything else must be a number.
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--from", "", "--diversion", ""]).stdout.hasSuffix("""
            person:    no person
            caller:    new caller (no number)

            """))
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--from", "anonymous"]).status == 65)
    }

    /// A number on the account's block list is said before the operator answers (the call will be recorded as
    /// blocked); the other account, which has not blocked it, sees an ordinary caller.
    @Test func aBlockedCallerIsSaidBeforeTheOperatorAnswers() throws {
        let desk = try Self.twoClients()
        try desk.ok(["account", "block", "acme", "03-1234-5678", "--note", "しつこい営業"])
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--from", "03-1234-5678"]) == DeskResult(status: 0, stdout: """
            line:      03-5000-0001 — acme 株式会社アクメ
            greeting:  はい、アクメでございます（かぶしきがいしゃあくめ）
            person:    no person
            caller:    山田太郎（アクメ） (ＡＢＣ商事) 03-1234-5678
            callback:  #1 for tanaka, due 18:00, priority 0.13, open
            blocked:   on acme's block list (しつこい営業): desk log records the call as blocked

            """, stderr: ""))
        let json = try JSONValue.parse(try desk.ok(["incoming", "--to", "03-5000-0001", "--from", "03-1234-5678", "--json"]).stdout)
        #expect(json["blocked"] == .object([("note", .string("しつこい営業"))]))
        let other = try JSONValue.parse(try desk.ok(["incoming", "--to", "06-6000-0001", "--from", "03-1234-5678", "--json"]).stdout)
        #expect(other["blocked"] == .null)
        #expect(!(try desk.ok(["incoming", "--to", "06-6000-0001", "--from", "03-1234-5678"]).stdout.contains("blocked")))
    }

    @Test func anUnknownLineListsTheAccountsAndWritesNothing() throws {
        let desk = try Self.twoClients()
        let before = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["incoming", "--to", "03-5000-0009", "--from", "03-1234-5678"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: 03-5000-0009 is no account's line; the accounts are: acme, beta (give one with --account CODE, or add the line with `desk account line add`)

            """))
        #expect(try desk.run(["incoming", "--to", "not a number"]).status == 65)
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
    }

    @Test func theJSONFormIsPinned() throws {
        let desk = try Self.twoClients()
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--from", "03-1234-5678", "--diversion", "090-1111-2222",
                              "--call-id", "1700000000.42", "--json"]) == DeskResult(status: 0, stdout: """
            {
              "line": "+81350000001",
              "call_id": "1700000000.42",
              "account": {
                "code": "acme",
                "name": "株式会社アクメ",
                "greeting": "はい、アクメでございます",
                "reading": "かぶしきがいしゃあくめ",
                "aliases": [],
                "notes": null
              },
              "diversion": "+819011112222",
              "person": {
                "handle": "tanaka",
                "display_name": "田中（アクメ）",
                "presence": {
                  "status": "meeting",
                  "until": "2026-11-20T15:00:00+09:00",
                  "note": "定例",
                  "text": "in a meeting until 15:00 (定例)"
                }
              },
              "caller_phone": "+81312345678",
              "caller": {
                "id": 1,
                "name": "山田太郎（アクメ）",
                "company": "ＡＢＣ商事"
              },
              "callbacks": [
                {
                  "id": 1,
                  "owner": "tanaka",
                  "state": "open",
                  "urgent": false,
                  "priority": 0.13,
                  "due_at": "2026-11-20T18:00:00+09:00",
                  "overdue": false,
                  "repeat_count": 0
                }
              ],
              "blocked": null
            }

            """, stderr: ""))
    }

    @Test func untrustedNamesAreShownWithoutControlSequences() throws {
        var desk = try Self.twoClients()
        desk.now = "2026-11-20T10:31:00+09:00"
        try desk.ok(["log", "--account", "acme", "--for", "tanaka", "--caller", "悪意\u{1B}[2J", "--phone", "03-7777-0000",
                     "--message", "x", "--as", "sato"])
        let shown = try desk.run(["incoming", "--to", "03-5000-0001", "--from", "03-7777-0000"]).stdout
        #expect(!shown.contains("\u{1B}"))
        #expect(shown.contains("caller:    悪意"))
    }

    @Test func logRecordsTheLineAndTheCallIDAndRefusesTheSameCallIDAgain() throws {
        let desk = try Self.twoClients()
        let log = ["log", "--line", "06-6000-0001", "--call-id", "1700000000.42", "--for", "tanaka", "--caller", "佐々木",
                   "--phone", "045-111-2222", "--message", "資料の件", "--as", "sato"]
        // The line chooses beta, with no --account on a desk of two accounts.
        #expect(try desk.run(log).status == 0)
        #expect(try desk.sql("""
            SELECT k.id, c.account_id, l.phone, k.phone_call_id FROM calls k JOIN callers c ON c.id = k.caller_id
            LEFT JOIN account_lines l ON l.id = k.line_id ORDER BY k.id
            """) == "1|1||\n2|2||\n3|2|+81660000001|1700000000.42\n")
        #expect(try desk.sql("SELECT after FROM events WHERE kind = 'call.taken' ORDER BY id DESC LIMIT 1") == """
            {"for":"tanaka","caller_id":3,"message_id":3,"callback_id":3,"tried_mobile":false,"line":"+81660000001","call_id":"1700000000.42"}

            """)
        // A retried hook: refused, nothing written.
        let events = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(log) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: call id 1700000000.42 was logged already (call 3, 2026-11-20 10:30); nothing was written

            """))
        #expect(try desk.sql("SELECT count(*) FROM events") == events)
        // Another account may see the same id from its own phone system.
        #expect(try desk.run(["log", "--line", "03-5000-0001", "--call-id", "1700000000.42", "--for", "tanaka", "--caller", "佐々木",
                              "--phone", "045-111-2222", "--message", "資料の件", "--as", "sato"]).status == 0)
        #expect(try desk.sql("SELECT count(*) FROM calls WHERE phone_call_id = '1700000000.42'") == "2\n")
    }

    @Test func aLineThatConflictsWithTheAccountIsRefused() throws {
        let desk = try Self.twoClients()
        #expect(try desk.run(["log", "--account", "acme", "--line", "06-6000-0001", "--for", "tanaka", "--caller", "佐々木",
                              "--phone", "045-111-2222", "--message", "資料の件", "--as", "sato"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: --line 06-6000-0001 is a line of beta, but the account chosen is acme; give one of them, not both

            """))
        #expect(try desk.run(["log", "--line", "06-6000-0001", "--call-id", "bad id", "--for", "tanaka", "--caller", "佐々木",
                              "--phone", "045-111-2222", "--message", "資料の件", "--as", "sato"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: --call-id may hold printable ASCII only, without spaces (e.g. 1700000000.42)

            """))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "2\n")
    }

    @Test func theFormTakesTheMessageForTheLinesAccount() throws {
        let desk = try Self.twoClients()
        // A desk of two accounts with none chosen: --line chooses beta, and the form asks for beta's tanaka.
        let answers = ["tanaka", "045-111-2222", "佐々木", "", "資料の件", ""] + Array(repeating: "", count: 11) + ["y"]
        let result = try desk.run(["take", "--line", "06-6000-0001", "--as", "sato"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("→ 田中（ベータ） (tanaka): in the office\n"))
        #expect(try desk.sql("""
            SELECT k.id, c.account_id, c.name, l.phone, ifnull(k.phone_call_id, '-') FROM calls k JOIN callers c ON c.id = k.caller_id
            JOIN account_lines l ON l.id = k.line_id
            """) == "3|2|佐々木|+81660000001|-\n")
        // A line of another account than the one chosen is refused before the first question.
        #expect(try desk.run(["take", "--line", "06-6000-0001", "--account", "acme", "--as", "sato"], input: "tanaka\n")
                == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: --line 06-6000-0001 is a line of beta, but the account chosen is acme; give one of them, not both

            """))
    }

    /// --take opens the form on a terminal only (Scripts/tmux-take-check.sh drives it in one); piped, it is refused
    /// before anything is printed or written.
    @Test func takeWithoutATerminalIsAUsageError() throws {
        let desk = try Self.twoClients()
        let before = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--take"], input: "tanaka\n") == DeskResult(status: 64, stdout: "", stderr: """
            desk: error: --take opens the form on a terminal; run it on one, or record the call with desk log --line --call-id (see `desk incoming --help`)

            """))
        #expect(try desk.run(["incoming", "--to", "03-5000-0001", "--take", "--json"]).status == 64)
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
    }
}
