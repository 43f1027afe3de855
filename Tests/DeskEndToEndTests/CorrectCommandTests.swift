import Foundation
import MessageDesk
import Testing

/// `desk correct` (issue 17): a wrong detail is fixed without rewriting history. The correction is a row and an
/// event of its own, the call and the message keep what was taken, the desk shows the corrected value, and the
/// report counts corrections per 100 messages (伝言ミス).
@Suite struct CorrectCommandTests {
    /// Two messages for tanaka at 10:15: #1 from 山田太郎 (ＡＢＣ商事), #2 from 佐々木.
    func officeWithTwoMessages() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事",
                     "--phone", "03-1234-5678", "--message", "見積の件"])
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "佐々木", "--phone", "03-2222-3333", "--message", "資料"])
        return desk
    }

    @Test func aCorrectionIsShownWhileTheDetailAsTakenStaysInHistory() throws {
        var desk = try officeWithTwoMessages()
        desk.now = "2026-11-20T10:20:00+09:00"
        #expect(try desk.run(["correct", "1", "--as", "sato", "--phone", "03-1234-5679", "--caller", "山本太郎", "--reason", "聞き間違い"])
                == DeskResult(status: 0, stdout: "corrected callback #1 — open, owner tanaka, due 18:00\n", stderr: ""))
        desk.now = "2026-11-20T10:21:00+09:00"
        try desk.ok(["correct", "1", "--as", "sato", "--message-note", "見積は来週火曜まで"])
        #expect(try desk.sql("SELECT callback_id, ifnull(message_id, '-'), field, ifnull(before, '-'), after, at, actor, ifnull(reason, '-') FROM corrections") == """
            1|-|phone|+81312345678|+81312345679|2026-11-20T01:20:00Z|sato|聞き間違い
            1|-|caller|山田太郎|山本太郎|2026-11-20T01:20:00Z|sato|聞き間違い
            1|1|message_note|-|見積は来週火曜まで|2026-11-20T01:21:00Z|sato|-

            """)
        // What was taken is kept as it was: the call, the message and the caller on file.
        #expect(try desk.sql("SELECT caller_name FROM calls WHERE id = 1; SELECT body FROM messages WHERE id = 1; SELECT name, phone FROM callers WHERE id = 1")
                == "山田太郎\n見積の件\n山田太郎|+81312345678\n")
        // A note's event names its message, not its words (the log is listed, and may be sensitive).
        #expect(try desk.sql("SELECT kind, before, after FROM events WHERE kind = 'callback.corrected' ORDER BY id") == """
            callback.corrected|{"phone":"+81312345678"}|{"phone":"+81312345679"}
            callback.corrected|{"caller":"山田太郎"}|{"caller":"山本太郎"}
            callback.corrected||{"message_note":1}

            """)
        let show = try desk.ok(["show", "1"]).stdout
        #expect(show.contains("Caller:    山本太郎, ＡＢＣ商事, 03-1234-5679\n"))
        #expect(show.contains("""
              10:15 from 山田太郎 (ＡＢＣ商事), taken by sato, wants callback
                見積の件
                corrected: 見積は来週火曜まで

            """))
        let json = try JSONValue.parse(try desk.ok(["show", "1", "--json"]).stdout)
        guard case .array(let messages)? = json["messages"], let first = messages.first else {
            Issue.record("no messages")
            return
        }
        #expect(first["note"] == .string("見積は来週火曜まで"))
        #expect(first["caller"] == .string("山田太郎"))
        #expect(json["callback"]?["caller"] == .string("山本太郎"))
        #expect(try desk.run(["callbacks"]).stdout == """
            ID   PRI  DUE    STATE  OWNER   CALLER    COMPANY     PHONE         MESSAGE
             1  0.05  18:00  open   tanaka  山本太郎  ＡＢＣ商事  03-1234-5679  見積の件
             2  0.05  18:00  open   tanaka  佐々木                03-2222-3333  資料

            """)
    }

    @Test func theReportCountsCorrectionsPerHundredMessages() throws {
        var desk = try officeWithTwoMessages()
        // A day without corrections reads as before.
        #expect(try desk.ok(["report"]).stdout.contains("corrections") == false)
        #expect(try JSONValue.parse(try desk.ok(["report", "--json"]).stdout)["corrections"] == nil)
        desk.now = "2026-11-20T10:20:00+09:00"
        try desk.ok(["correct", "2", "--caller", "佐々木一郎"])
        #expect(try desk.ok(["report"]).stdout.contains("time to callback: none done\ncorrections: 1 (50.0 per 100 messages; desk correct)\n\ntanaka"))
        let json = try JSONValue.parse(try desk.ok(["report", "--json"]).stdout)
        #expect(json["corrections"] == .object([("count", .int(1)), ("per_100_messages", .number(50))]))
        // Counted on the day it was made: the next day has none.
        #expect(try JSONValue.parse(try desk.ok(["report", "--json", "--date", "2026-11-19"]).stdout)["corrections"] == nil)
    }

    @Test func aCorrectionThatChangesNothingOrNamesNothingIsRefused() throws {
        let desk = try officeWithTwoMessages()
        #expect(try desk.run(["correct", "1", "--caller", "山田太郎"])
                == failure(65, "callback #1 already has 山田太郎 as its caller's name; nothing to correct"))
        #expect(try desk.run(["correct", "1", "--phone", "03 1234 5678"])
                == failure(65, "callback #1 already has 03-1234-5678 as its caller's phone; nothing to correct"))
        #expect(try desk.run(["correct", "1", "--phone", "abc"]).status == 65)
        #expect(try desk.run(["correct", "1", "--caller", " "]) == failure(65, "--caller is empty: give the caller's right name"))
        #expect(try desk.run(["correct", "9", "--caller", "x"]) == failure(65, "no callback #9; see `desk callbacks --state all`"))
        #expect(try desk.run(["correct", "1"]) == DeskResult(status: 64, stdout: "", stderr: """
            desk: error: say what to correct: --phone NUMBER, --caller NAME or --message-note TEXT (see `desk correct --help`)

            """))
        #expect(try desk.sql("SELECT count(*) FROM corrections; SELECT count(*) FROM events WHERE kind = 'callback.corrected'") == "0\n0\n")
    }

    @Test func theDatabaseRefusesToChangeOrDropACorrection() throws {
        var desk = try officeWithTwoMessages()
        desk.now = "2026-11-20T10:20:00+09:00"
        try desk.ok(["correct", "1", "--caller", "山本太郎"])
        _ = try desk.sql("UPDATE corrections SET after = 'x'")
        _ = try desk.sql("DELETE FROM corrections")
        _ = try desk.sql("INSERT INTO corrections (callback_id, message_id, field, after, at, actor) VALUES (2, 1, 'message_note', 'x', '2026-11-20T01:20:00Z', 'x')")
        #expect(try desk.sql("SELECT id, callback_id, field, after FROM corrections") == "1|1|caller|山本太郎\n")
    }
}
