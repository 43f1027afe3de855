import Foundation
import Testing

/// The mail gateway that `desk notify --help` and the README show works as written: each notification's
/// text reaches its handle's address.
@Suite struct NotifyExampleTests {
    /// The gateway in the help's "Example: desk notify --exec '…' —", its wrapped lines joined again.
    func helpExample(_ desk: DeskSandbox) throws -> String? {
        let help = try desk.ok(["notify", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        guard let start = help.range(of: "Example: desk notify --exec '"),
              let end = help.range(of: "' — ", range: start.upperBound..<help.endIndex) else { return nil }
        return String(help[start.upperBound..<end.lowerBound])
    }

    /// The help points at the shipped mail gateway, as the README does, and the example works as written against a
    /// real SMTP server on 127.0.0.1: each recipient gets a mail with the notification's text and its reply code.
    @Test func theHelpsMailExampleMailsEachNotificationWithItsReplyCode() throws {
        var desk = try GatewayTests().officeWithTwoNotifications()
        let example = try #require(try helpExample(desk), "no example in desk notify --help")
        #expect(example == #"Scripts/gateways/smtp --host mail.example.jp --from desk@example.jp --to "{handle}@example.jp""#)
        #expect(try ReadmeNotifyExampleTests.examples().contains(example), "the README shows the help's example")
        let mail = try LocalServer("smtp-server.py", directory: desk.directory + "/mail")
        defer { mail.stop() }
        desk.workingDirectory = repositoryRoot.path
        desk.extraEnvironment = ["SMTP_PORT": String(mail.port)]
        let command = example.replacingOccurrences(of: "--host mail.example.jp", with: "--host 127.0.0.1")
        #expect(try desk.run(["notify", "--exec", command]) == DeskResult(status: 0, stdout: """
            #1 → tanaka: delivered
            #2 → suzuki: delivered
            notify: 2 delivered, 0 failed

            """, stderr: ""))
        #expect([mail.nextLine(), mail.nextLine()] == ["mail 1", "mail 2"])
        let codes = try desk.sql("SELECT reply_code FROM notifications ORDER BY id").split(separator: "\n").map(String.init)
        #expect(codes.count == 2)
        for (number, handle) in [(1, "tanaka"), (2, "suzuki")] {
            let received = try ReceivedMail(mail, number: number)
            #expect(received.envelopeTo == ["\(handle)@example.jp"])
            #expect(received.body.contains(codes[number - 1]), "mail \(number) carries its reply code")
        }
    }
}

/// Every `desk notify --exec` example in the README's notification section runs, as written, against real servers
/// on 127.0.0.1: only the host, the port, the webhook URL and the install paths are pointed at the test's.
@Suite struct ReadmeNotifyExampleTests {
    /// The gateway commands of the section "Notifications: an outbox, not a pretend sender".
    static func examples() throws -> [String] {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "### Notifications: an outbox, not a pretend sender"),
              let end = readme.range(of: "\n### ", range: start.upperBound..<readme.endIndex) else { return [] }
        let section = String(readme[start.upperBound..<end.lowerBound])
        let pattern = try NSRegularExpression(pattern: #"desk notify (?:--daemon --interval \d+ )?--exec (?:'([^']*)'|(Scripts/gateways/[a-z]+))"#)
        return pattern.matches(in: section, range: NSRange(section.startIndex..., in: section)).compactMap { match in
            let group = match.range(at: 1).location != NSNotFound ? 1 : 2
            return Range(match.range(at: group), in: section).map { String(section[$0]) }
        }.filter { $0 != "COMMAND" }  // the prose's placeholder
    }

    @Test func everyNotifyExampleInTheREADMEDeliversBothNotifications() throws {
        let examples = try Self.examples()
        #expect(examples.count == 6, "\(examples)")
        for example in examples {
            var desk = try GatewayTests().officeWithTwoNotifications()
            let mail = try LocalServer("smtp-server.py", directory: desk.directory + "/mail")
            let http = try LocalServer("http-server.py", directory: desk.directory + "/http")
            defer { mail.stop(); http.stop() }
            let log = desk.directory + "/notifications.jsonl"
            let command = example.replacingOccurrences(of: "/var/log/messagedesk-notifications.jsonl", with: log)
                .replacingOccurrences(of: "/opt/messagedesk/", with: repositoryRoot.path + "/")
                .replacingOccurrences(of: "--host mail.example.jp", with: "--host 127.0.0.1")
            desk.workingDirectory = repositoryRoot.path
            desk.extraEnvironment = ["SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(mail.port),
                                     "SLACK_WEBHOOK_URL": "http://127.0.0.1:\(http.port)/slack/T000/B000/XXXX"]
            let result = try desk.run(["notify", "--exec", command])
            #expect(result == DeskResult(status: 0, stdout: "#1 → tanaka: delivered\n#2 → suzuki: delivered\nnotify: 2 delivered, 0 failed\n",
                                         stderr: ""), "\(example)")
            if example.contains("gateways/smtp") {
                #expect([mail.nextLine(), mail.nextLine()] == ["mail 1", "mail 2"], "\(example)")
                #expect(try ReceivedMail(mail, number: 2).to == "鈴木花子 <suzuki@example.jp>")
            } else if example.contains("gateways/slack") {
                #expect([http.nextLine(), http.nextLine()] == ["request 1 200", "request 2 200"], "\(example)")
            } else {
                #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count == 2, "\(example)")
            }
        }
    }
}
