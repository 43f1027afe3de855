/// What a B2B caller said about how they buy (the four attributes of the study in DESIGN.md), each
/// optional: an operator asks only when the call allows it.
public struct BuyerAttributes: Sendable, Equatable {
    /// Who decides: the caller alone, the caller with some discretion, or a superior they propose to.
    public enum Decision: String, Sendable, CaseIterable {
        case alone = "self"
        case discretion
        case proposes
    }

    /// How the caller wants to go on: by messages, or meeting to hear the details.
    public enum Proceed: String, Sendable, CaseIterable {
        case messages
        case meeting
    }

    /// When the caller plans to order.
    public enum OrderTiming: String, Sendable, CaseIterable {
        case within3Months = "within_3_months"
        case within6Months = "within_6_months"
        case later
    }

    /// Whether the caller is already talking to other vendors. (The stored words are `many`, `some`
    /// and `none`; the case names avoid `.none` and `.some`, which an optional would swallow.)
    public enum OtherVendors: String, Sendable, CaseIterable {
        case threeOrMore = "many"
        case oneOrTwo = "some"
        case noOthers = "none"
    }

    public var decision: Decision?
    public var proceed: Proceed?
    public var orderTiming: OrderTiming?
    public var otherVendors: OtherVendors?

    public init(decision: Decision? = nil, proceed: Proceed? = nil, orderTiming: OrderTiming? = nil,
                otherVendors: OtherVendors? = nil) {
        self.decision = decision
        self.proceed = proceed
        self.orderTiming = orderTiming
        self.otherVendors = otherVendors
    }

    /// True when the caller said nothing about how they buy.
    public var isEmpty: Bool {
        decision == nil && proceed == nil && orderTiming == nil && otherVendors == nil
    }

    /// These attributes brought up to date by a later call: what it said replaces, what it left out is kept.
    public func updated(by later: BuyerAttributes) -> BuyerAttributes {
        BuyerAttributes(decision: later.decision ?? decision, proceed: later.proceed ?? proceed,
                        orderTiming: later.orderTiming ?? orderTiming, otherVendors: later.otherVendors ?? otherVendors)
    }

    /// The attributes in force after a series of calls, oldest first: the latest word on each.
    public static func latest(_ series: [BuyerAttributes]) -> BuyerAttributes {
        series.reduce(BuyerAttributes()) { $0.updated(by: $1) }
    }
}
