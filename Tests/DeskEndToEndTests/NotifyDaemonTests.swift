import Foundation
import MessageDesk
import Testing

/// `desk notify --daemon`: delivers notifications as they appear, holds the one-notifier lock, and stops on SIGTERM
/// with exit 0, leaving no process behind.
@Suite struct NotifyDaemonTests {
    @Test func theDaemonMailsNotificationsAsTheyAppearAndStopsCleanlyOnSIGTERM() throws {
        var desk = try SweepTests().officeWithAnUrgentCallback()
        let server = try LocalServer("smtp-server.py", directory: desk.directory + "/mail")
        defer { server.stop() }
        // Every gateway run holds the fifo open: its end, once the daemon is gone, means no gateway process is left.
        let alive = try Fifo(desk.directory + "/alive", asWriterToo: false)
        let smtp = RealGatewayTests.gateway("smtp")
        let command = "exec 3> '\(alive.path)'; '\(smtp)' --host 127.0.0.1 --port \(server.port) --from desk@example.jp --to '{handle}@example.jp'"
        let (daemon, output) = try desk.start(["notify", "--daemon", "--interval", "1", "--exec", command])
        defer {
            if daemon.isRunning { daemon.terminate() }
            daemon.waitUntilExit()
        }
        // Notifications appear while it runs: a sweep writes two, and both arrive.
        desk.now = "2026-11-20T10:25:00+09:00"
        try desk.ok(["sweep"])
        #expect(server.nextLine() == "mail 1")
        #expect(server.nextLine() == "mail 2")
        // It holds the one-notifier lock all along.
        #expect(try desk.run(["notify", "--exec", "cat > /dev/null"]).stderr
                == "desk: error: another `desk notify` is running; try again when it has finished\n")
        // One more, later.
        desk.now = "2026-11-20T10:30:00+09:00"
        try desk.ok(["escalate", "1", "--to", "boss", "--reason", "大口"])
        #expect(server.nextLine() == "mail 3")
        #expect(try ReceivedMail(server, number: 3).to == "部長 <boss@example.jp>")

        daemon.terminate()  // SIGTERM
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit)
        #expect(daemon.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                == "#1 → tanaka: delivered\n#2 → suzuki: delivered\n#3 → boss: delivered\n")
        #expect(alive.readToEnd() == "", "a gateway process outlived the daemon")
        #expect(try desk.sql("SELECT id, state FROM notifications ORDER BY id") == "1|delivered\n2|delivered\n3|delivered\n")
        // The lock went with it.
        #expect(try desk.run(["notify", "--exec", "cat > /dev/null"]).stdout == "notify: 0 delivered, 0 failed\n")
    }

    @Test func theDaemonStopsOnSIGTERMWhileWaitingAndTakesNoJSON() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let daemon = try desk.start(["notify", "--daemon", "--interval", "3600", "--exec", "cat > /dev/null"]).process
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        // Once it holds the lock it is in its wait: a second notifier is refused.
        var refused = ""
        while refused.isEmpty && daemon.isRunning {
            refused = try desk.run(["notify", "--exec", "cat > /dev/null"]).stderr
        }
        #expect(refused == "desk: error: another `desk notify` is running; try again when it has finished\n")
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
        #expect(try desk.run(["notify", "--daemon", "--json", "--exec", "true"]) == DeskResult(status: 64, stdout: "",
            stderr: "desk: error: --daemon prints a line per notification; it has no --json (see `desk notify --help`)\n"))
    }
}
