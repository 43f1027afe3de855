import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// New callbacks of someone away past the due time go to their substitute — with an event, never for
/// type ②, never to a substitute who is away too — and come back only by command.
@Suite struct SubstituteRoutingTests {
    let now = at("2026-11-20T10:15:00+09:00")  // a Friday
    let monday = at("2026-11-23T09:00:00+09:00")

    /// The owner's and the substitute's handles of a callback, straight from the database.
    func owners(_ desk: DeskStore, _ id: Int) throws -> String {
        try desk.database.scalarText("""
            SELECT o.handle || '|' || coalesce(r.handle, '-') FROM callbacks cb JOIN staff o ON o.id = cb.owner_id
            LEFT JOIN staff r ON r.id = cb.routed_from_id WHERE cb.id = ?
            """, [.int(id)]) ?? ""
    }

    @Test func aCallbackForSomeoneOnADayOffPastItsDueTimeGoesToTheSubstituteWithAnEvent() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .dayOff, until: monday, actor: "boss", at: now)
        let taken = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(taken.routing == .substitute("suzuki"))
        #expect(taken.forHandle == "tanaka" && taken.ownerPresence.status == .dayOff)
        #expect(taken.callback.owner == "suzuki" && taken.callback.routedFrom == "tanaka")
        #expect(try owners(desk, taken.callback.id) == "suzuki|tanaka")
        let events = try desk.history(ofCallback: taken.callback.id)
        #expect(events.map(\.kind) == ["call.taken", "callback.opened", "callback.routed"])
        #expect(events[1].after?["owner"] == "tanaka")
        #expect(events[2].before == .object([("owner", "tanaka"), ("routed_from", .null)]))
        #expect(events[2].after == .object([("owner", "suzuki"), ("routed_from", "tanaka")]))
        #expect(events[2].reason == "tanaka is away (day_off) until 2026-11-23 09:00, past the due time; to the substitute")
        // The call was for tanaka, whatever happened to the callback.
        #expect(try desk.database.scalarText("SELECT s.handle FROM calls c JOIN staff s ON s.id = c.for_id") == "tanaka")
    }

    @Test func everyKindOfAbsencePastTheDueTimeRoutesAndOneEndingBeforeItDoesNot() throws {
        // (status, until, routed?) against a callback due at 18:00 today.
        let cases: [(Presence.Status, Date?, Bool)] = [
            (.dayOff, monday, true), (.leave, monday, true), (.out, at("2026-11-20T18:30:00+09:00"), true),
            (.meeting, at("2026-11-20T19:00:00+09:00"), true), (.out, nil, true), (.meeting, nil, true),
            (.meeting, at("2026-11-20T15:00:00+09:00"), false), (.dayOff, at("2026-11-20T18:00:00+09:00"), false),
            (.inOffice, nil, false),
        ]
        for (status, until, routed) in cases {
            let desk = try makeDesk()
            try desk.setPresence("tanaka", status: status, until: until, actor: "boss", at: now.addingTimeInterval(-60))
            let taken = try desk.takeMessage(message(), actor: "sato", at: now)
            #expect(taken.callback.owner == (routed ? "suzuki" : "tanaka"), "\(status) until \(String(describing: until))")
            #expect(taken.routing == (routed ? .substitute("suzuki") : .owner), "\(status) until \(String(describing: until))")
        }
    }

    @Test func anAbsenceThatHasEndedByItselfRoutesNothing() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .out, until: at("2026-11-20T11:00:00+09:00"), actor: "boss", at: now)
        let taken = try desk.takeMessage(message(), actor: "sato", at: at("2026-11-20T11:30:00+09:00"))
        #expect(taken.routing == .owner && taken.callback.owner == "tanaka")
        #expect(taken.ownerPresence.status == .inOffice)
    }

    @Test func theDueTimeDecides() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .meeting, until: at("2026-11-20T15:00:00+09:00"), actor: "boss", at: now)
        // Due 18:00: the meeting ends first, tanaka calls back.
        #expect(try desk.takeMessage(message(phone: "03-0000-0001"), actor: "sato", at: now).callback.owner == "tanaka")
        // Urgent, due 10:45: the meeting runs past it.
        #expect(try desk.takeMessage(message(phone: "03-0000-0002", urgent: true), actor: "sato", at: now).callback.owner == "suzuki")
        // Type ①, due 12:15: the meeting runs past it too.
        var fast = message(phone: "03-0000-0003")
        fast.buyer = BuyerAttributes(otherVendors: .threeOrMore)
        #expect(try desk.takeMessage(fast, actor: "sato", at: now).callback.owner == "suzuki")
    }

    @Test func typeTwoStaysWithTheOwner() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .dayOff, until: monday, actor: "boss", at: now)
        var patient = message()
        patient.buyer = BuyerAttributes(proceed: .meeting, otherVendors: .noOthers)
        let taken = try desk.takeMessage(patient, actor: "sato", at: now)
        #expect(taken.routing == .staysWithOwner(.buyerType2))
        #expect(taken.callback.owner == "tanaka" && taken.callback.routedFrom == nil && taken.callback.buyerType == .type2)
        #expect(try desk.history(ofCallback: taken.callback.id).map(\.kind) == ["call.taken", "callback.opened"])
    }

    @Test func aSubstituteWhoIsAwayPastTheDueTimeTooLeavesItWithTheOwner() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .dayOff, until: monday, actor: "boss", at: now)
        try desk.setPresence("suzuki", status: .out, until: at("2026-11-20T18:30:00+09:00"), actor: "boss", at: now)
        let taken = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(taken.routing == .staysWithOwner(.substituteAway) && taken.callback.owner == "tanaka")
        // Back before the due time: the substitute can take it.
        try desk.setPresence("suzuki", status: .out, until: at("2026-11-20T12:00:00+09:00"), actor: "boss", at: now)
        let second = try desk.takeMessage(message(phone: "03-0000-0009"), actor: "sato", at: now)
        #expect(second.routing == .substitute("suzuki"))
    }

    @Test func noSubstituteOrASubstituteWhoOwesTheCallerAlreadyLeavesItWithTheOwner() throws {
        let desk = try makeDesk()
        // suzuki has no substitute.
        try desk.setPresence("suzuki", status: .leave, until: monday, actor: "boss", at: now)
        let alone = try desk.takeMessage(message(for: "suzuki"), actor: "sato", at: now)
        #expect(alone.routing == .staysWithOwner(.noSubstitute) && alone.callback.owner == "suzuki")
        // tanaka away: this caller's callback cannot go to suzuki, who already owes them one.
        try desk.setPresence("suzuki", status: .inOffice, actor: "boss", at: now)
        try desk.setPresence("tanaka", status: .leave, until: monday, actor: "boss", at: now)
        let taken = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(taken.routing == .staysWithOwner(.substituteOwesCaller) && taken.callback.owner == "tanaka")
    }

    @Test func aRepeatCallForTheOwnerJoinsTheCallbackRoutedToTheSubstitute() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .dayOff, until: monday, actor: "boss", at: now)
        let first = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(try desk.liveCallback(callerID: first.callback.caller.id, owner: "tanaka")?.id == first.callback.id)
        let second = try desk.takeMessage(message(body: "まだですか", urgent: true), actor: "sato", at: now.addingTimeInterval(600))
        #expect(second.joined && second.callback.id == first.callback.id && second.routing == nil)
        #expect(second.callback.owner == "suzuki" && second.callback.repeatCount == 1)
        #expect(try count(desk, "callbacks") == 1)
        // After it is back with tanaka, a repeat call still joins it.
        try desk.reassignBack(first.callback.id, reason: nil, actor: "boss", at: now.addingTimeInterval(700))
        #expect(try desk.takeMessage(message(), actor: "sato", at: now.addingTimeInterval(800)).callback.id == first.callback.id)
    }

    @Test func reassigningBackIsACommandWithAnEventAndOnlyForRoutedCallbacks() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .dayOff, until: monday, actor: "boss", at: now)
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        // tanaka's day off ending routes nothing back by itself.
        #expect(try desk.callback(id: id).owner == "suzuki")
        try desk.acknowledge(id, actor: "suzuki", at: now)
        let back = try desk.reassignBack(id, reason: nil, actor: "tanaka", at: monday)
        #expect(back.owner == "tanaka" && back.routedFrom == nil && back.state == .open)
        #expect(try owners(desk, id) == "tanaka|-")
        let event = try #require(try desk.history(ofCallback: id).last)
        #expect(event.kind == "callback.reassigned" && event.reason == "back to the owner it was routed from")
        #expect(event.before == .object([("owner", "suzuki"), ("state", "acknowledged"), ("acknowledged_at", .string("2026-11-20T01:15:00Z")),
                                         ("routed_from", "tanaka")]))
        #expect(event.after == .object([("owner", "tanaka"), ("state", "open"), ("acknowledged_at", .null), ("routed_from", .null)]))
        let events = try count(desk, "events")
        #expect(throws: DeskError(.badInput,
            "callback #\(id) was not routed to a substitute, so it has no owner to go back to; give it to someone with --to HANDLE")) {
            try desk.reassignBack(id, reason: nil, actor: "tanaka", at: monday)
        }
        #expect(try count(desk, "events") == events)
    }

    @Test func givingARoutedCallbackToItsOwnerByHandEndsTheRouting() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .dayOff, until: monday, actor: "boss", at: now)
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        // Passed on from the substitute, it is still tanaka's to take back.
        #expect(try desk.reassign(id, to: "boss", reason: nil, actor: "suzuki", at: now).routedFrom == "tanaka")
        let back = try desk.reassign(id, to: "tanaka", reason: "戻りました", actor: "tanaka", at: monday)
        #expect(back.owner == "tanaka" && back.routedFrom == nil)
    }

    @Test func theDatabaseRefusesACallbackRoutedFromItsOwnOwner() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        #expect(throws: DatabaseError.self) {
            try desk.database.execute("UPDATE callbacks SET routed_from_id = owner_id WHERE id = ?", [.int(id)])
        }
    }

    @Test func thePureRuleDecidesFromPresencesAndTheBuyerType() {
        let due = at("2026-11-20T18:00:00+09:00")
        let away = Presence(status: .dayOff, since: now, until: monday)
        let here = Presence.inOffice(since: now)
        func decide(_ owner: Presence, _ type: BuyerType = .unknown, substitute: String? = "suzuki",
                    substitutePresence: Presence? = nil, owes: Bool = false) -> SubstituteRouting {
            SubstituteRouting.decide(dueAt: due, buyerType: type, ownerPresence: owner, substitute: substitute,
                                     substitutePresence: substitutePresence ?? here, substituteOwesCaller: owes)
        }
        #expect(decide(here) == .owner)
        #expect(decide(here, .type2) == .owner)
        #expect(decide(away) == .substitute("suzuki"))
        #expect(decide(away, .type1) == .substitute("suzuki"))
        #expect(decide(away, .type2) == .staysWithOwner(.buyerType2))
        #expect(decide(away, substitute: nil) == .staysWithOwner(.noSubstitute))
        #expect(decide(away, substitutePresence: Presence(status: .meeting, since: now)) == .staysWithOwner(.substituteAway))
        #expect(decide(away, owes: true) == .staysWithOwner(.substituteOwesCaller))
        #expect(Presence(status: .meeting, since: now, until: due).isAway(through: due) == false)
        #expect(Presence(status: .meeting, since: now, until: due.addingTimeInterval(60)).isAway(through: due))
    }
}
