import Foundation
import MessageDesk
import Testing

/// `desk sweep`, `desk notifications` and `desk notify` through the built binary.
@Suite struct SweepTests {
    func officeWithAnUrgentCallback() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事", "--phone", "0312345678",
                     "--message", "至急", "--urgent"])
        return desk
    }

    @Test func theSweepPrintsWhatItDidAndASecondRunChangesNothing() throws {
        var desk = try officeWithAnUrgentCallback()
        desk.now = "2026-11-20T10:35:00+09:00"
        #expect(try desk.run(["sweep"]) == DeskResult(status: 0, stdout: """
            #1 urgent → suzuki (escalation): urgent and unacknowledged for 20m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute
            #1 urgent → boss (escalation): urgent and unacknowledged for 20m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact
            sweep at 10:35: 2 escalations, 0 reminders

            """, stderr: ""))
        let before = try desk.sql("SELECT count(*) FROM events") + (try desk.sql("SELECT count(*) FROM notifications"))
        #expect(try desk.run(["sweep"]).stdout == "sweep at 10:35: 0 escalations, 0 reminders\n")
        #expect(try desk.sql("SELECT count(*) FROM events") + (try desk.sql("SELECT count(*) FROM notifications")) == before)
        let json = try JSONValue.parse(try desk.run(["sweep", "--json"]).stdout)
        #expect(json["fired"] == .array([]))
        #expect(try desk.sql("SELECT escalation_level FROM callbacks") == "2\n")
        #expect(try desk.sql("SELECT reason FROM events WHERE kind = 'callback.escalated' ORDER BY id") == """
            urgent and unacknowledged for 20m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute
            urgent and unacknowledged for 20m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact

            """)
    }

    @Test func twoSweepsStartedAtOnceEscalateEachStepOnce() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        for number in 1...20 {
            try desk.ok(["log", "--for", "tanaka", "--caller", "客\(number)", "--phone", String(format: "03-5555-%04d", number),
                         "--message", "至急", "--urgent"])
        }
        desk.now = "2026-11-20T10:35:00+09:00"
        let sweeps = (1...2).map { _ in
            let process = Process()
            process.executableURL = deskExecutable
            process.arguments = ["sweep", "--json"]
            process.environment = desk.environment
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for process in sweeps { try process.run() }
        for process in sweeps { process.waitUntilExit() }
        #expect(sweeps.map(\.terminationStatus) == [0, 0])
        #expect(try desk.sql("SELECT count(*), count(DISTINCT callback_id || '/' || cycle || '/' || step) FROM escalations") == "60|60\n")
        // Each callback's first step was its message's notification, written when it was taken: the sweeps fired the other two.
        #expect(try desk.sql("SELECT count(*) FROM notifications") == "60\n")
        #expect(try desk.sql("SELECT count(*) FROM events WHERE kind IN ('callback.escalated', 'callback.reminded')") == "40\n")
    }

    @Test func aFailingGatewayLosesNothingAndNothingIsSentTwice() throws {
        var desk = try officeWithAnUrgentCallback()
        desk.now = "2026-11-20T10:25:00+09:00"
        try desk.ok(["sweep"])  // after the message's notification to tanaka, an escalation to suzuki
        let log = desk.directory + "/sent.jsonl"
        let failing = try desk.run(["notify", "--exec", "cat > /dev/null; exit 3"])
        #expect(failing == DeskResult(status: 75, stdout: """
            #1 → tanaka: failed (the gateway exited 3); tried again from 10:26
            #2 → suzuki: failed (the gateway exited 3); tried again from 10:26
            notify: 0 delivered, 2 failed

            """, stderr: "desk: error: 2 notifications not delivered: 2 to be tried again by a later `desk notify`, "
                + "0 failed for good (see `desk notifications --failed`)\n"))
        #expect(try desk.sql("SELECT attempts, last_error, delivered_at IS NULL FROM notifications ORDER BY id")
                == "1|the gateway exited 3|1\n1|the gateway exited 3|1\n")
        desk.now = "2026-11-20T10:26:00+09:00"  // the first retry's wait is over
        let working = try desk.run(["notify", "--exec", "cat >> '\(log)'"])
        #expect(working.status == 0)
        #expect(working.stdout.hasSuffix("notify: 2 delivered, 0 failed\n"))
        #expect(try desk.run(["notify", "--exec", "cat >> '\(log)'"]).stdout == "notify: 0 delivered, 0 failed\n")
        let sent = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(sent.count == 2)
        let first = try JSONValue.parse(String(sent[0]))
        #expect(first["to"]?["handle"] == "tanaka")
        #expect(first["kind"] == "message")
        #expect(first["text"] == """
            URGENT 山田太郎 (ＡＢＣ商事, 03-1234-5678): 至急
            Due 2026-11-20 10:45. Details: desk show 1
            """)
        #expect(try desk.run(["notifications", "--pending"]).stdout == "no pending notifications\n")
        #expect(try desk.sql("SELECT kind FROM events WHERE kind LIKE 'notification.%' ORDER BY id")
                == "notification.sending\nnotification.failed\nnotification.sending\nnotification.failed\n"
                + "notification.sending\nnotification.delivered\nnotification.sending\nnotification.delivered\n")
    }

    @Test func aHangingGatewayTimesOutAndStaysPending() throws {
        var desk = try officeWithAnUrgentCallback()
        desk.now = "2026-11-20T10:15:00+09:00"
        try desk.ok(["sweep"])
        let result = try desk.run(["notify", "--timeout", "1", "--exec", "exec sleep 30"])
        #expect(result.status == 75)
        #expect(result.stdout.hasPrefix("#1 → tanaka: failed (the gateway took longer than 1s); tried again from 10:16\n"))
        #expect(try desk.sql("SELECT count(*) FROM notifications WHERE delivered_at IS NULL") == "1\n")
    }
}
