import Foundation
import Testing
@testable import MessageDesk

/// The escalation policy driven through simulated time: no sleeping, exact instants.
@Suite struct EscalationTests {
    let taken = at("2026-11-20T10:15:00+09:00")  // a Friday

    func steps(_ fired: [FiredEscalation]) -> [String] {
        fired.map { "#\($0.callbackID) \($0.ladder) r\($0.cycle + 1)s\($0.step + 1) → \($0.target)" }
    }

    @Test func theUrgentLadderClimbsOwnerSubstituteContactAndEachStepFiresOnce() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken).callback.id
        // Step 1 (the owner, at once) is the message's own notification, written when it was taken (issue 16).
        #expect(try desk.sweep(actor: "cron", at: taken).isEmpty)
        #expect(try desk.notifications(.undelivered).map(\.kind) == [.message])
        #expect(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(9 * 60)).isEmpty)
        #expect(steps(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(10 * 60))) == ["#\(id) urgent r1s2 → suzuki"])
        let third = try desk.sweep(actor: "cron", at: taken.addingTimeInterval(20 * 60))
        #expect(steps(third) == ["#\(id) urgent r1s3 → boss"])
        #expect(third.first?.reason == "urgent and unacknowledged for 20m (step 3 of 3, round 1 of 3); boss is tanaka's escalation contact")
        #expect(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(20 * 60)).isEmpty)
        #expect(try desk.callback(id: id).escalationLevel == 2)
        let kinds = try desk.history(ofCallback: id).map(\.kind).filter { $0 != "call.taken" }
        #expect(kinds == ["callback.opened", "callback.escalated", "callback.escalated"])
        #expect(try desk.notifications(.undelivered).map(\.recipient) == ["tanaka", "suzuki", "boss"])
        #expect(try count(desk, "escalations") == 3)
    }

    @Test func aLateSweepFiringSeveralStepsRecordsEachLevelRiseInTurn() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken).callback.id
        #expect(steps(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(25 * 60))) == [
            "#\(id) urgent r1s2 → suzuki", "#\(id) urgent r1s3 → boss",
        ])
        let levels = try desk.history(ofCallback: id).filter { $0.kind == "callback.escalated" }
            .map { "\($0.before?["escalation_level"]?.rendered() ?? "-") → \($0.after?["escalation_level"]?.rendered() ?? "-")" }
        #expect(levels == ["0 → 1", "1 → 2"])
        #expect(try desk.callback(id: id).escalationLevel == 2)
    }

    @Test func aSweepWithAClockBeforeTheCallbackWasOpenedFiresNothing() throws {
        let desk = try makeDesk()
        _ = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken)
        // Exactly one round before: the round arithmetic alone would name round 0 of -1.
        #expect(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(-30 * 60)).isEmpty)
        #expect(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(-1)).isEmpty)
        // Only the first step, which the message's notification was when it was taken.
        #expect(try desk.database.statement("SELECT ladder, cycle, step FROM escalations").map { "\(try $0.string(0)) \(try $0.int(1)) \(try $0.int(2))" }
                == ["urgent 0 0"])
    }

    @Test func theLadderRepeatsNTimesAndThenStops() throws {
        let desk = try makeDesk()
        try desk.set(.urgentEscalationCycles, to: "2", actor: "boss", at: taken)
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken).callback.id
        var fired: [String] = []
        for minute in stride(from: 0, through: 120, by: 5) {
            fired += steps(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(Double(minute) * 60)))
        }
        // The first step of the first round was the message's notification.
        #expect(fired == [
            "#\(id) urgent r1s2 → suzuki", "#\(id) urgent r1s3 → boss",
            "#\(id) urgent r2s1 → tanaka", "#\(id) urgent r2s2 → suzuki", "#\(id) urgent r2s3 → boss",
            // The urgent ladder is over at 60 minutes; it was due at 10:45, so the overdue ladder takes over.
            "#\(id) overdue r1s1 → tanaka", "#\(id) overdue r1s2 → boss",
        ])
    }

    @Test func acknowledgingStopsTheUrgentLadderAndDoneEndsEverything() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken).callback.id
        _ = try desk.sweep(actor: "cron", at: taken)
        try desk.acknowledge(id, actor: "tanaka", at: taken.addingTimeInterval(5 * 60))
        #expect(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(25 * 60)).isEmpty)
        // Acknowledged but not done by its due time (10:45): the overdue ladder still climbs.
        #expect(steps(try desk.sweep(actor: "cron", at: at("2026-11-20T10:46:00+09:00"))) == ["#\(id) overdue r1s1 → tanaka"])
        try desk.complete(id, note: nil, actor: "tanaka", at: at("2026-11-20T11:00:00+09:00"))
        #expect(try desk.sweep(actor: "cron", at: at("2026-11-20T15:00:00+09:00")).isEmpty)
    }

    @Test func theOverdueClockCountsBusinessHoursAcrossAWeekend() throws {
        let desk = try makeDesk(now: at("2026-11-13T09:00:00+09:00"))
        let friday = at("2026-11-13T17:00:00+09:00")
        let id = try desk.takeMessage(message(), actor: "sato", at: friday).callback.id  // due Friday 18:00
        #expect(try desk.sweep(actor: "cron", at: at("2026-11-13T17:59:00+09:00")).isEmpty)
        #expect(steps(try desk.sweep(actor: "cron", at: at("2026-11-13T18:30:00+09:00"))) == ["#\(id) overdue r1s1 → tanaka"])
        #expect(try desk.sweep(actor: "cron", at: at("2026-11-15T12:00:00+09:00")).isEmpty)  // Sunday
        #expect(try desk.sweep(actor: "cron", at: at("2026-11-16T09:59:00+09:00")).isEmpty)  // 59 business minutes
        let monday = try desk.sweep(actor: "cron", at: at("2026-11-16T10:00:00+09:00"))
        #expect(steps(monday) == ["#\(id) overdue r1s2 → boss"])
        #expect(monday.first?.reason == "overdue by 1h of business time (step 2 of 2, round 1 of 3); boss is tanaka's escalation contact")
    }

    @Test func aMissingSubstituteFallsBackToTheEscalationContactAndSaysSo() throws {
        let desk = try makeDesk()
        try desk.updateStaff("tanaka", substitute: .some(nil), actor: "boss", at: taken)
        _ = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken)
        let fired = try desk.sweep(actor: "cron", at: taken.addingTimeInterval(10 * 60))
        #expect(fired.map(\.target) == ["boss"])
        #expect(fired.last?.reason.hasSuffix("; tanaka has no substitute; told the escalation contact boss") == true)
    }

    @Test func sweepsWhileTheCronWasDownDoNotReplayPastRounds() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken).callback.id
        // First sweep 40 minutes late: round 2 is current; round 1 is not replayed.
        #expect(steps(try desk.sweep(actor: "cron", at: taken.addingTimeInterval(40 * 60)))
                == ["#\(id) urgent r2s1 → tanaka", "#\(id) urgent r2s2 → suzuki"])
    }

    @Test func manualEscalationByStepGivesTheCallbackToThatStepsPersonAndNotifiesThem() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken).callback.id
        let moved = try desk.escalate(id, to: nil, step: 2, reason: "田中さん不在", actor: "sato", at: taken)
        #expect(moved.owner == "suzuki" && moved.escalationLevel == 1)
        let outbox = try desk.notifications(.undelivered)
        #expect(outbox.map(\.recipient) == ["tanaka", "suzuki"])
        #expect(outbox.map(\.kind) == [.message, .escalation])
        #expect(outbox.last?.reason == "escalated by sato: 田中さん不在")
        #expect(throws: DeskError.self) { try desk.escalate(id, to: nil, step: 4, reason: nil, actor: "sato", at: taken) }
    }

    @Test func deliveryIsRecordedAndAFailureKeepsTheNotificationPending() throws {
        let desk = try makeDesk()
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: taken).callback.id
        _ = try desk.sweep(actor: "cron", at: taken)
        let pending = try desk.notifications(.undelivered)
        try desk.markFailed(pending[0], error: "the gateway exited 1", permanent: false, actor: "cron", at: taken)
        #expect(try desk.notifications(.undelivered).first?.attempts == 1)
        try desk.markDelivered(pending[0], actor: "cron", at: taken)
        try desk.markDelivered(pending[0], actor: "cron", at: taken)  // twice: recorded once
        #expect(try desk.notifications(.undelivered).isEmpty)
        let kinds = try desk.history(ofCallback: id).map(\.kind).filter { $0.hasPrefix("notification") }
        #expect(kinds == ["notification.failed", "notification.delivered"])
    }

    @Test func ladderSettingsAreValidated() throws {
        var policy = DeskPolicy.standard
        try Setting.urgentEscalation.apply("owner@0m boss@5m escalation_contact@15m", to: &policy)
        #expect(policy.escalation.urgent.steps.map(\.target) == [.owner, .staff("boss"), .escalationContact])
        #expect(Setting.values(of: policy)[.urgentEscalation] == "owner@0m boss@5m escalation_contact@15m")
        #expect(throws: InputError.self) { try Setting.urgentEscalation.apply("substitute@10m owner@0m", to: &policy) }
        #expect(throws: InputError.self) { try Setting.urgentEscalation.apply("owner@soon", to: &policy) }
        #expect(throws: InputError.self) { try Setting.urgentEscalationEvery.apply("10m", to: &policy) }  // shorter than the ladder
        #expect(throws: InputError.self) { try Setting.overdueEscalationCycles.apply("0", to: &policy) }
    }
}

@Suite struct EscalationSettingTests {
    @Test func aLadderMayOnlyNameStaffWhoExist() throws {
        let desk = try makeDesk()
        let now = at("2026-11-20T10:15:00+09:00")
        #expect(throws: DeskError(.badInput,
            "escalation.urgent_steps: 'bosss' is not on the staff list; add them first, or use owner, substitute or escalation_contact")) {
            try desk.set(.urgentEscalation, to: "owner@0m bosss@5m", actor: "boss", at: now)
        }
        try desk.set(.urgentEscalation, to: "owner@0m boss@5m", actor: "boss", at: now)
        #expect(desk.policy.escalation.urgent.steps.map(\.target) == [.owner, .staff("boss")])
    }
}

@Suite struct RoutedEscalationTests {
    @Test func aRoutedCallbackEscalatesAlongTheAbsentOwnersLines() throws {
        let desk = try makeDesk()
        let friday = at("2026-11-20T10:15:00+09:00")
        try desk.setPresence("tanaka", status: .dayOff, until: at("2026-11-23T09:00:00+09:00"), actor: "boss", at: friday)
        let id = try desk.takeMessage(message(urgent: true), actor: "sato", at: friday).callback.id
        #expect(try desk.callback(id: id).owner == "suzuki")
        var fired: [FiredEscalation] = []
        for minute in [0, 10, 20] {
            fired += try desk.sweep(actor: "cron", at: friday.addingTimeInterval(Double(minute) * 60))
        }
        // Step 1 was the message's notification to the owner it sits with; step 2 names tanaka's substitute —
        // suzuki again, a reminder; step 3 tanaka's escalation contact, boss (suzuki has none of her own).
        #expect(try desk.notifications(.undelivered).first.map { "\($0.recipient) \($0.kind)" } == "suzuki message")
        #expect(fired.map(\.target) == ["suzuki", "boss"])
        #expect(fired.map(\.kind) == [.reminder, .escalation])
    }
}
