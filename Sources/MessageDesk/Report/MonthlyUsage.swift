import Foundation

/// One account's calls of one month, by category, and what they cost under its plan as of the month's end.
///
/// Built by `tally` from the calls and the strikes the log holds as of `asOf`, so a closed month never changes.
public struct MonthlyUsage: Sendable, Equatable {
    /// One call behind a count.
    public struct Call: Sendable, Equatable {
        public let id: Int
        public let at: Date
        /// What the call was billed as: spam once struck.
        public let category: CallCategory
        /// What it was recorded as, when a strike moved it.
        public let struckFrom: CallCategory?

        public init(id: Int, at: Date, category: CallCategory, struckFrom: CallCategory? = nil) {
            (self.id, self.at, self.category, self.struckFrom) = (id, at, category, struckFrom)
        }
    }

    public let account: String
    public let accountName: String
    public let month: LocalMonth
    /// The month's end, or now while it lasts.
    public let asOf: Date
    public let plan: Plan?
    /// Every call of the month, by time then id; empty when the month was only counted (every account's usage).
    public let calls: [Call]
    /// The month's calls by category as billed (struck calls as spam).
    public let counts: [CallCategory: Int]
    /// How many of the month's calls a strike moved to spam.
    public let strikes: Int

    /// The usage of the calls behind it: the counts are theirs.
    public init(account: String, accountName: String, month: LocalMonth, asOf: Date, plan: Plan?, calls: [Call]) {
        self.init(account: account, accountName: accountName, month: month, asOf: asOf, plan: plan,
                  calls: calls.sorted { ($0.at, $0.id) < ($1.at, $1.id) },
                  counts: calls.reduce(into: [:]) { $0[$1.category, default: 0] += 1 },
                  strikes: calls.reduce(0) { $0 + ($1.struckFrom == nil ? 0 : 1) })
    }

    /// The usage of a month only counted, with no calls listed (the invoicing pass over every account).
    public init(account: String, accountName: String, month: LocalMonth, asOf: Date, plan: Plan?,
                counts: [CallCategory: Int], strikes: Int) {
        self.init(account: account, accountName: accountName, month: month, asOf: asOf, plan: plan, calls: [],
                  counts: counts.filter { $0.value > 0 }, strikes: strikes)
    }

    private init(account: String, accountName: String, month: LocalMonth, asOf: Date, plan: Plan?, calls: [Call],
                 counts: [CallCategory: Int], strikes: Int) {
        (self.account, self.accountName, self.month, self.asOf, self.plan) = (account, accountName, month, asOf, plan)
        (self.calls, self.counts, self.strikes) = (calls, counts, strikes)
    }

    /// Whether the month is over as of `asOf`: its usage no longer changes.
    public var isClosed: Bool { asOf >= month.end }

    /// What the plan bills; with no plan, the messages taken (nothing is charged).
    public var billable: Set<CallCategory> { plan?.billable ?? Plan.defaultBillable }

    public func calls(_ category: CallCategory) -> [Call] { calls.filter { $0.category == category } }
    public func count(_ category: CallCategory) -> Int { counts[category] ?? 0 }

    public var billableCount: Int { counts.reduce(0) { $0 + (billable.contains($1.key) ? $1.value : 0) } }
    public var nonBillableCount: Int { counts.values.reduce(0, +) - billableCount }

    /// Billable calls past the plan's allowance (none without a plan).
    public var overage: Int { plan.map { max(0, billableCount - $0.callsIncluded) } ?? 0 }
    public var overageYen: Int { plan.map { overage * $0.extraCallYen } ?? 0 }
    /// The month's fee plus the overage.
    public var amountYen: Int { plan.map { $0.monthlyFeeYen + overageYen } ?? 0 }

    /// The month's calls as billed: each call's recorded category, or spam when `struck` names it.
    public static func tally(recorded: [(id: Int, at: Date, category: CallCategory)], struck: Set<Int>) -> [Call] {
        recorded.map { call in
            struck.contains(call.id) && call.category != .spam
                ? Call(id: call.id, at: call.at, category: .spam, struckFrom: call.category)
                : Call(id: call.id, at: call.at, category: call.category)
        }
    }
}
