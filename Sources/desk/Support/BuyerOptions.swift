import ArgumentParser
import MessageDesk

extension BuyerAttributes.Decision: ExpressibleByArgument {}
extension BuyerAttributes.Proceed: ExpressibleByArgument {}
extension BuyerAttributes.OtherVendors: ExpressibleByArgument {}

/// When the caller plans to order, as typed on the command line (short words an operator types fast).
enum OrderWithinArgument: String, ExpressibleByArgument, CaseIterable {
    case threeMonths = "3m"
    case sixMonths = "6m"
    case later

    var timing: BuyerAttributes.OrderTiming {
        switch self {
        case .threeMonths: .within3Months
        case .sixMonths: .within6Months
        case .later: .later
        }
    }
}

/// The buyer attributes of the B2B study, each optional: what the caller said about how they buy.
struct BuyerOptions: ParsableArguments {
    @Option(help: "Who decides: self, discretion (has some) or proposes (to a superior).")
    var decision: BuyerAttributes.Decision?

    @Option(help: "How the caller wants to go on: messages, or meeting to hear the details.")
    var proceed: BuyerAttributes.Proceed?

    @Option(name: .customLong("order-within"), help: "When the caller plans to order: 3m, 6m or later.")
    var orderWithin: OrderWithinArgument?

    @Option(help: "Other vendors the caller is considering: many (3 or more), some or none.")
    var vendors: BuyerAttributes.OtherVendors?

    var attributes: BuyerAttributes {
        BuyerAttributes(decision: decision, proceed: proceed, orderTiming: orderWithin?.timing, otherVendors: vendors)
    }
}
