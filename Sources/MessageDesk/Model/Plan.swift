/// An account's plan: what the client pays a month, for how many calls, and what a call past them costs.
/// Money is integer yen.
public struct Plan: Sendable, Equatable {
    public var monthlyFeeYen: Int
    public var callsIncluded: Int
    public var extraCallYen: Int
    /// The categories that count against the allowance and are billed past it.
    public var billable: Set<CallCategory>
    /// The strikes a month may have, as a percentage of the calls included.
    public var strikeCapPercent: Int

    public init(monthlyFeeYen: Int, callsIncluded: Int, extraCallYen: Int, billable: Set<CallCategory>,
                strikeCapPercent: Int) {
        self.monthlyFeeYen = monthlyFeeYen
        self.callsIncluded = callsIncluded
        self.extraCallYen = extraCallYen
        self.billable = billable
        self.strikeCapPercent = strikeCapPercent
    }

    /// The categories billed when a plan names none: the messages taken.
    public static let defaultBillable: Set<CallCategory> = [.message]

    /// How many calls of a month may be struck: the cap's share of the calls included, rounded down.
    public var strikeCap: Int { callsIncluded * strikeCapPercent / 100 }

    /// The billable categories in their fixed order.
    public var billableInOrder: [CallCategory] { billable.sorted() }
}
