import Foundation
import MessageDesk
import Testing

/// The gateways of Scripts/gateways/ against real servers on 127.0.0.1: mail through an SMTP server (aiosmtpd),
/// chat and webhooks through an HTTP server that checks each service's format. Nothing inside desk is mocked.
@Suite(.serialized) struct RealGatewayTests {
    static func gateway(_ name: String) -> String { repositoryRoot.appendingPathComponent("Scripts/gateways/" + name).path }

    /// A notification as the outbox will hand it (issue 16's fields), written by hand: this branch's desk does
    /// not carry channels yet.
    static func notification(id: Int = 7, channel: [String: String], subject: String = "【折り返し】山田太郎様（ＡＢＣ商事）より",
                             replyCode: String = "K7QX-2M9P") -> String {
        let fields: [String: Any] = [
            "id": id, "idempotency_key": "notification-\(id)-20261120T012500Z", "kind": "message", "callback_id": 1,
            "channel": channel, "account": ["code": "acme", "name": "株式会社アクメ"],
            "recipient": ["handle": "tanaka", "name": "田中一郎"], "subject": subject,
            "body": "山田太郎様（ＡＢＣ商事、03-1234-5678）から折り返しのお願いです。期限 10:45。",
            "summary": "折り返しのお願い", "reply_code": replyCode,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a gateway script with `input` on stdin and the given environment.
    static func run(_ command: [String], input: String, environment: [String: String] = [:]) throws -> DeskResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = command
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"].merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DeskResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                          stderr: String(decoding: err, as: UTF8.self))
    }

    // MARK: - Mail

    /// A fresh SMTP server, and the smtp gateway's command line pointed at it.
    static func mailServer() throws -> (LocalServer, [String]) {
        let server = try LocalServer("smtp-server.py", directory: try DeskSandbox().directory + "/mail")
        return (server, [gateway("smtp"), "--host", "127.0.0.1", "--port", String(server.port), "--from", "desk@example.jp"])
    }

    @Test func aJapaneseMailArrivesInISO2022JPOrUTF8WithTheReplyCode() throws {
        let (server, smtp) = try Self.mailServer()
        defer { server.stop() }
        let input = Self.notification(channel: ["kind": "mail", "address": "tanaka@example.jp"])
        #expect(try Self.run(smtp, input: input) == DeskResult(status: 0, stdout: "", stderr: ""))
        #expect(server.nextLine() == "mail 1")
        #expect(try Self.run(smtp + ["--charset", "utf-8"], input: input).status == 0)
        #expect(server.nextLine() == "mail 2")
        // A subject ISO-2022-JP cannot hold (①) goes as UTF-8 even when ISO-2022-JP was asked for.
        #expect(try Self.run(smtp, input: Self.notification(channel: ["kind": "mail", "address": "tanaka@example.jp"],
                                                          subject: "①至急のご連絡")).status == 0)
        #expect(server.nextLine() == "mail 3")
        let body = """
            山田太郎様（ＡＢＣ商事、03-1234-5678）から折り返しのお願いです。期限 10:45。

            返信コード / reply code: K7QX-2M9P
            このメールに「了解 K7QX-2M9P」(確認しました) または「対応済み K7QX-2M9P」(折り返しました) と1行目に書いて返信してください。
            Or reply with "ack K7QX-2M9P" or "done K7QX-2M9P" on the first line.

            """
        let mails = try (1...3).map { try ReceivedMail(server, number: $0) }
        #expect(mails.map(\.to) == Array(repeating: "田中一郎 <tanaka@example.jp>", count: 3))
        #expect(mails.map(\.envelopeTo) == Array(repeating: ["tanaka@example.jp"], count: 3))
        #expect(mails.map(\.subject) == ["【折り返し】山田太郎様（ＡＢＣ商事）より", "【折り返し】山田太郎様（ＡＢＣ商事）より", "①至急のご連絡"])
        #expect(mails.map(\.body) == [body, body, body])
        #expect(mails.map(\.contentType) == [#"text/plain; charset="iso-2022-jp""#, #"text/plain; charset="utf-8""#,
                                             #"text/plain; charset="utf-8""#])
        // The header itself is an RFC 2047 encoded word, not raw bytes.
        let raw = try String(contentsOfFile: server.directory + "/mail-1.eml", encoding: .utf8)
        #expect(raw.contains("Subject: =?iso-2022-jp?b?"))
        #expect(raw.contains("Message-ID: <notification-7-20261120T012500Z@messagedesk>"))
    }

    @Test func aMailRefusedWith4xxIsTemporaryAnd5xxPermanent() throws {
        let (server, smtp) = try Self.mailServer()
        defer { server.stop() }
        let input = Self.notification(channel: ["kind": "mail", "address": "tanaka@example.jp"])
        try "451 4.3.0 try again later".write(toFile: server.directory + "/next-reply", atomically: true, encoding: .utf8)
        #expect(try Self.run(smtp, input: input) == DeskResult(status: 75, stdout: "",
            stderr: "smtp: 127.0.0.1:\(server.port) refused the mail: 451 4.3.0 try again later\n"))
        try "554 5.7.1 relaying denied".write(toFile: server.directory + "/next-reply", atomically: true, encoding: .utf8)
        #expect(try Self.run(smtp, input: input) == DeskResult(status: 69, stdout: "",
            stderr: "smtp: 127.0.0.1:\(server.port) refused the mail: 554 5.7.1 relaying denied\n"))
        #expect(!FileManager.default.fileExists(atPath: server.directory + "/mail-1.eml"))
        // Nobody listening: temporary.
        server.stop()
        let refused = try Self.run(smtp, input: input)
        #expect(refused.status == 75)
        #expect(refused.stderr.hasPrefix("smtp: cannot send through 127.0.0.1:\(server.port): "))
    }

    /// Through `desk notify` with the JSON this desk emits today (no channel: --to names the address by handle):
    /// mails arrive; then the server answers 4xx to one and 5xx to the next, and the states say so.
    @Test func deskNotifyMailsThroughTheSMTPGatewayAndKeepsTemporaryAndPermanentFailuresApart() throws {
        var desk = try GatewayTests().officeWithTwoNotifications()
        let server = try LocalServer("smtp-server.py", directory: desk.directory + "/mail")
        defer { server.stop() }
        let command = "'\(Self.gateway("smtp"))' --host 127.0.0.1 --port \(server.port) --from desk@example.jp --to '{handle}@example.jp'"
        try desk.ok(["notify", "--exec", command])
        #expect(server.nextLine() == "mail 1")
        #expect(server.nextLine() == "mail 2")
        let mails = try (1...2).map { try ReceivedMail(server, number: $0) }
        #expect(mails.map(\.to) == ["田中一郎 <tanaka@example.jp>", "鈴木花子 <suzuki@example.jp>"])
        #expect(mails.map(\.subject) == ["[MessageDesk] URGENT #1 message from 山田太郎 (ＡＢＣ商事) for 田中一郎",
                                          "[MessageDesk] URGENT #1 escalation: callback owed by tanaka (田中一郎)"])
        // The code is drawn from the system's secure random source: read it back from the outbox.
        let code = try desk.sql("SELECT reply_code FROM notifications WHERE id = 1").trimmingCharacters(in: .newlines)
        #expect(code.count == 8)
        #expect(mails[0].body == """
            URGENT 山田太郎 (ＡＢＣ商事, 03-1234-5678): 至急
            Due 2026-11-20 10:45. Details: desk show 1

            返信コード / reply code: \(code)
            このメールに「了解 \(code)」(確認しました) または「対応済み \(code)」(折り返しました) と1行目に書いて返信してください。
            Or reply with "ack \(code)" or "done \(code)" on the first line.

            """)
        #expect(try desk.sql("SELECT state FROM notifications ORDER BY id") == "delivered\ndelivered\n")

        // Two more: an escalation by hand, twice.
        desk.now = "2026-11-20T10:30:00+09:00"
        try desk.ok(["escalate", "1", "--to", "boss", "--reason", "大口"])
        try desk.ok(["escalate", "1", "--to", "suzuki", "--reason", "至急"])
        try "451 4.7.1 greylisted".write(toFile: server.directory + "/next-reply", atomically: true, encoding: .utf8)
        // The first mail takes the 4xx; the second would take 250, so a 5xx is queued by the gateway run in between.
        let first = try desk.run(["notify", "--exec", command + "; s=$?; echo '554 5.1.1 no such user' > '\(server.directory)/next-reply'; exit $s"])
        #expect(first.stdout == """
            #3 → boss: failed (the gateway exited 75: smtp: 127.0.0.1:\(server.port) refused the mail: 451 4.7.1 greylisted); tried again from 10:31
            #4 → suzuki: failed for good (the gateway exited 69: smtp: 127.0.0.1:\(server.port) refused the mail: 554 5.1.1 no such user); kept, see `desk notifications --failed`
            notify: 0 delivered, 2 failed

            """)
        #expect(try desk.sql("SELECT id, state, next_attempt_at FROM notifications WHERE id > 2 ORDER BY id")
                == "3|failed-temporary|2026-11-20T01:31:00Z\n4|failed-permanent|\n")
        // After the wait the temporary one goes through; the permanent one is never tried again.
        try FileManager.default.removeItem(atPath: server.directory + "/next-reply")
        desk.now = "2026-11-20T10:31:00+09:00"
        #expect(try desk.run(["notify", "--exec", command]).stdout == "#3 → boss: delivered\nnotify: 1 delivered, 0 failed\n")
        #expect(server.nextLine() == "mail 3")
        #expect(try ReceivedMail(server, number: 3).to == "部長 <boss@example.jp>")
        #expect(try desk.sql("SELECT id, state FROM notifications ORDER BY id") == "1|delivered\n2|delivered\n3|delivered\n4|failed-permanent\n")
    }

    // MARK: - Chat and webhooks

    /// Each chat gateway against the checking HTTP server, which answers 200, 429, 500 and 400 in turn: 0, 75, 75, 69.
    @Test func eachChatGatewayPostsItsServicesFormatAndMapsTheAnswer() throws {
        let secret = "s3cret-hmac-key"
        let environment = ["CHATWORK_API_TOKEN": "cw-token", "LINEWORKS_ACCESS_TOKEN": "lw-token", "MESSAGEDESK_WEBHOOK_SECRET": secret]
        for service in ["slack", "teams", "chatwork", "lineworks", "webhook"] {
            let desk = try DeskSandbox()
            let server = try LocalServer("http-server.py", directory: desk.directory + "/http",
                                         arguments: ["--answers", "200,429,500,400", "--secret", secret])
            defer { server.stop() }
            let base = "http://127.0.0.1:\(server.port)"
            let channel: [String: String], command: [String]
            switch service {
            case "chatwork": (channel, command) = (["kind": service, "address": "123456"], [Self.gateway(service), "--api-base", base])
            case "lineworks": (channel, command) = (["kind": service, "address": "2000001/tanaka@example"], [Self.gateway(service), "--api-base", base])
            default: (channel, command) = (["kind": service, "address": "\(base)/\(service)/T000/B000/XXXX"], [Self.gateway(service)])
            }
            let input = Self.notification(channel: channel)
            var statuses: [Int32] = [], reasons: [String] = []
            for _ in 0..<4 {
                let result = try Self.run(command, input: input, environment: environment)
                statuses.append(result.status)
                reasons.append(result.stderr)
                _ = server.nextLine()
            }
            #expect(statuses == [0, 75, 75, 69], "\(service)")
            #expect(reasons == ["", "\(service): 127.0.0.1:\(server.port) answered HTTP 429: ok; tried again later\n",
                                "\(service): 127.0.0.1:\(server.port) answered HTTP 500: ok; tried again later\n",
                                "\(service): 127.0.0.1:\(server.port) answered HTTP 400: ok; not tried again\n"], "\(service)")
            let request = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: server.directory + "/request-1.json")))
                as? [String: Any] ?? [:]
            #expect(request["problem"] is NSNull, "\(service): \(request["problem"] ?? "")")
            let body = request["body"] as? String ?? ""
            #expect(body.contains("K7QX-2M9P"), "\(service) carries the reply code")
        }
    }

    @Test func aWebhookWithTheWrongSecretIsRefusedByTheReceiver() throws {
        let desk = try DeskSandbox()
        let server = try LocalServer("http-server.py", directory: desk.directory + "/http", arguments: ["--secret", "right"])
        defer { server.stop() }
        let input = Self.notification(channel: ["kind": "webhook", "address": "http://127.0.0.1:\(server.port)/webhook/in"])
        #expect(try Self.run([Self.gateway("webhook")], input: input, environment: ["MESSAGEDESK_WEBHOOK_SECRET": "wrong"])
                == DeskResult(status: 69, stdout: "", stderr: "webhook: 127.0.0.1:\(server.port) answered HTTP 400: bad signature; not tried again\n"))
        #expect(try Self.run([Self.gateway("webhook")], input: input, environment: ["MESSAGEDESK_WEBHOOK_SECRET": "right"]).status == 0)
        #expect(server.nextLine() == "request 1 400")
        #expect(server.nextLine() == "request 2 200")
    }

    /// Through `desk notify`: the chat server answers 200, 429, 500, 400 in turn, and the outbox keeps count.
    @Test func deskNotifyThroughASlackWebhookRetriesWhatMayGoThroughLater() throws {
        var desk = try GatewayTests().officeWithTwoNotifications()
        let server = try LocalServer("http-server.py", directory: desk.directory + "/http", arguments: ["--answers", "200,429,500,400"])
        defer { server.stop() }
        let command = "'\(Self.gateway("slack"))' --url http://127.0.0.1:\(server.port)/slack/T000/B000/XXXX"
        #expect(try desk.run(["notify", "--exec", command]).stdout.hasPrefix("#1 → tanaka: delivered\n#2 → suzuki: failed (the gateway exited 75: slack: "))
        desk.now = "2026-11-20T10:26:00+09:00"
        #expect(try desk.run(["notify", "--exec", command]).stdout.hasPrefix("#2 → suzuki: failed (the gateway exited 75: slack: 127.0.0.1:\(server.port) answered HTTP 500"))
        desk.now = "2026-11-20T10:28:00+09:00"
        #expect(try desk.run(["notify", "--exec", command]).stdout.hasPrefix("#2 → suzuki: failed for good (the gateway exited 69: slack: 127.0.0.1:\(server.port) answered HTTP 400"))
        #expect(try desk.sql("SELECT id, state, attempts FROM notifications ORDER BY id") == "1|delivered|1\n2|failed-permanent|3\n")
        let first = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: server.directory + "/request-1.json")))
            as? [String: Any] ?? [:]
        let code = try desk.sql("SELECT reply_code FROM notifications WHERE id = 1").trimmingCharacters(in: .newlines)
        #expect(code.count == 8)
        #expect(first["body"] as? String == #"{"text": "URGENT 山田太郎 (ＡＢＣ商事, 03-1234-5678): 至急\nDue 2026-11-20 10:45. Details: desk show 1\n\n返信コード / reply code: "#
                + code + #"\n対応したら / to answer: desk ack "# + code + #" (了解) または / or desk done "# + code + #" (対応済み)"}"#)
    }
}
