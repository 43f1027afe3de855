import Foundation
import Testing
@testable import MessageDesk

@Suite struct DuePolicyTests {
    let policy = DuePolicy()

    @Test func theCallersByTimeWins() {
        let due = policy.dueTime(takenAt: at("2026-11-20T10:15:00+09:00"), urgent: true, notBefore: nil,
                                 notAfter: at("2026-11-20T16:00:00+09:00"))
        #expect(due == at("2026-11-20T16:00:00+09:00"))
    }

    @Test func urgentIsDueThirtyMinutesLaterEvenNearClosing() {
        #expect(policy.dueTime(takenAt: at("2026-11-20T10:15:00+09:00"), urgent: true, notBefore: nil, notAfter: nil)
                == at("2026-11-20T10:45:00+09:00"))
        #expect(policy.dueTime(takenAt: at("2026-11-20T17:50:00+09:00"), urgent: true, notBefore: nil, notAfter: nil)
                == at("2026-11-20T18:20:00+09:00"))
    }

    @Test func urgentAfterHoursIsDueThirtyMinutesAfterTheNextOpening() {
        // Friday 20:00 → Monday 09:30.
        #expect(policy.dueTime(takenAt: at("2026-11-13T20:00:00+09:00"), urgent: true, notBefore: nil, notAfter: nil)
                == at("2026-11-16T09:30:00+09:00"))
    }

    @Test func otherwiseDueAtTheEndOfTheBusinessDay() {
        #expect(policy.dueTime(takenAt: at("2026-11-20T10:15:00+09:00"), urgent: false, notBefore: nil, notAfter: nil)
                == at("2026-11-20T18:00:00+09:00"))
        // Before opening on a business day: the end of that day.
        #expect(policy.dueTime(takenAt: at("2026-11-20T07:30:00+09:00"), urgent: false, notBefore: nil, notAfter: nil)
                == at("2026-11-20T18:00:00+09:00"))
    }

    @Test func afterHoursAndWeekendMessagesAreDueTheNextBusinessDay() {
        #expect(policy.dueTime(takenAt: at("2026-11-19T19:00:00+09:00"), urgent: false, notBefore: nil, notAfter: nil)
                == at("2026-11-20T18:00:00+09:00"))
        #expect(policy.dueTime(takenAt: at("2026-11-13T18:00:00+09:00"), urgent: false, notBefore: nil, notAfter: nil)
                == at("2026-11-16T18:00:00+09:00"))
        #expect(policy.dueTime(takenAt: at("2026-11-15T11:00:00+09:00"), urgent: false, notBefore: nil, notAfter: nil)
                == at("2026-11-16T18:00:00+09:00"))
    }

    @Test func aNotBeforeTimeMovesTheStart() {
        // "Not before Monday 10:00", urgent: due Monday 10:30.
        #expect(policy.dueTime(takenAt: at("2026-11-13T10:15:00+09:00"), urgent: true,
                               notBefore: at("2026-11-16T10:00:00+09:00"), notAfter: nil)
                == at("2026-11-16T10:30:00+09:00"))
    }

    @Test func typeOneIsDueInTwoBusinessHours() {
        let due = { (taken: String, urgent: Bool, notBefore: String?, notAfter: String?) in
            self.policy.dueTime(takenAt: at(taken), urgent: urgent, notBefore: notBefore.map(at), notAfter: notAfter.map(at),
                                buyerType: .type1)
        }
        #expect(due("2026-11-20T10:15:00+09:00", false, nil, nil) == at("2026-11-20T12:15:00+09:00"))
        // Never later than a message of unknown type: at 17:00 it is due at closing, not tomorrow.
        #expect(due("2026-11-20T17:00:00+09:00", false, nil, nil) == at("2026-11-20T18:00:00+09:00"))
        // After hours: two business hours from the next opening (Thursday 19:00 → Friday 11:00).
        #expect(due("2026-11-19T19:00:00+09:00", false, nil, nil) == at("2026-11-20T11:00:00+09:00"))
        // Not before Monday 10:00 → Monday 12:00.
        #expect(due("2026-11-13T10:15:00+09:00", false, "2026-11-16T10:00:00+09:00", nil) == at("2026-11-16T12:00:00+09:00"))
        // The caller's by-time still wins, even when later.
        #expect(due("2026-11-20T10:15:00+09:00", false, nil, "2026-11-20T17:00:00+09:00") == at("2026-11-20T17:00:00+09:00"))
        // Urgent stays 30 minutes when sooner.
        #expect(due("2026-11-20T10:15:00+09:00", true, nil, nil) == at("2026-11-20T10:45:00+09:00"))
        // Type ② and unknown keep the end of the business day.
        #expect(policy.dueTime(takenAt: at("2026-11-20T10:15:00+09:00"), urgent: false, notBefore: nil, notAfter: nil,
                               buyerType: .type2) == at("2026-11-20T18:00:00+09:00"))
    }

    @Test func typeOneDueMinutesAreTheOfficesToChange() throws {
        var policy = DeskPolicy.standard
        try Setting.type1DueMinutes.apply("60", to: &policy)
        #expect(policy.due.dueTime(takenAt: at("2026-11-20T10:15:00+09:00"), urgent: false, notBefore: nil, notAfter: nil,
                                   buyerType: .type1) == at("2026-11-20T11:15:00+09:00"))
        #expect(throws: InputError("'0' is not a number of business minutes from 1 to 1440")) {
            try Setting.type1DueMinutes.apply("0", to: &policy)
        }
    }

    @Test func anotherOfficesHoursAndZoneApply() throws {
        let calendar = try BusinessCalendar(
            timeZone: try #require(TimeZone(identifier: "Europe/London")), opens: LocalTime(parsing: "08:30"),
            closes: LocalTime(parsing: "17:00"), days: Weekday.parseSet("mon-sat"))
        let london = DuePolicy(calendar: calendar, urgentMinutes: 15)
        #expect(london.dueTime(takenAt: at("2026-11-14T12:00:00Z"), urgent: false, notBefore: nil, notAfter: nil)
                == at("2026-11-14T17:00:00Z"))
        #expect(london.dueTime(takenAt: at("2026-11-14T18:00:00Z"), urgent: true, notBefore: nil, notAfter: nil)
                == at("2026-11-16T08:45:00Z"))
    }
}

@Suite struct PriorityPolicyTests {
    let now = at("2026-11-20T10:15:00+09:00")

    func callback(urgent: Bool = false, due: Date, opened: Date, repeats: Int = 0, newContact: Bool = false,
                  buyerType: BuyerType = .unknown) -> CallbackRequest {
        CallbackRequest(
            id: 1, owner: "tanaka", ownerName: "田中", caller: Caller(id: 1, name: "山田", company: nil, phone: phone("0312345678")),
            state: .open, urgent: urgent, newContact: newContact, notBefore: nil, notAfter: nil, dueAt: due,
            repeatCount: repeats, attempts: 0, escalationLevel: 0, openedAt: opened, acknowledgedAt: nil, closedAt: nil,
            closingNote: nil, latestMessage: "x", wants: .callback, buyerType: buyerType, sensitive: false, routedFrom: nil)
    }

    @Test func theBreakdownSumsToTheScoreTermByTerm() {
        let policy = PriorityPolicy()
        let cb = callback(urgent: true, due: at("2026-11-20T10:45:00+09:00"), opened: at("2026-11-20T10:15:00+09:00"),
                          repeats: 2, newContact: true)
        let breakdown = policy.breakdown(of: cb, at: at("2026-11-20T12:45:00+09:00"))
        #expect(breakdown.terms.map(\.name) == ["urgent", "buyer_type1", "overdue_hours", "age_hours", "repeat_calls",
                                                "new_contact", "escalation_level"])
        #expect(breakdown.terms.map(\.contribution) == [8, 0, 6, 1.25, 6, 2, 0])
        #expect(breakdown.total == 23.25)
        #expect(policy.score(cb, at: at("2026-11-20T12:45:00+09:00")) == 23.25)
    }

    @Test func anOverdueCallbackKeepsRisingWithoutACapAndOnlyInBusinessHours() {
        let policy = PriorityPolicy()
        let cb = callback(due: at("2026-06-01T18:00:00+09:00"), opened: at("2026-06-01T09:00:00+09:00"))
        var previous = -1.0
        // Three weeks of business days overdue (June has no national holiday): every business day adds 9 h × 3.
        for day in [2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19] {
            let when = at(String(format: "2026-06-%02dT18:00:00+09:00", day))
            let score = policy.score(cb, at: when)
            #expect(score > previous)
            previous = score
        }
        #expect(previous == 4 + 14 * 9 * 3)
        // A weekend adds nothing: the SLA clock runs in business hours.
        #expect(policy.score(cb, at: at("2026-06-21T12:00:00+09:00")) == previous)
    }

    @Test func aTypeOneBuyerAddsTheBuyerTypeTerm() throws {
        let due = at("2026-11-20T18:00:00+09:00")
        let type1 = callback(due: due, opened: now, buyerType: .type1)
        let breakdown = PriorityPolicy().breakdown(of: type1, at: now)
        #expect(breakdown.terms[1] == PriorityTerm(name: "buyer_type1", coefficient: 5, amount: 1, contribution: 5))
        #expect(breakdown.total == 5)
        #expect(PriorityPolicy().score(callback(due: due, opened: now, buyerType: .type2), at: now) == 0)
        #expect(PriorityPolicy().score(callback(due: due, opened: now, buyerType: .unknown), at: now) == 0)
        var policy = DeskPolicy.standard
        try Setting.priorityBuyerType1.apply("7.5", to: &policy)
        #expect(policy.priority.score(type1, at: now) == 7.5)
        #expect(Setting.values(of: policy)[.priorityBuyerType1] == "7.5")
    }

    @Test func coefficientsAreTheOfficesToChange() throws {
        var policy = DeskPolicy.standard
        try Setting.priorityRepeatCall.apply("10", to: &policy)
        let cb = callback(due: at("2026-11-20T18:00:00+09:00"), opened: now, repeats: 1)
        #expect(policy.priority.score(cb, at: now) == 10)
        #expect(throws: InputError.self) { try Setting.priorityUrgent.apply("-1", to: &policy) }
        #expect(throws: InputError.self) { try Setting.businessHours.apply("18:00-09:00", to: &policy) }
        #expect(throws: InputError.self) { try Setting.timeZone.apply("Mars/Olympus", to: &policy) }
    }
}
