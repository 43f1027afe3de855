import Foundation
import MessageDesk
import Testing

/// The salesperson's side through the built binary: listing what they owe, and closing it.
@Suite struct SalespersonFlowTests {
    /// An office with callback #1 (山田, urgent repeat) and #2 (ｶﾅ) owed by tanaka.
    func officeWithTwoCallbacks() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事",
                     "--phone", "03-1234-5678", "--message", "見積の件で折り返しください", "--tried-mobile"])
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--phone", "+81 3 1234 5678",
                     "--message", "まだですか", "--urgent"])
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "ｶﾅ", "--phone", "06-1111-2222",
                     "--message", "資料送付", "--by", "16:00", "--new-contact"])
        return desk
    }

    @Test func ackAttemptDoneWalkTheStateMachineWithEvents() throws {
        var desk = try officeWithTwoCallbacks()
        desk.now = "2026-11-20T10:30:00+09:00"
        #expect(try desk.run(["ack", "1", "--as", "tanaka"]).stdout
                == "acknowledged callback #1 — acknowledged, owner tanaka, due 10:45\n")
        #expect(try desk.run(["attempt", "1", "--as", "tanaka", "--note", "留守電"]).stdout
                == "attempt 1 recorded on callback #1 — acknowledged, owner tanaka, due 10:45\n")
        #expect(try desk.run(["done", "1", "--as", "tanaka", "--note", "見積送付で合意"]).stdout
                == "done: callback #1 — done, owner tanaka, due 10:45\n")
        #expect(try desk.sql("SELECT state, attempts, closed_at, closing_note FROM callbacks WHERE id = 1")
                == "done|1|2026-11-20T01:30:00Z|見積送付で合意\n")
        #expect(try desk.sql("SELECT kind, actor FROM events WHERE subject = 'callback' AND subject_id = 1 ORDER BY id") == """
            callback.opened|sato
            callback.joined|sato
            callback.acknowledged|tanaka
            callback.attempted|tanaka
            callback.done|tanaka

            """)
        #expect(try desk.run(["history", "1"]).stdout == """
            AT     WHO     WHAT                   CHANGE                                                                                                       REASON
            10:15  sato    call.taken             for=tanaka caller_id=1 message_id=1 callback_id=1 tried_mobile=true
            10:15  sato    callback.opened        owner=tanaka state=open urgent=false new_contact=false not_before=- not_after=- due_at=18:00 repeat_count=0  call 1
            10:15  sato    call.taken             for=tanaka caller_id=1 message_id=2 callback_id=1 tried_mobile=false
            10:15  sato    callback.joined        urgent: false → true; due_at: 18:00 → 10:45; repeat_count: 0 → 1                                             repeat call 1 (call 2)
            10:30  tanaka  callback.acknowledged  state: open → acknowledged; acknowledged_at: - → 10:30
            10:30  tanaka  callback.attempted     attempts: 0 → 1                                                                                              留守電
            10:30  tanaka  callback.done          state: acknowledged → done; closed_at: - → 10:30; closing_note: - → 見積送付で合意

            """)
        // Done callbacks leave the default list and appear under --state done.
        #expect(try desk.run(["callbacks", "--for", "tanaka", "--json"]).stdout.contains("\"id\": 1,") == false)
        #expect(try desk.run(["callbacks", "--state", "done", "--csv"]).stdout.split(whereSeparator: \.isNewline).count == 2)
        let closed = try desk.run(["done", "1"])
        #expect(closed == DeskResult(status: 65, stdout: "",
                                     stderr: "desk: error: callback #1 is done; a closed callback cannot change\n"))
    }

    @Test func reassignEscalateAndCancelAreRecordedWithTheirReasons() throws {
        let desk = try officeWithTwoCallbacks()
        #expect(try desk.run(["reassign", "2", "--to", "suzuki", "--reason", "担当変更"]).stdout
                == "reassigned callback #2 — open, owner suzuki, due 16:00\n")
        #expect(try desk.run(["escalate", "1", "--reason", "urgent, no answer"]).stdout
                == "escalated (level 1) callback #1 — open, owner boss, due 10:45\n")
        #expect(try desk.run(["cancel", "2", "--reason", "重複"]).stdout
                == "cancelled callback #2 — cancelled, owner suzuki, due 16:00\n")
        #expect(try desk.sql("SELECT kind, reason FROM events WHERE kind IN ('callback.reassigned', 'callback.escalated', 'callback.cancelled') ORDER BY id") == """
            callback.reassigned|担当変更
            callback.escalated|urgent, no answer
            callback.cancelled|重複

            """)
        #expect(try desk.run(["cancel", "1"]).status == 64)  // --reason is required
    }

    @Test func showPrintsMessagesThePriorityBreakdownAndHistory() throws {
        var desk = try officeWithTwoCallbacks()
        desk.now = "2026-11-20T11:45:00+09:00"
        #expect(try desk.run(["show", "1"]).stdout == """
            Callback #1 — open, due 10:45 (overdue by 1h), URGENT
            Owner:     tanaka (田中一郎)
            Caller:    山田太郎, ＡＢＣ商事, 03-1234-5678
            Calls:     2; attempts 0; escalation level 0
            Buyer:     unknown — no buyer attributes given
            Priority:  14.75
              urgent             8.00 ×   1.00 =   8.00
              buyer_type1        5.00 ×   0.00 =   0.00
              overdue_hours      3.00 ×   1.00 =   3.00
              age_hours          0.50 ×   1.50 =   0.75
              repeat_calls       3.00 ×   1.00 =   3.00
              new_contact        2.00 ×   0.00 =   0.00
              escalation_level   2.00 ×   0.00 =   0.00
            Messages:
              10:15 from 山田太郎 (ＡＢＣ商事), taken by sato, wants callback, tried mobile
                見積の件で折り返しください
              10:15 from 山田太郎, taken by sato, wants callback, urgent
                まだですか
            History:
              10:15 sato call.taken for=tanaka caller_id=1 message_id=1 callback_id=1 tried_mobile=true
              10:15 sato callback.opened owner=tanaka state=open urgent=false new_contact=false not_before=- not_after=- due_at=18:00 repeat_count=0 — call 1
              10:15 sato call.taken for=tanaka caller_id=1 message_id=2 callback_id=1 tried_mobile=false
              10:15 sato callback.joined urgent: false → true; due_at: 18:00 → 10:45; repeat_count: 0 → 1 — repeat call 1 (call 2)

            """)
        let json = try JSONValue.parse(try desk.ok(["show", "1", "--json"]).stdout)
        #expect(json["callback"]?["priority"] == .number(14.75))
        guard case .array(let terms)? = json["priority_breakdown"] else {
            Issue.record("no breakdown")
            return
        }
        #expect(terms.compactMap { $0["term"] } == ["urgent", "buyer_type1", "overdue_hours", "age_hours", "repeat_calls",
                                                   "new_contact", "escalation_level"])
        guard case .array(let messages)? = json["messages"], case .array(let events)? = json["events"] else {
            Issue.record("no messages or events")
            return
        }
        #expect(messages.count == 2 && events.count == 4)
    }

    @Test func staffShowAndPresenceEndByThemselves() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["away", "tanaka", "--until", "tomorrow 10:00", "--reason", "off"])
        #expect(try desk.run(["staff", "show", "tanaka"]).stdout == """
            tanaka — 田中一郎
            role:        salesperson
            mobile:      090-3333-4444
            substitute:  suzuki
            escalate to: boss
            presence:    on a day off until 11-21 10:00

            """)
        desk.now = "2026-11-21T10:00:00+09:00"
        #expect(try desk.run(["staff", "show", "tanaka"]).stdout.hasSuffix("presence:    in the office\n"))
        try desk.ok(["away", "suzuki", "--reason", "out"])
        try desk.ok(["back", "suzuki"])
        #expect(try desk.sql("SELECT status FROM presence WHERE staff_id = (SELECT id FROM staff WHERE handle = 'suzuki') ORDER BY id")
                == "out\nin_office\n")
        #expect(try desk.sql("SELECT count(*) FROM events WHERE kind = 'presence.changed'") == "3\n")
    }

    @Test func staffCanBeEditedSoSubstitutesCanPointAtEachOther() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        #expect(try desk.run(["staff", "edit", "suzuki", "--substitute", "tanaka"]).stdout == "updated suzuki (鈴木花子)\n")
        #expect(try desk.sql("SELECT s.handle FROM staff s JOIN staff t ON t.substitute_id = s.id WHERE t.handle = 'suzuki'") == "tanaka\n")
        try desk.ok(["staff", "edit", "suzuki", "--substitute", "-", "--mobile", "-"])
        #expect(try desk.sql("SELECT substitute_id IS NULL, mobile IS NULL FROM staff WHERE handle = 'suzuki'") == "1|1\n")
        #expect(try desk.run(["staff", "edit", "suzuki", "--substitute", "suzuki"]).status == 65)
    }
}
