import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

@Suite struct CallbackStoreTests {
    let now = at("2026-11-20T10:15:00+09:00")  // a Friday

    @Test func takingAMessageOpensACallbackWithEveryRecordAndEvent() throws {
        let desk = try makeDesk()
        let taken = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(taken.joined == false)
        #expect(taken.callback.owner == "tanaka")
        #expect(taken.callback.state == .open)
        #expect(taken.callback.dueAt == at("2026-11-20T18:00:00+09:00"))
        #expect(taken.callback.caller.phone.e164 == "+81312345678")
        #expect(taken.callback.latestMessage == "見積の件で折り返しください")
        #expect(try count(desk, "callers") == 1)
        #expect(try count(desk, "calls") == 1)
        #expect(try count(desk, "messages") == 1)
        #expect(try count(desk, "callbacks") == 1)
        let kinds = try desk.allEvents().filter { $0.subject != .staff }.map(\.kind)
        #expect(kinds == ["caller.added", "call.taken", "callback.opened"])
    }

    @Test func aRepeatCallFromTheSameNumberInAnotherFormJoinsTheOpenCallback() throws {
        let desk = try makeDesk()
        let first = try desk.takeMessage(message(phone: "03-1234-5678"), actor: "sato", at: now)
        let second = try desk.takeMessage(
            message(phone: "+81 3 1234 5678", body: "まだですか", urgent: true), actor: "sato", at: now.addingTimeInterval(600))
        let third = try desk.takeMessage(message(phone: "0312345678"), actor: "sato", at: now.addingTimeInterval(1200))
        #expect(second.joined && third.joined)
        #expect(second.callback.id == first.callback.id && third.callback.id == first.callback.id)
        #expect(third.callback.repeatCount == 2)
        #expect(third.callback.urgent)
        // Urgent on the repeat call: due 30 minutes after it, earlier than the end of the day.
        #expect(third.callback.dueAt == at("2026-11-20T10:55:00+09:00"))
        #expect(try count(desk, "callbacks") == 1)
        #expect(try count(desk, "messages") == 3)
        let joins = try desk.history(ofCallback: first.callback.id).filter { $0.kind == "callback.joined" }
        #expect(joins.count == 2)
        #expect(joins[0].before?["repeat_count"] == .int(0))
        #expect(joins[0].after?["repeat_count"] == .int(1))
        #expect(joins[0].before?["urgent"] == .bool(false))
        #expect(joins[0].after?["urgent"] == .bool(true))
    }

    @Test func aRepeatCallRaisesThePriorityAtOnce() throws {
        let desk = try makeDesk()
        let first = try desk.takeMessage(message(), actor: "sato", at: now)
        let before = desk.policy.priority.score(first.callback, at: now)
        let second = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(desk.policy.priority.score(second.callback, at: now) == before + 3.0)
    }

    @Test func callsForAnotherOwnerOrAfterTheCallbackClosedOpenANewOne() throws {
        let desk = try makeDesk()
        let first = try desk.takeMessage(message(), actor: "sato", at: now)
        let other = try desk.takeMessage(message(for: "suzuki"), actor: "sato", at: now)
        #expect(!other.joined && other.callback.id != first.callback.id)
        try desk.complete(first.callback.id, note: "話した", actor: "tanaka", at: now.addingTimeInterval(60))
        let again = try desk.takeMessage(message(), actor: "sato", at: now.addingTimeInterval(120))
        #expect(!again.joined)
        #expect(try count(desk, "callbacks") == 3)
    }

    @Test func theStateMachineMovesOpenAcknowledgedDone() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        let acked = try desk.acknowledge(id, actor: "tanaka", at: now.addingTimeInterval(60))
        #expect(acked.state == .acknowledged && acked.acknowledgedAt == now.addingTimeInterval(60))
        let tried = try desk.recordAttempt(id, note: "留守電", actor: "tanaka", at: now.addingTimeInterval(120))
        #expect(tried.attempts == 1 && tried.state == .acknowledged)
        let done = try desk.complete(id, note: "見積送付で合意", actor: "tanaka", at: now.addingTimeInterval(180))
        #expect(done.state == .done && done.closingNote == "見積送付で合意")
        let kinds = try desk.history(ofCallback: id).map(\.kind)
        #expect(kinds == ["call.taken", "callback.opened", "callback.acknowledged", "callback.attempted", "callback.done"])
        let ack = try desk.history(ofCallback: id)[2]
        #expect(ack.before == .object([("state", "open"), ("acknowledged_at", .null)]))
        #expect(ack.actor == "tanaka")
    }

    @Test func closedCallbacksCannotChangeAndWrongMovesAreRefused() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        try desk.acknowledge(id, actor: "tanaka", at: now)
        #expect(throws: DeskError(.badInput, "callback #\(id) is already acknowledged; nothing to acknowledge")) {
            try desk.acknowledge(id, actor: "tanaka", at: now)
        }
        try desk.cancel(id, reason: "重複", actor: "tanaka", at: now)
        #expect(throws: DeskError(.badInput, "callback #\(id) is cancelled; a closed callback cannot change")) {
            try desk.complete(id, note: nil, actor: "tanaka", at: now)
        }
        #expect(throws: DeskError(.badInput, "no callback #999; see `desk callbacks --state all`")) {
            try desk.acknowledge(999, actor: "tanaka", at: now)
        }
        let events = try count(desk, "events")
        #expect(throws: DeskError.self) { try desk.cancel(id, reason: "  ", actor: "tanaka", at: now) }
        #expect(try count(desk, "events") == events)
    }

    @Test func reassignGivesTheCallbackToSomeoneElseOpenAgain() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        try desk.acknowledge(id, actor: "tanaka", at: now)
        let moved = try desk.reassign(id, to: "suzuki", reason: "担当変更", actor: "boss", at: now)
        #expect(moved.owner == "suzuki" && moved.state == .open && moved.acknowledgedAt == nil)
        // suzuki now owes this caller; a second callback of tanaka's for them cannot be merged silently.
        let other = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        #expect(throws: DeskError.self) { try desk.reassign(other, to: "suzuki", reason: nil, actor: "boss", at: now) }
    }

    @Test func escalatingByHandGoesToTheEscalationContactOrANamedPerson() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        let first = try desk.escalate(id, to: nil, reason: "no answer for 2h", actor: "sato", at: now)
        #expect(first.owner == "boss" && first.escalationLevel == 1)
        let second = try desk.escalate(id, to: "suzuki", reason: nil, actor: "sato", at: now)
        #expect(second.owner == "suzuki" && second.escalationLevel == 2)
        // suzuki has no escalation contact, and escalating to the owner tells nobody new: both refused.
        #expect(throws: DeskError(.badInput,
            "suzuki has no escalation contact; use --to HANDLE, or set one with `desk staff edit suzuki --escalate-to HANDLE`")) {
            try desk.escalate(id, to: nil, reason: nil, actor: "sato", at: now)
        }
        #expect(throws: DeskError(.badInput, "callback #\(id) is already suzuki's; escalate it to someone else with --to")) {
            try desk.escalate(id, to: "suzuki", reason: nil, actor: "sato", at: now)
        }
        let reasons = try desk.history(ofCallback: id).filter { $0.kind == "callback.escalated" }.map(\.reason)
        #expect(reasons == ["no answer for 2h", "escalated by hand"])
    }

    @Test func listsAreOrderedByPriorityThenDue() throws {
        let desk = try makeDesk()
        let plain = try desk.takeMessage(message(phone: "03-0000-0001"), actor: "sato", at: now).callback.id
        let urgent = try desk.takeMessage(message(phone: "03-0000-0002", urgent: true), actor: "sato", at: now).callback.id
        let repeated = try desk.takeMessage(message(phone: "03-0000-0003"), actor: "sato", at: now).callback.id
        _ = try desk.takeMessage(message(phone: "03-0000-0003"), actor: "sato", at: now)
        let later = now.addingTimeInterval(3 * 3600)  // 13:15: the urgent one is 2h45m overdue
        let list = try desk.callbacks(CallbackFilter(owner: "tanaka"), at: later)
        #expect(list.map(\.callback.id) == [urgent, repeated, plain])
        #expect(try desk.callbacks(CallbackFilter(overdueOnly: true), at: later).map(\.callback.id) == [urgent])
        #expect(try desk.callbacks(CallbackFilter(urgentOnly: true), at: later).map(\.callback.id) == [urgent])
        #expect(try desk.callbacks(CallbackFilter(owner: "suzuki"), at: later).isEmpty)
        #expect(throws: DeskError.self) { try desk.callbacks(CallbackFilter(owner: "nobody"), at: later) }
    }

    @Test func theEventLogRefusesUpdatesAndNothingIsDeleted() throws {
        let desk = try makeDesk()
        _ = try desk.takeMessage(message(), actor: "sato", at: now)
        for sql in ["UPDATE events SET actor = 'x'", "DELETE FROM events", "DELETE FROM callbacks", "DELETE FROM messages",
                    "UPDATE messages SET body = 'x'", "DELETE FROM calls", "DELETE FROM callers", "DELETE FROM staff"] {
            #expect(throws: DatabaseError.self, "\(sql) was allowed") { try desk.database.execute(sql) }
        }
    }

    @Test func aWindowInThePastOrEmptyIsRefusedAndNothingIsWritten() throws {
        let desk = try makeDesk()
        let events = try count(desk, "events")
        #expect(throws: DeskError.self) {
            _ = try desk.takeMessage(message(notAfter: now.addingTimeInterval(-60)), actor: "sato", at: now)
        }
        #expect(throws: DeskError.self) {
            _ = try desk.takeMessage(message(notBefore: now.addingTimeInterval(7200), notAfter: now.addingTimeInterval(3600)),
                                     actor: "sato", at: now)
        }
        #expect(throws: DeskError.self) { _ = try desk.takeMessage(message(for: "nobody"), actor: "sato", at: now) }
        #expect(throws: DeskError.self) { _ = try desk.takeMessage(message(body: "  \n"), actor: "sato", at: now) }
        #expect(try count(desk, "events") == events)
        #expect(try count(desk, "callers") == 0)
    }

    @Test func aCallerWhoGivesANewNameIsUpdatedWithAnEvent() throws {
        let desk = try makeDesk()
        _ = try desk.takeMessage(message(), actor: "sato", at: now)
        var renamed = message()
        renamed.callerName = "山田次郎"
        renamed.company = nil
        let taken = try desk.takeMessage(renamed, actor: "sato", at: now)
        #expect(taken.callback.caller.name == "山田次郎")
        #expect(taken.callback.caller.company == "ＡＢＣ商事")
        let changes = try desk.allEvents().filter { $0.kind == "caller.changed" }
        #expect(changes.count == 1)
        #expect(changes[0].before?["name"] == "山田太郎")
    }

    @Test func everyChangeHasExactlyOneEvent() throws {
        let desk = try makeDesk()
        let staffEvents = try count(desk, "events")
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id  // 3 events
        _ = try desk.takeMessage(message(), actor: "sato", at: now)  // 2 events: call, join
        try desk.acknowledge(id, actor: "tanaka", at: now)
        try desk.recordAttempt(id, note: nil, actor: "tanaka", at: now)
        try desk.complete(id, note: nil, actor: "tanaka", at: now)
        #expect(try count(desk, "events") - staffEvents == 8)
    }
}

@Suite struct RepeatCallWindowTests {
    @Test func aRepeatCallThatGivesNoWindowKeepsTheCallersEarlierOne() throws {
        let desk = try makeDesk()
        let friday = at("2026-11-20T10:15:00+09:00")
        let monday = at("2026-11-23T12:00:00+09:00")
        let first = try desk.takeMessage(message(notAfter: monday), actor: "sato", at: friday)
        #expect(first.callback.dueAt == monday)
        let again = try desk.takeMessage(message(body: "もう一度"), actor: "sato", at: friday.addingTimeInterval(3600))
        #expect(again.joined)
        #expect(again.callback.notAfter == monday)
        #expect(again.callback.dueAt == monday)
        // A repeat call that restates an earlier deadline moves the due time earlier.
        let sooner = try desk.takeMessage(message(notAfter: at("2026-11-20T15:00:00+09:00")), actor: "sato",
                                          at: friday.addingTimeInterval(7200))
        #expect(sooner.callback.dueAt == at("2026-11-20T15:00:00+09:00"))
    }
}
