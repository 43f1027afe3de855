import Foundation
import MessageDesk
import Testing

/// A notification's way through the outbox (migration 0015): pending → sending → delivered, or failed-temporary
/// (tried again after a backoff) or failed-permanent (kept, listed by --failed, counted by the report), each
/// change an event; a gateway's exit 69 is permanent, 75 and anything else temporary.
@Suite struct DeliveryStateTests {
    /// The desk of `GatewayTests`: #1 to tanaka and #2 to suzuki, created at 10:25 (01:25Z).
    func desk() throws -> DeskSandbox { try GatewayTests().officeWithTwoNotifications() }

    /// A gateway that fails #1 with `first` and #2 with `second` (after reading the notification).
    func gateway(first: Int, second: Int) -> String {
        #"n=$(cat); case "$n" in *'"id":1,'*) exit "# + "\(first);; *) exit \(second);; esac"
    }

    @Test func aDeliveryGoesPendingSendingDeliveredEachChangeAnEvent() throws {
        let desk = try desk()
        #expect(try desk.sql("SELECT id, state, next_attempt_at IS NULL FROM notifications ORDER BY id") == "1|pending|1\n2|pending|1\n")
        try desk.ok(["notify", "--exec", "cat > /dev/null"])
        #expect(try desk.sql("SELECT id, state, attempts, delivered_at FROM notifications ORDER BY id") == """
            1|delivered|1|2026-11-20T01:25:00Z
            2|delivered|1|2026-11-20T01:25:00Z

            """)
        #expect(try desk.sql("SELECT subject_id, kind, before, after FROM events WHERE kind LIKE 'notification.%' ORDER BY id") == """
            1|notification.sending|{"delivery":"pending"}|{"notification_id":1,"to":"tanaka","delivery":"sending"}
            1|notification.delivered|{"delivery":"sending"}|{"notification_id":1,"to":"tanaka","delivery":"delivered"}
            1|notification.sending|{"delivery":"pending"}|{"notification_id":2,"to":"suzuki","delivery":"sending"}
            1|notification.delivered|{"delivery":"sending"}|{"notification_id":2,"to":"suzuki","delivery":"delivered"}

            """)
        // Nothing is left to send: a second run hands nothing to the gateway.
        #expect(try desk.run(["notify", "--exec", "exit 3"]) == DeskResult(status: 0, stdout: "notify: 0 delivered, 0 failed\n", stderr: ""))
    }

    @Test func exit75IsRetriedAfterABackoffAndExit69FailsForGood() throws {
        var desk = try desk()
        #expect(try desk.run(["notify", "--exec", gateway(first: 75, second: 69)]) == DeskResult(status: 75, stdout: """
            #1 → tanaka: failed (the gateway exited 75); tried again from 10:26
            #2 → suzuki: failed for good (the gateway exited 69); kept, see `desk notifications --failed`
            notify: 0 delivered, 2 failed

            """, stderr: "desk: error: 2 notifications not delivered: 1 to be tried again by a later `desk notify`, "
                + "1 failed for good (see `desk notifications --failed`)\n"))
        #expect(try desk.sql("SELECT id, state, attempts, next_attempt_at, last_error FROM notifications ORDER BY id") == """
            1|failed-temporary|1|2026-11-20T01:26:00Z|the gateway exited 75
            2|failed-permanent|1||the gateway exited 69

            """)
        #expect(try desk.sql("SELECT kind, before, after, reason FROM events WHERE kind = 'notification.failed' ORDER BY id") == """
            notification.failed|{"delivery":"sending"}|{"notification_id":1,"to":"tanaka","delivery":"failed-temporary","next_attempt_at":"2026-11-20T01:26:00Z"}|the gateway exited 75
            notification.failed|{"delivery":"sending"}|{"notification_id":2,"to":"suzuki","delivery":"failed-permanent","next_attempt_at":null}|the gateway exited 69

            """)
        // Before its wait is over nothing is due; the permanent failure is never tried again.
        #expect(try desk.run(["notify", "--exec", "cat > /dev/null"]).stdout == "notify: 0 delivered, 0 failed\n")
        #expect(try desk.run(["notifications", "--failed"]).stdout == """
            ID  AT     TO      CALLBACK  KIND        STATE                      WHY
            2   10:25  suzuki  #1        escalation  failed for good (1 tried)  urgent and unacknowledged for 10m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute

            """)
        let pendingCSV = try desk.run(["notifications", "--pending", "--csv"]).stdout
        #expect(pendingCSV
                == "id,created_at,to,callback_id,kind,reason,attempts,delivered_at,state,next_attempt_at,channel,address\r\n"
                + "1,2026-11-20T10:15:00+09:00,tanaka,1,message,\"a message was taken; urgent: step 1 of 3, round 1 of 3\","
                + "1,,failed-temporary,2026-11-20T10:26:00+09:00,none,\r\n")
        // The waits double: 1 min after the first failure, 2 after the second, 4 after the third…
        var expected: [String] = []
        for (now, next) in [("10:26", "10:28"), ("10:28", "10:32"), ("10:32", "10:40")] {
            desk.now = "2026-11-20T\(now):00+09:00"
            #expect(try desk.run(["notify", "--exec", gateway(first: 75, second: 0)]).stdout
                    == "#1 → tanaka: failed (the gateway exited 75); tried again from \(next)\nnotify: 0 delivered, 1 failed\n")
            expected.append("2026-11-20T01:\(next.suffix(2)):00Z")
        }
        #expect(try desk.sql("SELECT after FROM events WHERE kind = 'notification.failed' AND subject_id = 1 ORDER BY id").split(separator: "\n")
            .dropFirst(2).map { String($0).components(separatedBy: "\"next_attempt_at\":\"")[1].prefix(20) } == expected.map { $0[...] })
        desk.now = "2026-11-20T10:40:00+09:00"
        #expect(try desk.run(["notify", "--exec", gateway(first: 0, second: 0)]).stdout == "#1 → tanaka: delivered\nnotify: 1 delivered, 0 failed\n")
        #expect(try desk.sql("SELECT id, state, attempts, next_attempt_at IS NULL FROM notifications ORDER BY id")
                == "1|delivered|5|1\n2|failed-permanent|1|1\n")
    }

    @Test func theBackoffDoublesFromAMinuteToAnHourAtMost() {
        #expect((1...9).map { DeliveryBackoff.delay(afterFailures: $0) / 60 } == [1, 2, 4, 8, 16, 32, 60, 60, 60])
    }

    @Test func aTimeoutOrASignalIsATemporaryFailure() throws {
        let desk = try desk()
        let result = try desk.run(["notify", "--timeout", "1", "--exec", #"n=$(cat); case "$n" in *'"id":1,'*) exec sleep 30;; *) kill -9 $$;; esac"#])
        #expect(result.stdout == """
            #1 → tanaka: failed (the gateway took longer than 1s); tried again from 10:26
            #2 → suzuki: failed (the gateway was killed by signal 9); tried again from 10:26
            notify: 0 delivered, 2 failed

            """)
        #expect(try desk.sql("SELECT state FROM notifications ORDER BY id") == "failed-temporary\nfailed-temporary\n")
    }

    /// A notifier killed while its gateway runs leaves the notification sending; the next one (holding the lock,
    /// so the first is surely gone) sends it again.
    @Test func aNotificationLeftSendingByAKilledNotifierIsSentByTheNext() throws {
        let desk = try desk()
        let ready = try Fifo(desk.directory + "/ready", asWriterToo: true)
        let notifier = try desk.start(["notify", "--exec", "cat > /dev/null; echo $$ > '\(ready.path)'; exec sleep 60"]).process
        let gatewayPID = ready.readLine().flatMap { Int32($0) }
        kill(notifier.processIdentifier, SIGKILL)
        notifier.waitUntilExit()
        if let gatewayPID { kill(-gatewayPID, SIGKILL) }
        #expect(gatewayPID != nil)
        #expect(try desk.sql("SELECT id, state FROM notifications ORDER BY id") == "1|sending\n2|pending\n")
        #expect(try desk.run(["notifications", "--pending"]).stdout.contains("sending"))
        #expect(try desk.run(["notify", "--exec", "cat > /dev/null"]).stdout
                == "#1 → tanaka: delivered\n#2 → suzuki: delivered\nnotify: 2 delivered, 0 failed\n")
        #expect(try desk.sql("SELECT before FROM events WHERE kind = 'notification.sending' ORDER BY id") == """
            {"delivery":"pending"}
            {"delivery":"sending"}
            {"delivery":"pending"}

            """)
    }

    /// Exit 69 only when nothing that failed can go through later: cron and monitoring can tell a refusing far end
    /// (fix the address) from a passing outage (wait). Delivered ones do not change that.
    @Test func notifyExits69WhenEveryFailureIsForGoodAnd75WhenAnyMayGoThroughLater() throws {
        let desk = try desk()
        #expect(try desk.run(["notify", "--exec", gateway(first: 69, second: 0)]) == DeskResult(status: 69, stdout: """
            #1 → tanaka: failed for good (the gateway exited 69); kept, see `desk notifications --failed`
            #2 → suzuki: delivered
            notify: 1 delivered, 1 failed

            """, stderr: "desk: error: 1 notification not delivered: 0 to be tried again by a later `desk notify`, 1 failed for good "
                + "(see `desk notifications --failed`)\n"))
        let mixed = try self.desk()
        #expect(try mixed.run(["notify", "--exec", gateway(first: 69, second: 75)]).status == 75)
    }

    @Test func theReportCountsNotificationsThatFailedForGood() throws {
        let desk = try desk()
        _ = try desk.run(["notify", "--exec", gateway(first: 69, second: 75)])
        let report = try desk.ok(["report"]).stdout
        #expect(report.hasSuffix("\nnotifications failed for good: 1 (desk notifications --failed)\n"), "\(report)")
        let json = try JSONValue.parse(try desk.ok(["report", "--json"]).stdout)
        #expect(json["notifications_failed"] == 1)
    }

    /// A desk from before delivery states: what was delivered is delivered, everything else pending and due at once,
    /// whatever it failed before.
    @Test func existingNotificationsBecomeDeliveredOrPending() throws {
        let desk = try AccountMigrationTests().releasedDesk()
        _ = try desk.sql("""
            UPDATE notifications SET attempts = 1, delivered_at = '2026-11-20T01:21:00Z' WHERE id = 1;
            UPDATE notifications SET attempts = 2, last_error = 'the gateway exited 75' WHERE id = 2;
            """)
        try desk.ok(["init"])
        #expect(try desk.sql("SELECT id, state, attempts, next_attempt_at IS NULL FROM notifications WHERE id <= 3 ORDER BY id") == """
            1|delivered|1|1
            2|pending|2|1
            3|pending|0|1

            """)
        // The state and the delivery time cannot disagree: the update is refused, the row stays as it was.
        _ = try desk.sql("UPDATE notifications SET state = 'delivered' WHERE id = 2")
        #expect(try desk.sql("SELECT state FROM notifications WHERE id = 2") == "pending\n")
    }
}
