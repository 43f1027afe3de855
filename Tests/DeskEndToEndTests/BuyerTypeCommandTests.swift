import Foundation
import MessageDesk
import Testing

/// Buyer attributes through the built binary: `desk log` flags, `desk show` explaining the type, lists.
@Suite struct BuyerTypeCommandTests {
    @Test func logFlagsMakeATypeOneThatShowExplains() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        let logged = try desk.run(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事",
                                   "--phone", "03-1234-5678", "--message", "見積を急ぎで", "--decision", "self",
                                   "--proceed", "messages", "--order-within", "3m", "--vendors", "many"])
        #expect(logged == DeskResult(status: 0, stdout: """
            saved: opened callback #1 for tanaka (田中一郎), due 12:15
            tanaka is in the office

            """, stderr: ""))
        #expect(try desk.sql("SELECT decision, proceed, order_timing, other_vendors, sensitive FROM messages")
                == "self|messages|within_3_months|many|0\n")
        #expect(try desk.sql("SELECT buyer_type, due_at, sensitive, routed_from_id IS NULL FROM callbacks")
                == "type1|2026-11-20T03:15:00Z|0|1\n")
        desk.now = "2026-11-20T12:45:00+09:00"
        #expect(try desk.run(["show", "1"]) == DeskResult(status: 0, stdout: """
            Callback #1 — open, due 12:15 (overdue by 30m)
            Owner:     tanaka (田中一郎)
            Caller:    山田太郎, ＡＢＣ商事, 03-1234-5678
            Calls:     1; attempts 0; escalation level 0
            Buyer:     type ① — compares many vendors; the first response wins (score +5)
              decision       self             +1
              proceed        messages         +1
              order_timing   within_3_months  +1
              other_vendors  many             +2
            Priority:  7.75
              urgent             8.00 ×   0.00 =   0.00
              buyer_type1        5.00 ×   1.00 =   5.00
              overdue_hours      3.00 ×   0.50 =   1.50
              age_hours          0.50 ×   2.50 =   1.25
              repeat_calls       3.00 ×   0.00 =   0.00
              new_contact        2.00 ×   0.00 =   0.00
              escalation_level   2.00 ×   0.00 =   0.00
            Messages:
              10:15 from 山田太郎 (ＡＢＣ商事), taken by sato, wants callback, buyer decision=self proceed=messages order_timing=within_3_months other_vendors=many
                見積を急ぎで
            History:
              10:15 sato call.taken for=tanaka caller_id=1 message_id=1 callback_id=1 tried_mobile=false
              10:15 sato callback.opened owner=tanaka state=open urgent=false new_contact=false not_before=- not_after=- due_at=12:15 repeat_count=0 buyer_type=type1 — call 1

            """, stderr: ""))
        let json = try JSONValue.parse(try desk.ok(["show", "1", "--json"]).stdout)
        #expect(json["buyer"] == .object([
            ("type", "type1"), ("score", 5),
            ("votes", .array([
                .object([("attribute", "decision"), ("value", "self"), ("points", 1)]),
                .object([("attribute", "proceed"), ("value", "messages"), ("points", 1)]),
                .object([("attribute", "order_timing"), ("value", "within_3_months"), ("points", 1)]),
                .object([("attribute", "other_vendors"), ("value", "many"), ("points", 2)]),
            ])),
        ]))
        #expect(json["callback"]?["buyer_type"] == "type1")
        #expect(json["callback"]?["prepare_details"] == false)
        guard case .array(let messages)? = json["messages"], let first = messages.first else {
            Issue.record("no messages")
            return
        }
        #expect(first["order_timing"] == "within_3_months" && first["sensitive"] == false)
    }

    @Test func aTypeTwoListsPrepareDetailsAndAMixedOneIsUnknown() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "高橋", "--phone", "045-987-6543", "--message", "導入のご相談",
                     "--vendors", "none", "--proceed", "meeting"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "伊藤", "--phone", "06-1111-2222", "--message", "資料",
                     "--vendors", "many", "--decision", "proposes"])
        #expect(try desk.run(["callbacks"]).stdout == """
            ID   PRI  DUE    STATE                 OWNER   CALLER  COMPANY  PHONE         MESSAGE
             1  0.00  18:00  open prepare details  tanaka  高橋             045-987-6543  導入のご相談
             2  0.00  18:00  open                  tanaka  伊藤             06-1111-2222  資料

            """)
        let list = try JSONValue.parse(try desk.ok(["callbacks", "--json"]).stdout)
        guard case .array(let items) = list, items.count == 2 else {
            Issue.record("not two callbacks: \(list)")
            return
        }
        #expect(items[0]["buyer_type"] == "type2" && items[0]["prepare_details"] == true)
        #expect(items[1]["buyer_type"] == "unknown" && items[1]["prepare_details"] == false)
        #expect(try desk.run(["callbacks", "--csv"]).stdout.contains(",type2,1,0,\r\n"))
        let shown = try desk.ok(["show", "2"]).stdout
        #expect(shown.contains("""
            Buyer:     unknown — not enough to tell (score +1)
              decision       proposes         -1
              other_vendors  many             +2

            """))
        #expect(try desk.ok(["show", "1"]).stdout.contains("Buyer:     type ② — few vendors; the content wins: prepare details (score -3)\n"))
    }

    @Test func badAttributeValuesAreUsageErrors() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let result = try desk.run(["log", "--for", "tanaka", "--caller", "x", "--phone", "0312345678", "--message", "y",
                                   "--order-within", "1y"])
        #expect(result == DeskResult(status: 64, stdout: "", stderr: """
            desk: error: The value '1y' is invalid for '--order-within <order-within>'. Please provide one of '3m', '6m' or 'later'. (see `desk log --help`)

            """))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "0\n")
    }

    @Test func theOfficeChangesTheTypeOneTermAndDueMinutes() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        #expect(try desk.run(["config", "set", "priority.buyer_type1", "7"]).stdout == "priority.buyer_type1 = 7\n")
        #expect(try desk.run(["config", "set", "type1_due_minutes", "60"]).stdout == "type1_due_minutes = 60\n")
        let logged = try desk.ok(["log", "--for", "tanaka", "--caller", "x", "--phone", "0312345678", "--message", "y",
                                  "--vendors", "many", "--json"])
        let json = try JSONValue.parse(logged.stdout)
        #expect(json["callback"]?["due_at"] == "2026-11-20T11:15:00+09:00")
        #expect(json["callback"]?["priority"] == 7)
        let settings = try JSONValue.parse(try desk.ok(["config", "show", "--json"]).stdout)
        #expect(settings["type1_due_minutes"] == "60" && settings["priority.buyer_type1"] == "7")
        #expect(settings["sensitive_keywords"] == "")
        let shown = try desk.ok(["config", "show"]).stdout
        #expect(shown.contains("business minutes within which a type ① buyer's callback is due\n"))
        #expect(shown.contains("priority added for a type ① buyer (first response wins)\n"))
    }
}
