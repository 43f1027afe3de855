import Foundation
import MessageDesk
import Testing

/// `desk notify` against gateways that misbehave: that do not read, that hang with children, that
/// print too much or print escapes. Each gateway is a real `/bin/sh` script.
@Suite struct GatewayTests {
    /// An urgent callback taken at 10:15 and swept at 10:25: the message's notification to tanaka (#1, the urgent
    /// ladder's first step) and an escalation to suzuki (#2).
    func officeWithTwoNotifications() throws -> DeskSandbox {
        var desk = try SweepTests().officeWithAnUrgentCallback()
        desk.now = "2026-11-20T10:25:00+09:00"
        try desk.ok(["sweep"])
        return desk
    }

    /// What desk says when both notifications failed and wait for a retry.
    static let twoRetried = "desk: error: 2 notifications not delivered: 2 to be tried again by a later `desk notify`, "
        + "0 failed for good (see `desk notifications --failed`)\n"

    @Test func aGatewayThatExitsWithoutReadingIsAFailedDeliveryAndTheNextIsTried() throws {
        var desk = try officeWithTwoNotifications()
        // Exit 0 without reading: whether desk wrote before or after the gateway went, nothing was delivered.
        #expect(try desk.run(["notify", "--exec", "exit 0"]) == DeskResult(status: 75, stdout: """
            #1 → tanaka: failed (the gateway exited without reading the notification); tried again from 10:26
            #2 → suzuki: failed (the gateway exited without reading the notification); tried again from 10:26
            notify: 0 delivered, 2 failed

            """, stderr: Self.twoRetried))
        #expect(try desk.sql("SELECT id, attempts, last_error, delivered_at IS NULL FROM notifications ORDER BY id") == """
            1|1|the gateway exited without reading the notification|1
            2|1|the gateway exited without reading the notification|1

            """)
        // One that reads five bytes and leaves: `dd` reads exactly what it is asked for from a pipe.
        desk.now = "2026-11-20T10:26:00+09:00"  // the first retry's wait is over
        let partial = try desk.run(["notify", "--exec", "dd bs=5 count=1 of=/dev/null 2>/dev/null"])
        #expect(partial.status == 75)
        #expect(partial.stdout.hasPrefix("#1 → tanaka: failed (the gateway exited before reading the whole notification); tried again from 10:28\n"))
        #expect(try desk.sql("SELECT kind, reason FROM events WHERE kind = 'notification.failed' ORDER BY id") == """
            notification.failed|the gateway exited without reading the notification
            notification.failed|the gateway exited without reading the notification
            notification.failed|the gateway exited before reading the whole notification
            notification.failed|the gateway exited before reading the whole notification

            """)
    }

    /// Issue 16's reproducer: the gateway's grandchildren ignore SIGTERM, two levels down; at the timeout the whole
    /// tree goes (SIGKILL after the grace), the notification stays undelivered, and nothing survives to send later.
    @Test func theTimeoutKillsTheGatewaysWholeProcessGroup() throws {
        let desk = try officeWithTwoNotifications()
        // The test only reads: the fifo ends once every process holding it for writing has gone.
        let alive = try Fifo(desk.directory + "/alive", asWriterToo: false)
        let log = desk.directory + "/log"
        let gateway = """
            cat > /dev/null
            exec 3> '\(alive.path)'
            echo "$$ $(cut -d' ' -f5 /proc/$$/stat)" >&3
            ( trap '' TERM; ( trap '' TERM; sleep 20; echo survived >> '\(log)' ) & wait ) &
            wait
            """
        let result = try desk.run(["notify", "--timeout", "1", "--exec", gateway])
        #expect(result == DeskResult(status: 75, stdout: """
            #1 → tanaka: failed (the gateway took longer than 1s); tried again from 10:26
            #2 → suzuki: failed (the gateway took longer than 1s); tried again from 10:26
            notify: 0 delivered, 2 failed

            """, stderr: Self.twoRetried))
        // Each gateway was the leader of its own process group (pid = pgid)…
        let leaders = alive.readToEnd().split(separator: "\n").map { $0.split(separator: " ") }
        #expect(leaders.count == 2)
        for ids in leaders { #expect(ids.count == 2 && ids[0] == ids[1], "\(ids)") }
        // …and the end of the fifo means every holder is gone; the sleeping grandchild never finished.
        #expect(!FileManager.default.fileExists(atPath: log), "a gateway's grandchild outlived the timeout")
        #expect(try desk.sql("SELECT state, attempts, delivered_at IS NULL, last_error FROM notifications ORDER BY id")
                == "failed-temporary|1|1|the gateway took longer than 1s\nfailed-temporary|1|1|the gateway took longer than 1s\n")
    }

    @Test func aGatewaysOutputIsCappedAndSanitised() throws {
        var desk = try officeWithTwoNotifications()
        // An escape sequence on its first line, then a megabyte: far more than a pipe holds, so a
        // desk that stopped draining it would leave the gateway blocked until the timeout.
        let gateway = #"cat > /dev/null; printf 'mail: \033[31mno route\033[0m to host\n'; head -c 1000000 /dev/zero | tr '\000' x; exit 3"#
        let result = try desk.run(["notify", "--exec", gateway])
        let firstLine = "mail: \u{1B}[31mno route\u{1B}[0m to host\n"
        let kept = 4096 - firstLine.utf8.count
        let dropped = 1_000_000 - kept
        let said = """
            desk: gateway #ID: mail: ␛[31mno route␛[0m to host
            desk: gateway #ID: \(String(repeating: "x", count: kept))
            desk: gateway #ID: (\(dropped) more bytes of output not kept)

            """
        #expect(result == DeskResult(status: 75, stdout: """
            #1 → tanaka: failed (the gateway exited 3: mail: ␛[31mno route␛[0m to host); tried again from 10:26
            #2 → suzuki: failed (the gateway exited 3: mail: ␛[31mno route␛[0m to host); tried again from 10:26
            notify: 0 delivered, 2 failed

            """, stderr: said.replacingOccurrences(of: "#ID", with: "#1") + said.replacingOccurrences(of: "#ID", with: "#2")
                + Self.twoRetried))
        #expect(try desk.sql("SELECT last_error FROM notifications ORDER BY id") == """
            the gateway exited 3: mail: ␛[31mno route␛[0m to host
            the gateway exited 3: mail: ␛[31mno route␛[0m to host

            """)
        // A gateway that succeeds and says so is delivered, and what it said is shown.
        desk.now = "2026-11-20T10:26:00+09:00"  // the first retry's wait is over
        let quiet = try desk.run(["notify", "--exec", "cat > /dev/null; echo queued"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "desk: gateway #1: queued\ndesk: gateway #2: queued\n")
    }

    @Test func aGatewayInheritsNoDescriptorOfDesksBeyondItsThreePipes() throws {
        let desk = try officeWithTwoNotifications()
        // Desk started (as cron would) with a descriptor its parent left open: a gateway's background
        // child holding it would keep the parent waiting.
        let result = try desk.runShell("exec 7>/dev/null; exec \"$0\" \"$@\"", arguments: [
            "notify", "--exec", "cat > /dev/null; for fd in 3 4 5 6 7 8 9; do [ -e /proc/$$/fd/$fd ] && echo \"fd $fd open\"; done; true"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
    }

    @Test func eachNotificationCarriesAnIdempotencyKeyThatRetriesKeep() throws {
        var desk = try officeWithTwoNotifications()
        let log = desk.directory + "/sent.jsonl"
        #expect(try desk.run(["notify", "--exec", "cat >> '\(log)'; exit 3"]).status == 75)
        desk.now = "2026-11-20T10:26:00+09:00"  // the first retry's wait is over
        try desk.ok(["notify", "--exec", "cat >> '\(log)'"])
        let keys = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { line in
            try JSONValue.parse(String(line))["idempotency_key"]
        }
        // The failed attempts and the retries that delivered carry the same key; each notification its own.
        #expect(keys == ["notification-1-20261120T011500Z", "notification-2-20261120T012500Z",
                         "notification-1-20261120T011500Z", "notification-2-20261120T012500Z"])
        guard case .array(let listed) = try JSONValue.parse(try desk.run(["notifications", "--json"]).stdout) else {
            Issue.record("desk notifications --json is not an array")
            return
        }
        #expect(listed.map { $0["idempotency_key"] } == ["notification-1-20261120T011500Z", "notification-2-20261120T012500Z"])
    }
}
