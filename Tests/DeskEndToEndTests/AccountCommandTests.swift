import Foundation
import Testing

/// `desk account …` and `desk init --account`: what they print, what they refuse (one line, exit 65), and what
/// they store.
@Suite struct AccountCommandTests {
    func failure(_ message: String) -> DeskResult {
        DeskResult(status: 65, stdout: "", stderr: "desk: error: \(message)\n")
    }

    @Test func aNewDeskNamesItsAccountAndTheAccountIsDescribed() throws {
        let desk = try DeskSandbox()
        #expect(try desk.run(["init", "--account", "acme"]) == DeskResult(status: 0, stdout: desk.database + "\n", stderr: ""))
        #expect(try desk.run(["account", "set", "acme", "--name", "株式会社アクメ", "--greeting", "はい、アクメでございます",
                              "--reading", "かぶしきがいしゃあくめ", "--alias", "アクメ", "--alias", "ACME", "--notes", "営業電話はお断り"])
                == DeskResult(status: 0, stdout: "updated acme (株式会社アクメ)\n", stderr: ""))
        #expect(try desk.run(["account", "line", "add", "acme", "03-5000-0001"]).stdout == "added line 03-5000-0001 to acme (株式会社アクメ)\n")
        #expect(try desk.run(["account", "show", "acme"]).stdout == """
            acme — 株式会社アクメ
            greeting:  はい、アクメでございます
            reading:   かぶしきがいしゃあくめ
            aliases:   アクメ, ACME
            lines:     03-5000-0001
            notes:     営業電話はお断り
            state:     open

            """)
        #expect(try desk.run(["account", "show", "acme", "--json"]).stdout == """
            {
              "code": "acme",
              "name": "株式会社アクメ",
              "greeting": "はい、アクメでございます",
              "reading": "かぶしきがいしゃあくめ",
              "aliases": [
                "アクメ",
                "ACME"
              ],
              "notes": "営業電話はお断り",
              "lines": [
                "+81350000001"
              ],
              "created_at": "2026-11-20T10:15:00+09:00",
              "closed_at": null
            }

            """)
        // A second init keeps the account; another code is refused once the desk has its account.
        #expect(try desk.run(["init", "--account", "acme"]).status == 0)
        #expect(try desk.run(["init", "--account", "other"])
                == failure("--account other: this desk has its accounts already (acme); add one with `desk account add other`"))
        #expect(try desk.sql("SELECT code, name FROM accounts") == "acme|株式会社アクメ\n")
        #expect(try desk.sql("SELECT kind FROM events ORDER BY id") == "account.changed\naccount.changed\naccount.line_added\n")
    }

    @Test func linesBelongToOneAccountAndBadInputIsOneLine() throws {
        let desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "line", "add", "acme", "03-5000-0001"])
        #expect(try desk.run(["account", "add", "beta", "--name", "ベータ", "--greeting", "ベータです", "--line", "03-5000-0001"])
                == failure("03-5000-0001 is a line of account acme; remove it there first (desk account line remove acme 03-5000-0001)"))
        #expect(try desk.sql("SELECT count(*) FROM accounts") == "1\n")
        #expect(try desk.run(["account", "line", "add", "acme", "03 5000 0001"]) == failure("03-5000-0001 is a line of acme already"))
        #expect(try desk.run(["account", "line", "remove", "acme", "03-9999-9999"])
                == failure("03-9999-9999 is not a line of acme; see `desk account show acme`"))
        #expect(try desk.run(["account", "add", "x_Y", "--name", "a", "--greeting", "b"])
                == failure("'x_Y' is not an account code: use up to 32 lower-case letters, digits, '_' or '-', starting with a letter (acme)"))
        #expect(try desk.run(["account", "show", "nope"]) == failure("no account 'nope'; the accounts are: acme (see `desk account list`)"))
        // Removed, the number may go to another account; the removed row stays.
        try desk.ok(["account", "line", "remove", "acme", "03-5000-0001"])
        #expect(try desk.run(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "はい、ベータ商事でございます",
                              "--line", "03-5000-0001", "--alias", "ベータ"]).stdout == "added beta (ベータ商事)\n")
        #expect(try desk.sql("SELECT a.code, l.phone, l.removed_at IS NOT NULL FROM account_lines l JOIN accounts a ON a.id = l.account_id ORDER BY l.id")
                == "acme|+81350000001|1\nbeta|+81350000001|0\n")
        #expect(try desk.run(["account", "list"]).stdout == """
            CODE  NAME        GREETING                      LINES         STATE
            acme  acme        -                                           open
            beta  ベータ商事  はい、ベータ商事でございます  03-5000-0001  open

            """)
    }

    @Test func aClosedAccountIsReadOnlyAndKeptWhole() throws {
        let desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "ベータです", "--line", "06-6000-0001"])
        try desk.ok(["staff", "add", "tanaka", "--name", "田中", "--account", "beta"])
        try desk.ok(["log", "--account", "beta", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"])
        #expect(try desk.run(["account", "close", "beta"])
                == failure("beta still has 1 open callback; close or cancel them first (desk callbacks --account beta)"))
        try desk.ok(["done", "1", "--account", "beta"])
        #expect(try desk.run(["account", "close", "beta"]).stdout == "closed beta (ベータ商事)\n")
        let readOnly = failure("account beta was closed at 2026-11-20; its history is read-only")
        #expect(try desk.run(["log", "--account", "beta", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "x"])
                == readOnly)
        #expect(try desk.run(["staff", "add", "kato", "--name", "加藤", "--account", "beta"]) == readOnly)
        #expect(try desk.run(["account", "set", "beta", "--name", "x"]) == readOnly)
        #expect(try desk.run(["callbacks", "--state", "done", "--account", "beta"]).stdout.contains("山田"))
        // With one open account left, it is the default again; the closed one's line is free.
        #expect(try desk.run(["callbacks"]) == DeskResult(status: 0, stdout: "no callbacks\n", stderr: ""))
        try desk.ok(["account", "line", "add", "acme", "06-6000-0001"])
        #expect(try desk.sql("SELECT count(*) FROM callbacks") == "1\n")
    }
}

extension AccountCommandTests {
    /// With several accounts and none chosen, the form's first question is whose call it is: a dialled line or an
    /// account's code; an unknown one is told and asked again, and nothing is written until the end.
    @Test func theFormFirstAsksWhichLineOrAccount() throws {
        let desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ", "--greeting", "ベータです", "--line", "06-6000-0001"])
        try desk.ok(["staff", "add", "sato", "--name", "佐藤", "--role", "operator"])
        try desk.ok(["staff", "add", "tanaka", "--name", "田中", "--account", "beta"])
        #expect(try desk.run(["take", "--as", "sato"], input: "gamma\n03-5000-0009\n06-6000-0001\ntanaka\n") == DeskResult(
            status: 1, stdout: """
            Take a message — Ctrl-C or Ctrl-D cancels; nothing is saved until you confirm.
            Which line / account (the dialled number or the account's code): gamma
              ✗ no account 'gamma'; the accounts are: acme, beta (see `desk account list`)
            Which line / account (the dialled number or the account's code): 03-5000-0009
              ✗ 03-5000-0009 is no account's line; the accounts are: acme, beta (give one with --account CODE, or add the line with `desk account line add`)
            Which line / account (the dialled number or the account's code): 06-6000-0001
            → beta ベータ: ベータです
            For whom (handle or name): tanaka
            → 田中 (tanaka): in the office
            Caller's phone: \n
            """, stderr: "desk: cancelled (end of input): nothing was saved\n"))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "0\n")
        // Answered with a line, the call keeps it.
        let answers = ["06-6000-0001", "tanaka", "045-111-2222", "佐々木", "", "資料の件", ""] + Array(repeating: "", count: 11) + ["y"]
        #expect(try desk.run(["take", "--as", "sato"], input: answers.joined(separator: "\n") + "\n").status == 0)
        #expect(try desk.sql("SELECT k.id, l.phone FROM calls k JOIN account_lines l ON l.id = k.line_id") == "1|+81660000001\n")
    }
}
