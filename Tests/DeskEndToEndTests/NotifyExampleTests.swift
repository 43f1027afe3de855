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

    @Test func theHelpsMailExampleSendsEachTextToItsHandlesAddress() throws {
        var desk = try GatewayTests().officeWithTwoNotifications()
        let gateway = try #require(try helpExample(desk), "no example in desk notify --help")
        // A `mail` that records its arguments and the body it was given, one block per message.
        let bin = desk.directory + "/bin", sent = desk.directory + "/sent"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try Data("#!/bin/sh\nprintf 'mail %s\\n' \"$*\" >> '\(sent)'\ncat >> '\(sent)'\n".utf8)
            .write(to: URL(fileURLWithPath: bin + "/mail"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/mail")
        desk.extraEnvironment["PATH"] = bin + ":/usr/bin:/bin"
        let result = try desk.run(["notify", "--exec", gateway])
        #expect(result == DeskResult(status: 0, stdout: """
            #1 → tanaka: delivered
            #2 → suzuki: delivered
            notify: 2 delivered, 0 failed

            """, stderr: ""))
        let mailed = try String(contentsOfFile: sent, encoding: .utf8)
        #expect(mailed == """
            mail -s MessageDesk tanaka@example.jp
            URGENT 山田太郎 (ＡＢＣ商事, 03-1234-5678): 至急
            Due 2026-11-20 10:45. Details: desk show 1
            mail -s MessageDesk suzuki@example.jp
            [MessageDesk] URGENT #1 callback owed by tanaka (田中一郎): call 山田太郎, ＡＢＣ商事 at 03-1234-5678, \
            due 2026-11-20 10:45. Why: urgent and unacknowledged for 10m (step 2 of 3, round 1 of 3); \
            suzuki is tanaka's substitute. Details: desk show 1

            """)
        // The README shows the same gateway.
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        #expect(try String(contentsOf: readme, encoding: .utf8).contains("desk notify --exec '\(gateway)'"))
    }
}
