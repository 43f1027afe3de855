import Foundation
import Testing
@testable import MessageDesk

/// Calls that are not messages, block lists, plans, strikes and the monthly usage, through the store.
@Suite struct UsageStoreTests {
    let now = at("2026-11-20T10:00:00+09:00")
    func time(_ text: String) -> Date { at("2026-11-\(text):00+09:00") }

    func badInput(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as DeskError where error.kind == .badInput { return error.message } catch { return "\(error)" }
        return nil
    }

    /// The default account with a plan; acme, a second account, with the same caller number.
    func desk() throws -> DeskStore {
        let desk = try makeDesk(now: now)
        try desk.addAccount(NewAccount(code: "acme", name: "アクメ", greeting: "アクメでございます"), actor: "test", at: now)
        try desk.selectAccount("acme")
        try desk.addStaff(NewStaff(handle: "tanaka", displayName: "田中（アクメ）"), actor: "test", at: now)
        try desk.selectAccount("default")
        try desk.setPlan(Plan(monthlyFeeYen: 30_000, callsIncluded: 10, extraCallYen: 400, billable: [.message, .sales],
                              strikeCapPercent: 10), for: "default", actor: "boss", at: now)
        return desk
    }

    func screened(_ desk: DeskStore, _ outcome: CallCategory, _ number: String?, at moment: Date) throws -> ScreenedCall {
        try desk.recordScreenedCall(NewScreenedCall(outcome: outcome, phone: number.map(phone), operatorHandle: "sato"),
                                    actor: "sato", at: moment)
    }

    @Test func everyCategoryIsCountedAndOneIdNamesOneCall() throws {
        let desk = try desk()
        let first = try desk.takeMessage(message(), actor: "sato", at: time("20T10:01")).callID
        let sales = try screened(desk, .sales, "03-9999-0001", at: time("20T10:02"))
        let wrong = try screened(desk, .wrongNumber, "03-9999-0002", at: time("20T10:03"))
        let silent = try screened(desk, .silent, nil, at: time("20T10:04"))
        let spam = try screened(desk, .spam, "03-9999-0003", at: time("20T10:05"))
        let test = try screened(desk, .test, "03-9999-0004", at: time("20T10:06"))
        try desk.block(phone("03-6666-0000"), for: "default", note: "しつこい営業", actor: "boss", at: time("20T10:07"))
        let blocked = try desk.recordIfBlocked(phone("03-6666-0000"), operatorHandle: "sato", actor: "sato", at: time("20T10:08"))
        let declaredSales = try screened(desk, .sales, "03-6666-0000", at: time("20T10:09"))
        let second = try desk.takeMessage(message(phone: "06-1111-2222"), actor: "sato", at: time("20T10:10")).callID
        // Ids run on across both kinds of call.
        #expect([first, sales.id, wrong.id, silent.id, spam.id, test.id, blocked?.id, declaredSales.id, second] == Array(1...9))
        #expect(blocked?.outcome == .blocked)
        #expect(declaredSales.outcome == .blocked)
        #expect(try desk.recordIfBlocked(phone("03-1234-5678"), operatorHandle: "sato", actor: "sato", at: time("20T10:11")) == nil)

        let usage = try desk.monthlyUsage(try LocalMonth(parsing: "2026-11", calendar: desk.policy.calendar), at: time("20T11:00"))
        #expect(CallCategory.allCases.map { usage.count($0) } == [2, 1, 1, 1, 1, 1, 2])
        #expect(usage.calls(.blocked).map(\.id) == [7, 8])
        #expect(usage.billableCount == 3)
        #expect(usage.amountYen == 30_000)
        #expect(!usage.isClosed)
        // No callback for the screened calls; the event log says what each was.
        #expect(try count(desk, "callbacks") == 2)
        #expect(try count(desk, "events", where: "kind = 'call.screened'") == 7)
    }

    @Test func aClosedMonthDoesNotChangeAfterLaterEvents() throws {
        let desk = try desk()
        let november = try LocalMonth(parsing: "2026-11", calendar: desk.policy.calendar)
        for minute in 1...11 { _ = try desk.takeMessage(message(phone: "03-1234-\(5600 + minute)"), actor: "sato", at: time("20T10:\(10 + minute)")) }
        let spam = try screened(desk, .sales, "03-9999-0001", at: time("30T23:59"))
        let struck = try desk.strike(call: spam.id, reason: "営業の自動音声", actor: "boss", at: time("30T23:59"))
        #expect(struck.struckFrom == .sales)
        let closing = try desk.monthlyUsage(november, at: at("2026-12-01T00:00:00+09:00"))
        #expect(closing.isClosed)
        #expect(closing.overage == 1)
        #expect(closing.amountYen == 30_400)

        // December: calls, a new plan, and a strike refused on a November call.
        _ = try desk.takeMessage(message(phone: "03-1234-9999"), actor: "sato", at: at("2026-12-01T09:00:00+09:00"))
        try desk.setPlan(Plan(monthlyFeeYen: 50_000, callsIncluded: 100, extraCallYen: 300, billable: [.message], strikeCapPercent: 5),
                         for: "default", actor: "boss", at: at("2026-12-01T09:01:00+09:00"))
        #expect(badInput { _ = try desk.strike(call: 1, reason: "x", actor: "boss", at: at("2026-12-01T09:02:00+09:00")) }
                == "call 1 is of 2026-11, a closed month whose usage no longer changes; strike only this month's calls")
        let later = try desk.monthlyUsage(november, at: at("2026-12-15T12:00:00+09:00"))
        #expect(later == closing)
        let all = try desk.monthlyUsageOfAllAccounts(november, at: at("2026-12-15T12:00:00+09:00"))
        #expect(all.map(\.amountYen) == [0, 30_400])
        #expect(all.map { [$0.count(.message), $0.count(.sales), $0.count(.spam), $0.strikes, $0.calls.count] } == [[0, 0, 0, 0, 0], [11, 0, 1, 1, 0]])
    }

    @Test func strikesAreCappedByThePlan() throws {
        let desk = try desk()
        let first = try desk.takeMessage(message(), actor: "sato", at: time("20T10:01")).callID
        let second = try desk.takeMessage(message(phone: "06-1111-2222"), actor: "sato", at: time("20T10:02")).callID
        _ = try desk.strike(call: first, reason: "いたずら", actor: "boss", at: time("20T10:03"))
        #expect(badInput { _ = try desk.strike(call: first, reason: "again", actor: "boss", at: time("20T10:04")) }
                == "call 1 is struck already; a call is struck once")
        #expect(badInput { _ = try desk.strike(call: second, reason: "いたずら", actor: "boss", at: time("20T10:04")) }
                == "default has 1 strike in 2026-11, its plan's cap (10% of 10 calls included); call 2 stays message")
        #expect(badInput { _ = try desk.strike(call: 99, reason: "x", actor: "boss", at: time("20T10:04")) }
                == "no call 99 of account default; see `desk usage --month …` for its calls")
        #expect(try count(desk, "call_strikes") == 1)
        #expect(try count(desk, "events", where: "kind = 'call.struck'") == 1)
    }

    @Test func oneAccountsUsageNeverShowsAnothersCalls() throws {
        let desk = try desk()
        _ = try desk.takeMessage(message(), actor: "sato", at: time("20T10:01"))
        try desk.selectAccount("acme")
        _ = try desk.takeMessage(message(), actor: "sato", at: time("20T10:02"))
        let sales = try screened(desk, .sales, "03-1234-5678", at: time("20T10:03"))
        #expect(badInput { _ = try desk.strike(call: 1, reason: "x", actor: "boss", at: time("20T10:04")) }
                == "no call 1 of account acme; see `desk usage --month …` for its calls")
        let november = try LocalMonth(parsing: "2026-11", calendar: desk.policy.calendar)
        let acme = try desk.monthlyUsage(november, at: time("20T11:00"))
        #expect(acme.calls.map(\.id) == [2, sales.id])
        #expect(acme.plan == nil)
        try desk.selectAccount("default")
        #expect(try desk.monthlyUsage(november, at: time("20T11:00")).calls.map(\.id) == [1])
        let all = try desk.monthlyUsageOfAllAccounts(november, at: time("20T11:00"))
        #expect(all.map(\.account) == ["acme", "default"])
        #expect(all.map(\.billableCount) == [1, 1])
        // Plain counts: the grouped pass lists no calls (no stand-in calls of id 0).
        #expect(all.map(\.calls) == [[], []])
        #expect(all.map { [$0.count(.message), $0.count(.sales), $0.nonBillableCount, $0.strikes] } == [[1, 1, 1, 0], [1, 0, 0, 0]])
    }

    @Test func blockListsAndPlansAreCheckedAndLogged() throws {
        let desk = try desk()
        try desk.block(phone("03-6666-0000"), for: "default", note: nil, actor: "boss", at: now)
        #expect(badInput { try desk.block(phone("03-6666-0000"), for: "default", note: nil, actor: "boss", at: now) }
                == "03-6666-0000 is on default's block list already; see `desk account blocked default`")
        #expect(try desk.isBlocked(phone("03-6666-0000")))
        try desk.unblock(phone("03-6666-0000"), for: "default", actor: "boss", at: now)
        #expect(try !desk.isBlocked(phone("03-6666-0000")))
        #expect(badInput { try desk.unblock(phone("03-6666-0000"), for: "default", actor: "boss", at: now) }
                == "03-6666-0000 is not on default's block list; see `desk account blocked default`")
        #expect(badInput {
            try desk.setPlan(Plan(monthlyFeeYen: -1, callsIncluded: 0, extraCallYen: 0, billable: [], strikeCapPercent: 0),
                             for: "default", actor: "boss", at: now)
        } == "--fee is -1; give zero or more (yen, or calls)")
        #expect(badInput {
            _ = try desk.recordScreenedCall(NewScreenedCall(outcome: .sales, phone: nil, operatorHandle: nil), actor: "sato", at: now)
        } == "a sales call needs the caller's number; give it with --phone (only a silent caller may have none)")
        #expect(try desk.plan(of: "default")?.billable == [.message, .sales])
        #expect(try count(desk, "events", where: "kind IN ('account.blocked', 'account.unblocked', 'account.plan_set')") == 3)
    }
}

extension UsageStoreTests {
    /// The invoicing pass picks each month's calls by time through `calls_by_time` (migration 0013), not by
    /// scanning every call of the desk; the screened calls' own (account, at) index serves their pass.
    @Test func theMonthsCallsAreFoundThroughTheTimeIndex() throws {
        let desk = try desk()
        func plan(_ query: String) throws -> String {
            try desk.database.statement("EXPLAIN QUERY PLAN " + query).map([.null, .text("a"), .text("b"), .text("c")]) {
                try $0.string(3)
            }.joined(separator: "\n")
        }
        #expect(try plan(DeskStore.monthsMessageCallsByAccount).contains("SEARCH k USING INDEX calls_by_time (at>? AND at<?)"))
        #expect(try plan(DeskStore.monthsScreenedCallsByAccount).contains("screened_calls_by_account"))
    }
}
