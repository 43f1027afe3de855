/// The buyer type of the B2B study (DESIGN.md), read from what a caller said about how they buy.
///
/// The rule, `read(_:)`: every attribute the caller gave casts a vote. An answer from the study's
/// ① column counts +1, one from the ② column −1:
///
/// | attribute | +1 (①) | −1 (②) |
/// |---|---|---|
/// | decision | self | discretion, proposes |
/// | proceed | messages | meeting |
/// | order timing | within 3 months, within 6 months | later |
///
/// "Other vendors" is the attribute the types are named after, so it counts double: 3 or more other
/// vendors +2, none −2, one or two 0 (in neither column). A total of +2 or more is type ①, −2 or
/// less type ②, anything between is unknown. So "3 or more other vendors" alone makes a type ①
/// and "none" alone a type ②; any other single answer is not enough, two that agree are, and
/// answers that contradict each other leave the type unknown rather than guess.
extension BuyerType {
    /// The least total that makes a type ① (and, negated, the most that makes a type ②).
    public static let threshold = 2

    /// The type these attributes point to, with each attribute's vote.
    public static func read(_ attributes: BuyerAttributes) -> BuyerTypeReading {
        var votes: [BuyerTypeReading.Vote] = []
        if let decision = attributes.decision {
            votes.append(.init(attribute: "decision", value: decision.rawValue, points: decision == .alone ? 1 : -1))
        }
        if let proceed = attributes.proceed {
            votes.append(.init(attribute: "proceed", value: proceed.rawValue, points: proceed == .messages ? 1 : -1))
        }
        if let timing = attributes.orderTiming {
            votes.append(.init(attribute: "order_timing", value: timing.rawValue, points: timing == .later ? -1 : 1))
        }
        if let vendors = attributes.otherVendors {
            let points = switch vendors {
            case .threeOrMore: 2
            case .oneOrTwo: 0
            case .noOthers: -2
            }
            votes.append(.init(attribute: "other_vendors", value: vendors.rawValue, points: points))
        }
        let score = votes.reduce(0) { $0 + $1.points }
        let type: BuyerType = score >= threshold ? .type1 : score <= -threshold ? .type2 : .unknown
        return BuyerTypeReading(type: type, score: score, votes: votes)
    }
}

/// A buyer type and why: each attribute's vote and their total, for `desk show`.
public struct BuyerTypeReading: Sendable, Equatable {
    /// One attribute's say: positive points towards ①, negative towards ②, zero for neither.
    public struct Vote: Sendable, Equatable {
        /// The attribute's stable name: `decision`, `proceed`, `order_timing`, `other_vendors`.
        public let attribute: String
        /// The answer as stored: `self`, `meeting`, `within_3_months`, `many`, …
        public let value: String
        public let points: Int
    }

    public let type: BuyerType
    /// The sum of the votes.
    public let score: Int
    /// The attributes given, in the order of the study's table; those not given have no vote.
    public let votes: [Vote]
}
