import Foundation
import Testing

/// `desk reopen` (issue 17): a callback closed by mistake comes back with its event, its ladders start again,
/// and a caller's new live callback for the same owner absorbs it rather than standing beside it.
@Suite struct ReopenCommandTests {
    /// tanaka's urgent callback #1 from 山田, taken at 10:15 and closed by mistake at 10:20.
    func officeWithAClosedCallback() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                     "--message", "見積の件", "--urgent"])
        desk.now = "2026-11-20T10:20:00+09:00"
        try desk.ok(["done", "1", "--as", "tanaka", "--note", "済"])
        return desk
    }

    @Test func aClosedCallbackComesBackWithItsEventAndItsLadderStartsAgain() throws {
        var desk = try officeWithAClosedCallback()
        desk.now = "2026-11-20T10:30:00+09:00"
        // Due again as a message taken now would be: urgent, 30 minutes.
        #expect(try desk.run(["reopen", "1", "--as", "tanaka", "--reason", "押し間違い"])
                == DeskResult(status: 0, stdout: "reopened callback #1 — open, owner tanaka, due 11:00\n", stderr: ""))
        #expect(try desk.sql("SELECT state, acknowledged_at, closed_at, closing_note, due_at, reopened_at, ladder_round_base FROM callbacks")
                == "open||||2026-11-20T02:00:00Z|2026-11-20T01:30:00Z|1\n")
        #expect(try desk.sql("SELECT kind, actor, before, after, reason FROM events WHERE kind = 'callback.reopened'") == """
            callback.reopened|tanaka|{"state":"done","due_at":"2026-11-20T01:45:00Z","closed_at":"2026-11-20T01:20:00Z","closing_note":"済"}|{"state":"open","due_at":"2026-11-20T02:00:00Z","closed_at":null,"closing_note":null}|押し間違い

            """)
        // The urgent ladder counts from the reopening: its first step (telling the owner) fires again, in a new round.
        desk.now = "2026-11-20T10:31:00+09:00"
        #expect(try desk.run(["sweep"]).stdout == """
            #1 urgent → tanaka (reminder): urgent and unacknowledged for 1m (step 1 of 3, round 1 of 3)
            sweep at 10:31: 0 escalations, 1 reminder

            """)
        #expect(try desk.sql("SELECT ladder, cycle, step, at FROM escalations ORDER BY id")
                == "urgent|0|0|2026-11-20T01:15:00Z\nurgent|1|0|2026-11-20T01:31:00Z\n")
        #expect(try desk.run(["sweep"]).stdout == "sweep at 10:31: 0 escalations, 0 reminders\n")
    }

    @Test func aNewLiveCallbackForTheSameOwnerAbsorbsTheReopenedOne() throws {
        var desk = try officeWithAClosedCallback()
        desk.now = "2026-11-20T10:25:00+09:00"
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678", "--message", "まだですか"])
        desk.now = "2026-11-20T10:30:00+09:00"
        #expect(try desk.run(["reopen", "1", "--as", "tanaka", "--reason", "押し間違い"]).stdout
                == "callback #1 reopened and joined callback #2 — open, owner tanaka, due 11:00\n")
        // One live callback for the caller and owner: #1 stays closed, #2 carries its urgency and call.
        #expect(try desk.sql("SELECT id, state, repeat_count, urgent, due_at FROM callbacks ORDER BY id")
                == "1|done|0|1|2026-11-20T01:45:00Z\n2|open|1|1|2026-11-20T02:00:00Z\n")
        #expect(try desk.sql("SELECT subject_id, kind, after, reason FROM events WHERE at = '2026-11-20T01:30:00Z' ORDER BY id") == """
            2|callback.joined|{"urgent":true,"new_contact":false,"not_before":null,"not_after":null,"due_at":"2026-11-20T02:00:00Z","repeat_count":1,"buyer_type":"unknown","sensitive":false}|callback #1 reopened: 押し間違い
            1|callback.reopened|{"joined":2}|押し間違い

            """)
    }

    @Test func reopeningIsRefusedForALiveCallbackAnUnknownOneAndAClosedAccount() throws {
        let desk = try officeWithAClosedCallback()
        try desk.ok(["log", "--as", "sato", "--for", "suzuki", "--caller", "佐々木", "--phone", "03-9999-0000", "--message", "資料"])
        #expect(try desk.run(["reopen", "2", "--reason", "x"])
                == failure(65, "callback #2 is open, not closed; there is nothing to reopen"))
        #expect(try desk.run(["reopen", "9", "--reason", "x"]) == failure(65, "no callback #9; see `desk callbacks --state all`"))
        #expect(try desk.run(["reopen", "1", "--reason", "  "]) == failure(65, "--reason is empty: say why callback #1 is reopened"))
        #expect(try desk.run(["reopen", "1"]).status == 64)
        #expect(try desk.sql("SELECT count(*) FROM events WHERE kind = 'callback.reopened'") == "0\n")
    }

    @Test func aClosedAccountsCallbacksStayClosed() throws {
        let desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "ベータです", "--line", "06-6000-0001"])
        try desk.ok(["staff", "add", "tanaka", "--name", "田中", "--account", "beta"])
        try desk.ok(["log", "--account", "beta", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"])
        try desk.ok(["done", "1", "--account", "beta"])
        try desk.ok(["account", "close", "beta"])
        #expect(try desk.run(["reopen", "1", "--account", "beta", "--reason", "x"])
                == failure(65, "account beta was closed at 2026-11-20; its history is read-only"))
        #expect(try desk.sql("SELECT state FROM callbacks") == "done\n")
    }
}
