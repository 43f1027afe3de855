import Foundation
import Testing
@testable import MessageDesk

/// A change to a callback is worked out on the callback's value and only the changed columns are written:
/// what the call returns, what the database then holds and what the event says must agree.
@Suite struct CallbackChangeTests {
    // Half a second past the minute: stored instants keep whole seconds, and the returned callback must too.
    let now = at("2026-11-20T10:15:00+09:00").addingTimeInterval(0.5)

    /// The change's result equals a fresh read, and its event names exactly the fields that differ.
    private func expectAgreement(_ desk: DeskStore, _ before: CallbackRequest, _ after: CallbackRequest,
                                 kind: String, fields: [CallbackField], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try desk.callback(id: after.id) == after, sourceLocation: sourceLocation)
        let event = try #require(try desk.history(ofCallback: after.id).last, sourceLocation: sourceLocation)
        #expect(event.kind == kind, sourceLocation: sourceLocation)
        guard case .object(let recordedBefore)? = event.before, case .object(let recordedAfter)? = event.after else {
            Issue.record("\(kind): the event has no before/after objects", sourceLocation: sourceLocation)
            return
        }
        #expect(recordedBefore.map(\.0) == fields.map(\.rawValue), sourceLocation: sourceLocation)
        #expect(recordedAfter.map(\.0) == fields.map(\.rawValue), sourceLocation: sourceLocation)
        #expect(DeskStore.json(before, fields: fields) == event.before, sourceLocation: sourceLocation)
        #expect(DeskStore.json(after, fields: fields) == event.after, sourceLocation: sourceLocation)
    }

    @Test func everyKindOfChangeReturnsWhatTheDatabaseHoldsAndRecordsWhatChanged() throws {
        let desk = try makeDesk()
        let opened = try desk.takeMessage(message(), actor: "sato", at: now).callback

        let acknowledged = try desk.acknowledge(opened.id, actor: "tanaka", at: now)
        #expect(acknowledged.acknowledgedAt == at("2026-11-20T10:15:00+09:00"))
        try expectAgreement(desk, opened, acknowledged, kind: "callback.acknowledged", fields: [.state, .acknowledgedAt])

        let attempted = try desk.recordAttempt(opened.id, note: nil, actor: "tanaka", at: now)
        #expect(attempted.attempts == 1)
        try expectAgreement(desk, acknowledged, attempted, kind: "callback.attempted", fields: [.attempts])

        let moved = try desk.reassign(opened.id, to: "suzuki", reason: "担当変更", actor: "boss", at: now)
        #expect(moved.owner == "suzuki" && moved.ownerName == "鈴木花子")
        try expectAgreement(desk, attempted, moved, kind: "callback.reassigned", fields: [.owner, .state, .acknowledgedAt])

        let escalated = try desk.escalate(opened.id, to: "boss", reason: nil, actor: "sato", at: now)
        #expect(escalated.owner == "boss" && escalated.escalationLevel == 1)
        try expectAgreement(desk, moved, escalated, kind: "callback.escalated", fields: [.owner, .escalationLevel])

        let done = try desk.complete(opened.id, note: "話した", actor: "boss", at: now)
        #expect(done.closedAt == at("2026-11-20T10:15:00+09:00") && done.closingNote == "話した")
        try expectAgreement(desk, escalated, done, kind: "callback.done", fields: [.state, .closedAt, .closingNote])

        let other = try desk.takeMessage(message(phone: "06-1111-2222"), actor: "sato", at: now).callback
        let cancelled = try desk.cancel(other.id, reason: "重複", actor: "sato", at: now)
        try expectAgreement(desk, other, cancelled, kind: "callback.cancelled", fields: [.state, .closedAt, .closingNote])
    }

    @Test func handingARoutedCallbackBackClearsTheRouteInTheReturnedValueAndTheRow() throws {
        let desk = try makeDesk()
        // tanaka is out past the end of the day, so the callback is routed to his substitute.
        try desk.setPresence("tanaka", status: .out, until: at("2026-11-20T19:00:00+09:00"), actor: "boss", at: now)
        let routed = try desk.takeMessage(message(), actor: "sato", at: now).callback
        #expect(routed.owner == "suzuki" && routed.routedFrom == "tanaka")
        let back = try desk.reassignBack(routed.id, reason: nil, actor: "boss", at: now)
        #expect(back.owner == "tanaka" && back.ownerName == "田中一郎" && back.routedFrom == nil)
        try expectAgreement(desk, routed, back, kind: "callback.reassigned", fields: [.owner, .routedFrom])
    }
}
