import Foundation
import Testing
@testable import MessageDesk

/// The usage arithmetic: billable and non-billable counts, allowance, overage and amount, and strikes to spam.
@Suite struct MonthlyUsageTests {
    let calendar = BusinessCalendar.standard
    var november: LocalMonth { LocalMonth(containing: at("2026-11-15T12:00:00+09:00"), calendar: calendar) }

    func usage(_ categories: [CallCategory], struck: Set<Int> = [], plan: Plan?) -> MonthlyUsage {
        let recorded = categories.enumerated().map { (id: $0.offset + 1, at: at("2026-11-02T10:00:00+09:00").addingTimeInterval(Double($0.offset) * 60), category: $0.element) }
        return MonthlyUsage(account: "acme", accountName: "アクメ", month: november, asOf: november.end, plan: plan,
                            calls: MonthlyUsage.tally(recorded: recorded, struck: struck))
    }

    let plan = Plan(monthlyFeeYen: 30_000, callsIncluded: 3, extraCallYen: 400, billable: [.message, .sales, .blocked],
                    strikeCapPercent: 34)

    @Test func aMonthRunsFromLocalMidnightToLocalMidnight() throws {
        let month = try LocalMonth(parsing: "２０２６-１１", calendar: calendar)
        #expect(month.description == "2026-11")
        #expect(month.start == at("2026-11-01T00:00:00+09:00"))
        #expect(month.end == at("2026-12-01T00:00:00+09:00"))
        let december = try LocalMonth(parsing: "2026-12", calendar: calendar)
        #expect(december.end == at("2027-01-01T00:00:00+09:00"))
        #expect(throws: InputError("'2026-13' is not a month; write it as YYYY-MM, e.g. 2026-11")) {
            try LocalMonth(parsing: "2026-13", calendar: calendar)
        }
    }

    @Test func billableCallsPastTheAllowanceAreCharged() {
        let month = usage([.message, .sales, .wrongNumber, .silent, .spam, .test, .blocked, .message], plan: plan)
        #expect(CallCategory.allCases.map { month.count($0) } == [2, 1, 1, 1, 1, 1, 1])
        #expect(month.billableCount == 4)
        #expect(month.nonBillableCount == 4)
        #expect(month.overage == 1)
        #expect(month.overageYen == 400)
        #expect(month.amountYen == 30_400)
        #expect(month.calls(.message).map(\.id) == [1, 8])
    }

    @Test func aStruckCallIsSpamAndNotBilled() {
        let month = usage([.message, .sales, .message, .message], struck: [3], plan: plan)
        #expect(month.count(.spam) == 1)
        #expect(month.calls(.spam) == [MonthlyUsage.Call(id: 3, at: at("2026-11-02T10:02:00+09:00"), category: .spam, struckFrom: .message)])
        #expect(month.billableCount == 3)
        #expect(month.overage == 0)
        #expect(month.amountYen == 30_000)
        #expect(month.strikes == 1)
        #expect(plan.strikeCap == 1)
    }

    @Test func withoutAPlanNothingIsCharged() {
        let month = usage([.message, .message, .sales], plan: nil)
        #expect(month.billableCount == 2)
        #expect(month.overage == 0)
        #expect(month.amountYen == 0)
    }
}
