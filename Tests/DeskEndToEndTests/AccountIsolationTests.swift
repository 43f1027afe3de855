import Foundation
import Testing

/// Two client accounts with the same handles, the same caller's number and the same message words: nothing any
/// command prints for acme shows anything of beta (issue 15, "Isolation"). Operators (sato) and managers (boss)
/// are the service's and appear for both.
@Suite struct AccountIsolationTests {
    /// acme (the desk's first account) and beta, each with suzuki and tanaka (substitute suzuki, escalation boss) and
    /// an urgent call from 山田太郎 at 03-1234-5678 for tanaka; beta's caller calls again. The sweep at 10:40 reminds
    /// and escalates both callbacks; the commands run at 10:45.
    static func twoClients() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "はい、ベータ商事でございます", "--line", "06-6000-0001"])
        try desk.ok(["staff", "add", "boss", "--name", "部長", "--role", "manager"])
        try desk.ok(["staff", "add", "sato", "--name", "佐藤", "--role", "operator"])
        for (code, word) in [("acme", "アクメ"), ("beta", "ベータ")] {
            try desk.ok(["staff", "add", "suzuki", "--name", "鈴木（\(word)）", "--account", code])
            try desk.ok(["staff", "add", "tanaka", "--name", "田中（\(word)）", "--substitute", "suzuki", "--escalate-to", "boss",
                         "--account", code])
            try desk.ok(["log", "--account", code, "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事",
                         "--phone", "03-1234-5678", "--message", "見積の件で折り返しください", "--urgent", "--as", "sato"])
        }
        let again = try desk.ok(["log", "--account", "beta", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                                 "--message", "見積の件で折り返しください", "--as", "sato"])
        #expect(again.stdout.hasPrefix("saved: joined open callback #2 (call 2 from this caller) for tanaka (田中（ベータ）)"))
        desk.now = "2026-11-20T10:40:00+09:00"
        try desk.ok(["sweep"])
        desk.now = "2026-11-20T10:45:00+09:00"
        return desk
    }

    @Test(arguments: Self.acmeOutputs.indices) func acmesCommandsShowNothingOfBeta(_ index: Int) throws {
        let (command, stdout) = Self.acmeOutputs[index]
        let desk = try Self.twoClients()
        var result = try desk.run(command.split(separator: " ").map(String.init) + ["--account", "acme"])
        // Reply codes are random (the system's secure source): each is pinned by the notification it belongs to.
        for row in try desk.sql("SELECT id, reply_code FROM notifications").split(separator: "\n") {
            let parts = row.split(separator: "|")
            result = DeskResult(status: result.status, stdout: result.stdout.replacingOccurrences(of: String(parts[1]), with: "<reply code of #\(parts[0])>"),
                                stderr: result.stderr)
        }
        #expect(result == DeskResult(status: 0, stdout: stdout, stderr: ""), "desk \(command)")
        #expect(!result.stdout.contains("ベータ"))
    }

    @Test func anotherAccountsCallbackIsUnknownAndTheAccountComesFromTheEnvironment() throws {
        var desk = try Self.twoClients()
        #expect(try desk.run(["show", "2", "--account", "acme"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: no callback #2 in account acme; see `desk callbacks --state all`

            """))
        #expect(try desk.run(["done", "2", "--account", "acme", "--as", "tanaka"]).status == 65)
        #expect(try desk.sql("SELECT state FROM callbacks ORDER BY id") == "open\nopen\n")
        #expect(try desk.run(["callbacks"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: this desk answers for several accounts (acme, beta); choose one with --account CODE or $DESK_ACCOUNT

            """))
        #expect(try desk.run(["callbacks", "--account", "gamma"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: no account 'gamma'; the accounts are: acme, beta (see `desk account list`)

            """))
        desk.extraEnvironment["DESK_ACCOUNT"] = "beta"
        #expect(try desk.run(["callbacks"]).stdout == """
            ID    PRI  DUE    STATE           OWNER   CALLER    COMPANY     PHONE         MESSAGE
             2  15.25  10:45  open urgent ×2  tanaka  山田太郎  ＡＢＣ商事  03-1234-5678  見積の件で折り返しください

            """)
        // acme/tanaka names acme's tanaka from beta; a link to them is refused.
        #expect(try desk.run(["staff", "show", "acme/tanaka"]).stdout.hasPrefix("tanaka — 田中（アクメ）\n"))
        #expect(try desk.run(["reassign", "2", "--to", "acme/tanaka", "--as", "boss"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: acme/tanaka is of account acme; the new owner must be of beta or of the service

            """))
        // One number, one caller per account.
        #expect(try desk.sql("SELECT account_id, phone FROM callers ORDER BY id") == "1|+81312345678\n2|+81312345678\n")
    }

    /// What acme's commands print (at 10:45), word for word.
    static let acmeOutputs: [(String, String)] = [
        ("callbacks", """
            ID    PRI  DUE    STATE        OWNER   CALLER    COMPANY     PHONE         MESSAGE
             1  12.25  10:45  open urgent  tanaka  山田太郎  ＡＢＣ商事  03-1234-5678  見積の件で折り返しください

            """),
        ("callbacks --state all --json", """
            [
              {
                "id": 1,
                "owner": "tanaka",
                "owner_name": "田中（アクメ）",
                "state": "open",
                "urgent": true,
                "priority": 12.25,
                "due_at": "2026-11-20T10:45:00+09:00",
                "overdue": false,
                "repeat_count": 0,
                "attempts": 0,
                "escalation_level": 2,
                "caller": "山田太郎",
                "company": "ＡＢＣ商事",
                "phone": "+81312345678",
                "message": "見積の件で折り返しください",
                "wants": "callback",
                "new_contact": false,
                "not_before": null,
                "not_after": null,
                "opened_at": "2026-11-20T10:15:00+09:00",
                "acknowledged_at": null,
                "closed_at": null,
                "closing_note": null,
                "buyer_type": "unknown",
                "prepare_details": false,
                "sensitive": false,
                "routed_from": null
              }
            ]

            """),
        ("callbacks --state all --csv", """
            id,owner,state,urgent,priority,due_at,overdue,repeat_count,attempts,caller,company,phone,message,wants,opened_at,closed_at,buyer_type,prepare_details,sensitive,routed_from\r
            1,tanaka,open,1,12.25,2026-11-20T10:45:00+09:00,0,0,0,山田太郎,ＡＢＣ商事,03-1234-5678,見積の件で折り返しください,callback,2026-11-20T10:15:00+09:00,,unknown,0,0,\r

            """),
        ("callbacks --for tanaka", """
            ID    PRI  DUE    STATE        OWNER   CALLER    COMPANY     PHONE         MESSAGE
             1  12.25  10:45  open urgent  tanaka  山田太郎  ＡＢＣ商事  03-1234-5678  見積の件で折り返しください

            """),
        ("show 1 --json", """
            {
              "callback": {
                "id": 1,
                "owner": "tanaka",
                "owner_name": "田中（アクメ）",
                "state": "open",
                "urgent": true,
                "priority": 12.25,
                "due_at": "2026-11-20T10:45:00+09:00",
                "overdue": false,
                "repeat_count": 0,
                "attempts": 0,
                "escalation_level": 2,
                "caller": "山田太郎",
                "company": "ＡＢＣ商事",
                "phone": "+81312345678",
                "message": "見積の件で折り返しください",
                "wants": "callback",
                "new_contact": false,
                "not_before": null,
                "not_after": null,
                "opened_at": "2026-11-20T10:15:00+09:00",
                "acknowledged_at": null,
                "closed_at": null,
                "closing_note": null,
                "buyer_type": "unknown",
                "prepare_details": false,
                "sensitive": false,
                "routed_from": null
              },
              "buyer": {
                "type": "unknown",
                "score": 0,
                "votes": []
              },
              "priority_breakdown": [
                {
                  "term": "urgent",
                  "coefficient": 8,
                  "amount": 1,
                  "contribution": 8
                },
                {
                  "term": "buyer_type1",
                  "coefficient": 5,
                  "amount": 0,
                  "contribution": 0
                },
                {
                  "term": "overdue_hours",
                  "coefficient": 3,
                  "amount": 0,
                  "contribution": 0
                },
                {
                  "term": "age_hours",
                  "coefficient": 0.5,
                  "amount": 0.5,
                  "contribution": 0.25
                },
                {
                  "term": "repeat_calls",
                  "coefficient": 3,
                  "amount": 0,
                  "contribution": 0
                },
                {
                  "term": "new_contact",
                  "coefficient": 2,
                  "amount": 0,
                  "contribution": 0
                },
                {
                  "term": "escalation_level",
                  "coefficient": 2,
                  "amount": 2,
                  "contribution": 4
                }
              ],
              "messages": [
                {
                  "id": 1,
                  "call_id": 1,
                  "taken_at": "2026-11-20T10:15:00+09:00",
                  "taken_by": "sato",
                  "caller": "山田太郎",
                  "company": "ＡＢＣ商事",
                  "body": "見積の件で折り返しください",
                  "urgent": true,
                  "wants": "callback",
                  "not_before": null,
                  "not_after": null,
                  "new_contact": false,
                  "tried_mobile": false,
                  "decision": null,
                  "proceed": null,
                  "order_timing": null,
                  "other_vendors": null,
                  "sensitive": false,
                  "note": null
                }
              ],
              "events": [
                {
                  "id": 9,
                  "at": "2026-11-20T10:15:00+09:00",
                  "actor": "sato",
                  "subject": "call",
                  "subject_id": 1,
                  "kind": "call.taken",
                  "before": null,
                  "after": {
                    "for": "tanaka",
                    "caller_id": 1,
                    "message_id": 1,
                    "callback_id": 1,
                    "tried_mobile": false
                  },
                  "reason": null
                },
                {
                  "id": 10,
                  "at": "2026-11-20T10:15:00+09:00",
                  "actor": "sato",
                  "subject": "callback",
                  "subject_id": 1,
                  "kind": "callback.opened",
                  "before": null,
                  "after": {
                    "owner": "tanaka",
                    "state": "open",
                    "urgent": true,
                    "new_contact": false,
                    "not_before": null,
                    "not_after": null,
                    "due_at": "2026-11-20T10:45:00+09:00",
                    "repeat_count": 0
                  },
                  "reason": "call 1"
                },
                {
                  "id": 18,
                  "at": "2026-11-20T10:40:00+09:00",
                  "actor": "user:tester",
                  "subject": "callback",
                  "subject_id": 1,
                  "kind": "callback.escalated",
                  "before": {
                    "escalation_level": 0
                  },
                  "after": {
                    "escalation_level": 1,
                    "notified": "suzuki"
                  },
                  "reason": "urgent and unacknowledged for 25m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute"
                },
                {
                  "id": 19,
                  "at": "2026-11-20T10:40:00+09:00",
                  "actor": "user:tester",
                  "subject": "callback",
                  "subject_id": 1,
                  "kind": "callback.escalated",
                  "before": {
                    "escalation_level": 1
                  },
                  "after": {
                    "escalation_level": 2,
                    "notified": "boss"
                  },
                  "reason": "urgent and unacknowledged for 25m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact"
                }
              ]
            }

            """),
        ("history 1 --json", """
            [
              {
                "id": 9,
                "at": "2026-11-20T10:15:00+09:00",
                "actor": "sato",
                "subject": "call",
                "subject_id": 1,
                "kind": "call.taken",
                "before": null,
                "after": {
                  "for": "tanaka",
                  "caller_id": 1,
                  "message_id": 1,
                  "callback_id": 1,
                  "tried_mobile": false
                },
                "reason": null
              },
              {
                "id": 10,
                "at": "2026-11-20T10:15:00+09:00",
                "actor": "sato",
                "subject": "callback",
                "subject_id": 1,
                "kind": "callback.opened",
                "before": null,
                "after": {
                  "owner": "tanaka",
                  "state": "open",
                  "urgent": true,
                  "new_contact": false,
                  "not_before": null,
                  "not_after": null,
                  "due_at": "2026-11-20T10:45:00+09:00",
                  "repeat_count": 0
                },
                "reason": "call 1"
              },
              {
                "id": 18,
                "at": "2026-11-20T10:40:00+09:00",
                "actor": "user:tester",
                "subject": "callback",
                "subject_id": 1,
                "kind": "callback.escalated",
                "before": {
                  "escalation_level": 0
                },
                "after": {
                  "escalation_level": 1,
                  "notified": "suzuki"
                },
                "reason": "urgent and unacknowledged for 25m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute"
              },
              {
                "id": 19,
                "at": "2026-11-20T10:40:00+09:00",
                "actor": "user:tester",
                "subject": "callback",
                "subject_id": 1,
                "kind": "callback.escalated",
                "before": {
                  "escalation_level": 1
                },
                "after": {
                  "escalation_level": 2,
                  "notified": "boss"
                },
                "reason": "urgent and unacknowledged for 25m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact"
              }
            ]

            """),
        ("board --json", """
            [
              {
                "handle": "boss",
                "name": "部長",
                "presence": {
                  "status": "in_office",
                  "until": null,
                  "note": null,
                  "text": "in the office"
                },
                "substitute": null,
                "owed": 0,
                "overdue": 0
              },
              {
                "handle": "sato",
                "name": "佐藤",
                "presence": {
                  "status": "in_office",
                  "until": null,
                  "note": null,
                  "text": "in the office"
                },
                "substitute": null,
                "owed": 0,
                "overdue": 0
              },
              {
                "handle": "suzuki",
                "name": "鈴木（アクメ）",
                "presence": {
                  "status": "in_office",
                  "until": null,
                  "note": null,
                  "text": "in the office"
                },
                "substitute": null,
                "owed": 0,
                "overdue": 0
              },
              {
                "handle": "tanaka",
                "name": "田中（アクメ）",
                "presence": {
                  "status": "in_office",
                  "until": null,
                  "note": null,
                  "text": "in the office"
                },
                "substitute": "suzuki",
                "owed": 1,
                "overdue": 0
              }
            ]

            """),
        ("staff list --csv", """
            handle,name,role,mobile,substitute,escalation_contact,status,until,note\r
            boss,部長,manager,,,,in_office,,\r
            sato,佐藤,operator,,,,in_office,,\r
            suzuki,鈴木（アクメ）,salesperson,,,,in_office,,\r
            tanaka,田中（アクメ）,salesperson,,suzuki,boss,in_office,,\r

            """),
        ("staff show tanaka --json", """
            {
              "handle": "tanaka",
              "name": "田中（アクメ）",
              "role": "salesperson",
              "mobile": null,
              "substitute": "suzuki",
              "escalation_contact": "boss",
              "presence": {
                "status": "in_office",
                "until": null,
                "note": null,
                "text": "in the office"
              }
            }

            """),
        ("report --json", """
            {
              "date": "2026-11-20",
              "time_zone": "Asia/Tokyo",
              "start": "2026-11-20T00:00:00+09:00",
              "end": "2026-11-21T00:00:00+09:00",
              "as_of": "2026-11-20T10:45:00+09:00",
              "complete": false,
              "office": {
                "calls_taken": 1,
                "callbacks_opened": 1,
                "done": 0,
                "done_within_window": 0,
                "share_done_within_window": null,
                "cancelled": 0,
                "open_at_end": 1,
                "overdue_at_end": 0,
                "open_by_priority": {
                  "high": 1,
                  "medium": 0,
                  "low": 0
                },
                "escalations": 2,
                "median_minutes_to_callback": null,
                "p90_minutes_to_callback": null
              },
              "people": [
                {
                  "handle": "tanaka",
                  "name": "田中（アクメ）",
                  "calls_taken": 1,
                  "callbacks_opened": 1,
                  "done": 0,
                  "done_within_window": 0,
                  "share_done_within_window": null,
                  "cancelled": 0,
                  "open_at_end": 1,
                  "overdue_at_end": 0,
                  "open_by_priority": {
                    "high": 1,
                    "medium": 0,
                    "low": 0
                  },
                  "escalations": 2,
                  "median_minutes_to_callback": null,
                  "p90_minutes_to_callback": null,
                  "open_callbacks": [
                    {
                      "id": 1,
                      "caller": "山田太郎",
                      "company": "ＡＢＣ商事",
                      "state": "open",
                      "urgent": true,
                      "due_at": "2026-11-20T10:45:00+09:00",
                      "overdue": false,
                      "repeat_count": 0,
                      "priority": 12.25,
                      "priority_band": "high"
                    }
                  ]
                }
              ]
            }

            """),
        ("report --csv", """
            date,scope,handle,name,calls_taken,callbacks_opened,done,done_within_window,share_done_within_window,cancelled,open_at_end,overdue_at_end,open_high,open_medium,open_low,escalations,median_minutes_to_callback,p90_minutes_to_callback\r
            2026-11-20,office,,,1,1,0,0,,0,1,0,1,0,0,2,,\r
            2026-11-20,person,tanaka,田中（アクメ）,1,1,0,0,,0,1,0,1,0,0,2,,\r

            """),
        ("notifications --json", """
            [
              {
                "id": 1,
                "idempotency_key": "notification-1-20261120T011500Z",
                "created_at": "2026-11-20T10:15:00+09:00",
                "to": {
                  "handle": "tanaka",
                  "name": "田中（アクメ）",
                  "mobile": null
                },
                "callback_id": 1,
                "kind": "message",
                "reason": "a message was taken; urgent: step 1 of 3, round 1 of 3",
                "text": "URGENT 山田太郎 (ＡＢＣ商事, 03-1234-5678): 見積の件で折り返しください\\nDue 2026-11-20 10:45. Details: desk show 1",
                "attempts": 0,
                "last_error": null,
                "delivered_at": null,
                "channel": {
                  "kind": "none",
                  "address": null
                },
                "account": {
                  "code": "acme",
                  "name": "acme"
                },
                "recipient": {
                  "handle": "tanaka",
                  "name": "田中（アクメ）"
                },
                "message_id": 1,
                "subject": "[MessageDesk] URGENT #1 message from 山田太郎 (ＡＢＣ商事) for 田中（アクメ）",
                "summary": "山田太郎 (ＡＢＣ商事, 03-1234-5678): 見積の件で折り返しください",
                "body": "URGENT 山田太郎 (ＡＢＣ商事, 03-1234-5678): 見積の件で折り返しください\\nDue 2026-11-20 10:45. Details: desk show 1\\nReply \\"ack <reply code of #1>\\" or \\"done <reply code of #1>\\", or run: desk ack <reply code of #1>",
                "reply_code": "<reply code of #1>",
                "state": "pending",
                "next_attempt_at": null
              },
              {
                "id": 4,
                "idempotency_key": "notification-4-20261120T014000Z",
                "created_at": "2026-11-20T10:40:00+09:00",
                "to": {
                  "handle": "suzuki",
                  "name": "鈴木（アクメ）",
                  "mobile": null
                },
                "callback_id": 1,
                "kind": "escalation",
                "reason": "urgent and unacknowledged for 25m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute",
                "text": "[MessageDesk] URGENT #1 callback owed by tanaka (田中（アクメ）): call 山田太郎, ＡＢＣ商事 at 03-1234-5678, due 2026-11-20 10:45. Why: urgent and unacknowledged for 25m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute. Details: desk show 1",
                "attempts": 0,
                "last_error": null,
                "delivered_at": null,
                "channel": {
                  "kind": "none",
                  "address": null
                },
                "account": {
                  "code": "acme",
                  "name": "acme"
                },
                "recipient": {
                  "handle": "suzuki",
                  "name": "鈴木（アクメ）"
                },
                "message_id": null,
                "subject": "[MessageDesk] URGENT #1 escalation: callback owed by tanaka (田中（アクメ）)",
                "summary": "[MessageDesk] URGENT #1 callback owed by tanaka (田中（アクメ）): call 山田太郎, ＡＢＣ商事 at 03-1234-5678, due 2026-11-20 10:45. Why: urgent and unacknowledged for 25m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute. Details: desk show 1",
                "body": "[MessageDesk] URGENT #1 callback owed by tanaka (田中（アクメ）): call 山田太郎, ＡＢＣ商事 at 03-1234-5678, due 2026-11-20 10:45. Why: urgent and unacknowledged for 25m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute. Details: desk show 1\\nReply \\"ack <reply code of #4>\\" or \\"done <reply code of #4>\\", or run: desk ack <reply code of #4>",
                "reply_code": "<reply code of #4>",
                "state": "pending",
                "next_attempt_at": null
              },
              {
                "id": 5,
                "idempotency_key": "notification-5-20261120T014000Z",
                "created_at": "2026-11-20T10:40:00+09:00",
                "to": {
                  "handle": "boss",
                  "name": "部長",
                  "mobile": null
                },
                "callback_id": 1,
                "kind": "escalation",
                "reason": "urgent and unacknowledged for 25m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact",
                "text": "[MessageDesk] URGENT #1 callback owed by tanaka (田中（アクメ）): call 山田太郎, ＡＢＣ商事 at 03-1234-5678, due 2026-11-20 10:45. Why: urgent and unacknowledged for 25m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact. Details: desk show 1",
                "attempts": 0,
                "last_error": null,
                "delivered_at": null,
                "channel": {
                  "kind": "none",
                  "address": null
                },
                "account": {
                  "code": "acme",
                  "name": "acme"
                },
                "recipient": {
                  "handle": "boss",
                  "name": "部長"
                },
                "message_id": null,
                "subject": "[MessageDesk] URGENT #1 escalation: callback owed by tanaka (田中（アクメ）)",
                "summary": "[MessageDesk] URGENT #1 callback owed by tanaka (田中（アクメ）): call 山田太郎, ＡＢＣ商事 at 03-1234-5678, due 2026-11-20 10:45. Why: urgent and unacknowledged for 25m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact. Details: desk show 1",
                "body": "[MessageDesk] URGENT #1 callback owed by tanaka (田中（アクメ）): call 山田太郎, ＡＢＣ商事 at 03-1234-5678, due 2026-11-20 10:45. Why: urgent and unacknowledged for 25m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact. Details: desk show 1\\nReply \\"ack <reply code of #5>\\" or \\"done <reply code of #5>\\", or run: desk ack <reply code of #5>",
                "reply_code": "<reply code of #5>",
                "state": "pending",
                "next_attempt_at": null
              }
            ]

            """),
    ]
}
