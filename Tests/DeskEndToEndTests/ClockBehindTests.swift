import Foundation
import MessageDesk
import Testing

/// A terminal whose clock is behind never writes a change stamped before the state it changes: the change is
/// stamped at that state's time instead, and one warning line says so.
@Suite struct ClockBehindTests {
    func warning(_ behind: String, _ what: String, stamped: String, clock: String) -> String {
        "desk: warning: this terminal's clock is \(behind) behind \(what): the change was stamped \(stamped), not \(clock); set the clock right\n"
    }

    /// The walkthrough's office with callback #1, urgent, opened at 10:00 on Tuesday 2026-11-24.
    func officeWithAnUrgentCallback() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        desk.now = "2026-11-24T10:00:00+09:00"
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "至急", "--urgent"])
        return desk
    }

    @Test func aDoneFromATerminalAnHourBehindIsStampedWhenTheCallbackOpened() throws {
        var desk = try DeskSandbox()
        desk.now = "2026-11-24T10:00:00+09:00"
        try desk.ok(["init"])
        try desk.ok(["staff", "add", "tanaka", "--name", "田中"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"])
        desk.now = "2026-11-24T09:00:00+09:00"
        #expect(try desk.run(["done", "1", "--note", "話した"]) == DeskResult(
            status: 0, stdout: "done: callback #1 — done, owner tanaka, due 18:00\n",
            stderr: warning("1h", "the latest change of callback #1", stamped: "2026-11-24T10:00:00+09:00",
                            clock: "2026-11-24T09:00:00+09:00")))
        #expect(try desk.sql("SELECT opened_at, closed_at FROM callbacks") == "2026-11-24T01:00:00Z|2026-11-24T01:00:00Z\n")
        #expect(try desk.sql("SELECT at, kind FROM events WHERE subject = 'callback' ORDER BY id") == """
            2026-11-24T01:00:00Z|callback.opened
            2026-11-24T01:00:00Z|callback.done

            """)
        // The day's report counts a callback delay of zero, never a negative one.
        desk.now = "2026-11-24T19:00:00+09:00"
        let report = try JSONValue.parse(try desk.run(["report", "--date", "2026-11-24", "--json"]).stdout)
        #expect(report["office"]?["median_minutes_to_callback"] == .number(0))
    }

    @Test func everyChangeOfACallbackFromABehindClockIsClampedAndSaysSo() throws {
        var desk = try officeWithAnUrgentCallback()
        desk.now = "2026-11-24T09:59:30+09:00"
        let clamped = warning("30s", "the latest change of callback #1", stamped: "2026-11-24T10:00:00+09:00",
                              clock: "2026-11-24T09:59:30+09:00")
        for command in [["ack", "1"], ["attempt", "1"], ["reassign", "1", "--to", "suzuki"], ["escalate", "1", "--to", "boss"]] {
            let result = try desk.run(command)
            #expect(result.status == 0 && result.stderr == clamped, "desk \(command.joined(separator: " ")): \(result)")
        }
        // A repeat call joins the callback: it too is stamped after the callback's latest change.
        let joined = try desk.run(["log", "--for", "boss", "--caller", "山田", "--phone", "03-1234-5678", "--message", "再度"])
        #expect(joined.status == 0 && joined.stderr == clamped, "\(joined)")
        desk.now = "2026-11-24T10:00:00+09:00"
        try desk.ok(["away", "tanaka", "--until", "12:00"])
        desk.now = "2026-11-24T09:00:00+09:00"
        #expect(try desk.run(["back", "tanaka"]).stderr == warning(
            "1h", "tanaka's latest presence change", stamped: "2026-11-24T10:00:00+09:00", clock: "2026-11-24T09:00:00+09:00"))
        // A new caller's call and its callback have no earlier history: the clock is taken as it is.
        #expect(try desk.run(["log", "--for", "suzuki", "--caller", "佐々木", "--phone", "06-1111-2222", "--message", "別件"])
            .stderr == "")
        #expect(try desk.run(["cancel", "2", "--reason", "重複"]).stderr == "")
        #expect(try desk.sql("SELECT DISTINCT at FROM events WHERE subject = 'callback' AND subject_id = 1")
                == "2026-11-24T01:00:00Z\n")
        #expect(try desk.sql("SELECT DISTINCT at FROM events WHERE subject = 'callback' AND subject_id = 2")
                == "2026-11-24T00:00:00Z\n")
        #expect(try desk.sql("SELECT at FROM calls ORDER BY id") == "2026-11-24T01:00:00Z\n2026-11-24T01:00:00Z\n2026-11-24T00:00:00Z\n")
        #expect(try desk.sql("SELECT DISTINCT at FROM escalations") == "2026-11-24T01:00:00Z\n")
        #expect(try desk.sql("SELECT since FROM presence ORDER BY id") == "2026-11-24T01:00:00Z\n2026-11-24T01:00:00Z\n")
    }

    @Test func theSweepStampsAnEscalationAfterTheCallbacksLatestChange() throws {
        var desk = try officeWithAnUrgentCallback()
        desk.now = "2026-11-24T10:30:00+09:00"
        try desk.ok(["attempt", "1"])
        desk.now = "2026-11-24T10:25:00+09:00"  // the cron host's clock is five minutes behind
        let swept = try desk.run(["sweep"])
        #expect(swept.stderr == warning("5m", "the latest change of callback #1", stamped: "2026-11-24T10:30:00+09:00",
                                        clock: "2026-11-24T10:25:00+09:00"), "\(swept)")
        #expect(try desk.sql("SELECT at, kind FROM events WHERE subject = 'callback' ORDER BY id") == """
            2026-11-24T01:00:00Z|callback.opened
            2026-11-24T01:30:00Z|callback.attempted
            2026-11-24T01:30:00Z|callback.escalated
            2026-11-24T01:30:00Z|callback.escalated

            """)
    }
}
