import Foundation
import Testing
@testable import MessageDesk

/// A change is never stamped before the state it changes: a clock that is behind is clamped to that state's
/// latest time, and the store reports it for the command to warn.
@Suite struct ClockClampTests {
    let opened = at("2026-11-24T10:00:00+09:00")

    @Test func aChangeFromABehindClockIsStampedAtTheLatestChangeAndReported() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(), actor: "sato", at: opened).callback.id
        #expect(desk.clockClamp == nil)
        let behind = opened.addingTimeInterval(-3600)
        let acknowledged = try desk.acknowledge(id, actor: "tanaka", at: behind)
        #expect(acknowledged.acknowledgedAt == opened)
        #expect(desk.clockClamp == ClockClamp(clock: behind, stampedAt: opened, latest: "the latest change of callback #\(id)"))
        #expect(desk.clockClamp?.behind == 3600)
        // The next change on a right clock is stamped as it is, and the report is of that change alone.
        try desk.recordAttempt(id, note: nil, actor: "tanaka", at: opened.addingTimeInterval(60))
        #expect(desk.clockClamp == nil)
        #expect(try desk.history(ofCallback: id).map { Timestamp.format($0.at) } == [
            "2026-11-24T01:00:00Z", "2026-11-24T01:00:00Z", "2026-11-24T01:00:00Z", "2026-11-24T01:01:00Z",
        ])
    }

    @Test func settingsAndPresenceAreNotStampedBeforeTheirLatestChange() throws {
        let desk = try makeDesk()
        try desk.set(.priorityUrgent, to: "9", actor: "boss", at: opened)
        try desk.set(.priorityUrgent, to: "10", actor: "boss", at: opened.addingTimeInterval(-60))
        #expect(desk.clockClamp?.latest == "the latest settings change")
        #expect(try count(desk, "events", where: "subject = 'setting' AND at = '2026-11-24T01:00:00Z'") == 2)

        try desk.setPresence("tanaka", status: .meeting, until: opened.addingTimeInterval(7200), actor: "tanaka", at: opened)
        // Back "at 09:00" from a clock an hour behind: back at 10:00, when the meeting began.
        let back = try desk.setPresence("tanaka", status: .inOffice, actor: "tanaka", at: opened.addingTimeInterval(-3600))
        #expect(back.since == opened && desk.clockClamp?.latest == "tanaka's latest presence change")
        // An absence that would end before the latest presence change is refused, saying why.
        #expect(throws: DeskError(.badInput,
            "--until 09:30 is before tanaka's latest presence change at 10:00 (this terminal's clock is behind); give a later time")) {
            try desk.setPresence("tanaka", status: .out, until: opened.addingTimeInterval(-1800), actor: "tanaka",
                                 at: opened.addingTimeInterval(-3600))
        }
    }
}
