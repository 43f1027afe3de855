import Foundation
import MessageDesk
import Testing

/// Issue 16: every message taken is a notification at once, on the owner's channels, with a reply code that acks
/// or closes its callback from the notification.
@Suite struct MessageNotificationTests {
    func logForTanaka(_ desk: DeskSandbox, _ extra: [String] = []) throws {
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事", "--phone", "0312345678",
                     "--message", "見積の件"] + extra)
    }

    @Test func takingAMessageWritesANotificationForTheOwnerInTheSameTransaction() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try logForTanaka(desk)
        #expect(try desk.sql("""
            SELECT n.id, s.handle, n.kind, n.callback_id, n.message_id, n.channel_kind, n.channel_address IS NULL,
                   length(n.reply_code), n.reply_used_at IS NULL, n.created_at FROM notifications n JOIN staff s ON s.id = n.recipient_id
            """) == "1|tanaka|message|1|1|none|1|8|1|2026-11-20T01:15:00Z\n")
        // A repeat call joining the callback is a second message, and a second notification.
        try logForTanaka(desk)
        #expect(try desk.sql("SELECT id, kind, callback_id, message_id FROM notifications ORDER BY id") == "1|message|1|1\n2|message|1|2\n")
        // Each code is its own: eight characters of Crockford base32, with a letter, so never an id.
        let codes = try desk.sql("SELECT reply_code FROM notifications ORDER BY id").split(separator: "\n")
        #expect(codes.count == 2 && codes[0] != codes[1])
        for code in codes { #expect(code.contains { $0.isLetter } && code.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) }) }
    }

    @Test func aSensitiveMessagesNotificationSaysOnlyThatAMessageExists() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try logForTanaka(desk, ["--sensitive"])
        guard case .array(let list) = try JSONValue.parse(try desk.ok(["notifications", "--json"]).stdout), let notification = list.first else {
            Issue.record("no notification listed")
            return
        }
        #expect(notification["summary"] == .string("a message (sensitive) — see desk show 1"))
        #expect(notification["subject"] == .string("[MessageDesk] #1 message for 田中一郎"))
        let body = try desk.sql("SELECT body FROM notifications")
        #expect(!body.contains("見積") && !body.contains("山田") && !body.contains("0312345678"), "\(body)")
    }

    @Test func theUrgentLaddersFirstStepIsTheMessageNotificationNotASecondOne() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try logForTanaka(desk, ["--urgent"])
        #expect(try desk.sql("SELECT ladder, cycle, step, at FROM escalations") == "urgent|0|0|2026-11-20T01:15:00Z\n")
        #expect(try desk.sql("SELECT id, kind, escalation_id FROM notifications") == "1|message|1\n")
        desk.now = "2026-11-20T10:35:00+09:00"
        #expect(try desk.run(["sweep"]).stdout == """
            #1 urgent → suzuki (escalation): urgent and unacknowledged for 20m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute
            #1 urgent → boss (escalation): urgent and unacknowledged for 20m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact
            sweep at 10:35: 2 escalations, 0 reminders

            """)
        #expect(try desk.sql("SELECT recipient_id, kind FROM notifications ORDER BY id") == "3|message\n2|escalation\n1|escalation\n")
    }

    @Test func theGatewayReadsTheChannelTheAccountTheSummaryAndTheReplyCode() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["staff", "channel", "add", "tanaka", "mail", "tanaka@example.jp"])
        try desk.ok(["staff", "channel", "add", "tanaka", "lineworks", "bot-7", "user-9"])
        try logForTanaka(desk)
        let code = try desk.sql("SELECT reply_code FROM notifications WHERE id = 1").trimmingCharacters(in: .newlines)
        let log = desk.directory + "/gateway.log"
        #expect(try desk.run(["notify", "--exec", "cat >> '\(log)'; echo >> '\(log)'"]).status == 0)
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { try JSONValue.parse(String($0)) }
        #expect(lines.count == 2)
        #expect(lines[0]["channel"] == .object([("kind", .string("mail")), ("address", .string("tanaka@example.jp"))]))
        #expect(lines[1]["channel"] == .object([("kind", .string("lineworks")), ("address", .string("user-9")),
                                                ("bot_id", .string("bot-7"))]))
        #expect(lines[0]["account"] == .object([("code", .string("default")), ("name", .string("default"))]))
        #expect(lines[0]["recipient"] == .object([("handle", .string("tanaka")), ("name", .string("田中一郎"))]))
        #expect(lines[0]["kind"] == .string("message"))
        #expect(lines[0]["callback_id"] == .int(1))
        #expect(lines[0]["reply_code"] == .string(code))
        #expect(lines[0]["idempotency_key"] == .string("notification-1-20261120T011500Z"))
        #expect(lines[0]["subject"] == .string("[MessageDesk] #1 message from 山田太郎 (ＡＢＣ商事) for 田中一郎"))
        #expect(lines[0]["summary"] == .string("山田太郎 (ＡＢＣ商事, 03-1234-5678): 見積の件"))
        #expect(lines[0]["body"] == .string("""
            山田太郎 (ＡＢＣ商事, 03-1234-5678): 見積の件
            Due 2026-11-20 18:00. Details: desk show 1
            Reply "ack \(code)" or "done \(code)", or run: desk ack \(code)
            """))
    }

    @Test func channelsAreListedAndRemovedAndBadAddressesRefused() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["staff", "channel", "add", "tanaka", "sms"])
        try desk.ok(["staff", "channel", "add", "tanaka", "slack", "https://hooks.slack.com/services/T/B/X"])
        try desk.ok(["account", "channel", "add", "default", "chatwork", "123456"])
        #expect(try desk.run(["staff", "channel", "list", "tanaka"]) == DeskResult(status: 0, stdout: """
            ID  KIND   ADDRESS
            1   sms    +819033334444
            2   slack  https://hooks.slack.com/services/T/B/X

            """, stderr: ""))
        try desk.ok(["staff", "channel", "remove", "tanaka", "1"])
        #expect(try desk.sql("SELECT id, removed_at IS NOT NULL FROM channels ORDER BY id") == "1|1\n2|0\n3|0\n")
        #expect(try desk.run(["staff", "channel", "add", "tanaka", "webhook", "ftp://example.jp/x"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: 'ftp://example.jp/x' is not a webhook URL: give an https:// URL (http:// only to 127.0.0.1 or localhost)\n"))
        #expect(try desk.run(["staff", "channel", "add", "tanaka", "teams", "http://example.jp/x"]).status == 65)
        #expect(try desk.run(["staff", "channel", "add", "tanaka", "mail", "tanaka"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: 'tanaka' is not a mail address: give one such as tanaka@example.jp\n"))
        #expect(try desk.run(["staff", "channel", "add", "boss", "sms"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: boss has no mobile number: give the SMS number, e.g. desk staff channel add boss sms 090-1234-5678\n"))
        #expect(try desk.sql("SELECT count(*) FROM channels") == "3\n")
    }

    @Test func aPersonOnLeaveOrWithoutAChannelIsToldOnTheAccountsGroupChannel() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["account", "channel", "add", "default", "teams", "http://127.0.0.1:9/teams"])
        try desk.ok(["staff", "channel", "add", "suzuki", "mail", "suzuki@example.jp"])
        try logForTanaka(desk)
        try desk.ok(["log", "--for", "suzuki", "--caller", "佐々木", "--phone", "0355556666", "--message", "資料"])
        try desk.ok(["away", "suzuki", "--reason", "leave", "--until", "2026-11-27T09:00:00+09:00"])
        try desk.ok(["log", "--for", "suzuki", "--caller", "佐々木", "--phone", "0355556666", "--message", "再度"])
        #expect(try desk.sql("SELECT id, channel_kind, channel_address FROM notifications ORDER BY id") == """
            1|teams|http://127.0.0.1:9/teams
            2|mail|suzuki@example.jp
            3|teams|http://127.0.0.1:9/teams

            """)
    }

    @Test func aReplyCodeAcksItsCallbackOnceAndTheEventSaysThroughWhichNotification() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try logForTanaka(desk)
        let code = try desk.sql("SELECT reply_code FROM notifications WHERE id = 1").trimmingCharacters(in: .newlines)
        #expect(try desk.run(["ack", code.lowercased()]).status == 0)
        #expect(try desk.sql("SELECT state FROM callbacks") == "acknowledged\n")
        #expect(try desk.sql("SELECT reason FROM events WHERE kind = 'callback.acknowledged'") == "through notification #1\n")
        let events = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["done", code]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: reply code \(code) was already used; act on callback #1 by its id\n"))
        #expect(try desk.run(["ack", "ZZZZ9999"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: no notification has the reply code ZZZZ9999; check the code in the notification\n"))
        #expect(try desk.sql("SELECT count(*) FROM events") == events)
        #expect(try desk.sql("SELECT state FROM callbacks") == "acknowledged\n")
    }

    @Test func aCodeActsInItsOwnAccountAndIsUnknownInAnother() throws {
        let desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "はい、ベータ商事でございます"])
        try desk.ok(["staff", "add", "tanaka", "--name", "田中", "--account", "beta"])
        try desk.ok(["log", "--account", "beta", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678", "--message", "見積"])
        let code = try desk.sql("SELECT reply_code FROM notifications").trimmingCharacters(in: .newlines)
        // Another account chosen: the code is unknown there, and nothing says it exists elsewhere.
        #expect(try desk.run(["ack", code, "--account", "acme"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: no notification has the reply code \(code); check the code in the notification\n"))
        // None chosen (a mail system piping replies in): the code's own account.
        #expect(try desk.run(["reply", "--stdin"], input: "ack \(code)\n").stdout == "acknowledged callback #1 — acknowledged, owner tanaka, due 18:00\n")
        #expect(try desk.sql("SELECT state FROM callbacks") == "acknowledged\n")
    }

    @Test func aMailReplyPipedIntoDeskReplyActsOnceAndTheSecondUseIsRefused() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try logForTanaka(desk)
        let code = try desk.sql("SELECT reply_code FROM notifications WHERE id = 1").trimmingCharacters(in: .newlines)
        let mail = """
            From: Tanaka <tanaka@example.jp>
            To: desk@example.jp
            Subject: Re: [MessageDesk] #1 message from 山田太郎 (ＡＢＣ商事) for 田中一郎

            対応済み \(code)
            折り返しました。

            > Reply "ack \(code)" or "done \(code)", or run: desk ack \(code)

            """
        #expect(try desk.run(["reply", "--stdin"], input: mail) == DeskResult(status: 0, stdout: "done: callback #1 — done, owner tanaka, due 18:00\n", stderr: ""))
        #expect(try desk.sql("SELECT state FROM callbacks") == "done\n")
        #expect(try desk.sql("SELECT kind, reason FROM events WHERE kind = 'callback.done'") == "callback.done|through notification #1\n")
        let events = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["reply", "--stdin"], input: mail).status == 65)
        #expect(try desk.sql("SELECT count(*) FROM events") == events)
        // A chat reply: its first word says what to do.
        try desk.ok(["log", "--for", "tanaka", "--caller", "佐々木", "--phone", "0355556666", "--message", "資料"])
        let second = try desk.sql("SELECT reply_code FROM notifications WHERE id = 2").trimmingCharacters(in: .newlines)
        #expect(try desk.run(["reply", "--stdin"], input: "了解 \(second)\n").status == 0)
        #expect(try desk.sql("SELECT state FROM callbacks WHERE id = 2") == "acknowledged\n")
        #expect(try desk.run(["reply", "--stdin"], input: "hello there\n") == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: the reply holds no reply code; it must contain the code from the notification\n"))
    }
}

/// Re-notification (issue 16): a message nobody acknowledged is told again once, after the account's delay, on the
/// same channels and the account's group channel; on the simulated clock (DESK_NOW).
@Suite struct RenotificationTests {
    @Test func anUnacknowledgedMessageIsToldAgainOnceAfterTheDelayOnItsChannelsAndTheGroupChannel() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["staff", "channel", "add", "tanaka", "mail", "tanaka@example.jp"])
        try desk.ok(["account", "channel", "add", "default", "slack", "https://hooks.slack.com/services/T/B/X"])
        try MessageNotificationTests().logForTanaka(desk)
        desk.now = "2026-11-20T10:44:00+09:00"
        #expect(try desk.run(["sweep"]).stdout == "sweep at 10:44: 0 escalations, 0 reminders\n")
        desk.now = "2026-11-20T10:45:00+09:00"
        #expect(try desk.run(["sweep"]).stdout == """
            #1 renotify → tanaka: not acknowledged 30m after message 1 was notified
            sweep at 10:45: 0 escalations, 0 reminders, 1 re-notification

            """)
        #expect(try desk.sql("SELECT id, kind, message_id, channel_kind, channel_address, created_at FROM notifications ORDER BY id") == """
            1|message|1|mail|tanaka@example.jp|2026-11-20T01:15:00Z
            2|renotify|1|mail|tanaka@example.jp|2026-11-20T01:45:00Z
            3|renotify|1|slack|https://hooks.slack.com/services/T/B/X|2026-11-20T01:45:00Z

            """)
        // Idempotent: the next sweep, however late, tells nobody again.
        desk.now = "2026-11-20T17:00:00+09:00"
        let before = try desk.sql("SELECT count(*) FROM notifications") + (try desk.sql("SELECT count(*) FROM events"))
        #expect(try desk.run(["sweep"]).stdout.hasSuffix("0 escalations, 0 reminders\n"))
        #expect(try desk.sql("SELECT count(*) FROM notifications") + (try desk.sql("SELECT count(*) FROM events")) == before)
        #expect(try desk.sql("SELECT message_id, at FROM renotifications") == "1|2026-11-20T01:45:00Z\n")
    }

    @Test func anAcknowledgedMessageIsNotToldAgainAndTheDelayIsPerAccount() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["config", "set", "renotify_after", "15m", "--account", "default"])
        try MessageNotificationTests().logForTanaka(desk)
        try desk.ok(["log", "--for", "suzuki", "--caller", "佐々木", "--phone", "0355556666", "--message", "資料"])
        try desk.ok(["ack", "1"])
        desk.now = "2026-11-20T10:30:00+09:00"
        #expect(try desk.run(["sweep"]).stdout == """
            #2 renotify → suzuki: not acknowledged 15m after message 2 was notified
            sweep at 10:30: 0 escalations, 0 reminders, 1 re-notification

            """)
        try desk.ok(["config", "set", "renotify_after", "off", "--account", "default"])
        try desk.ok(["log", "--for", "suzuki", "--caller", "佐藤", "--phone", "0377778888", "--message", "別件"])
        desk.now = "2026-11-21T10:30:00+09:00"
        #expect(try desk.run(["sweep"]).stdout.hasSuffix("reminders\n"))
        #expect(try desk.sql("SELECT count(*) FROM renotifications") == "1\n")
        #expect(try desk.run(["config", "set", "renotify_after", "45m"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: renotify_after: '45m' is not a re-notification delay: use one of off, 15m, 30m, 1h, 12h, 24h\n"))
    }
}
