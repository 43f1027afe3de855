import Testing
@testable import MessageDesk

/// The buyer-type rule of `BuyerType.read`: every class of attribute combination, then all of them.
@Suite struct BuyerTypeTests {
    typealias A = BuyerAttributes

    @Test func noAttributesIsUnknownWithNoVotes() {
        let reading = BuyerType.read(A())
        #expect(reading == BuyerTypeReading(type: .unknown, score: 0, votes: []))
    }

    @Test func threeOrMoreOtherVendorsAloneMakesTypeOneAndNoneAloneTypeTwo() {
        #expect(BuyerType.read(A(otherVendors: .threeOrMore)) == BuyerTypeReading(
            type: .type1, score: 2, votes: [.init(attribute: "other_vendors", value: "many", points: 2)]))
        #expect(BuyerType.read(A(otherVendors: .noOthers)) == BuyerTypeReading(
            type: .type2, score: -2, votes: [.init(attribute: "other_vendors", value: "none", points: -2)]))
        #expect(BuyerType.read(A(otherVendors: .oneOrTwo)) == BuyerTypeReading(
            type: .unknown, score: 0, votes: [.init(attribute: "other_vendors", value: "some", points: 0)]))
    }

    @Test func anyOtherSingleAnswerIsNotEnough() {
        let singles: [(A, Int)] = [
            (A(decision: .alone), 1), (A(decision: .discretion), -1), (A(decision: .proposes), -1),
            (A(proceed: .messages), 1), (A(proceed: .meeting), -1),
            (A(orderTiming: .within3Months), 1), (A(orderTiming: .within6Months), 1), (A(orderTiming: .later), -1),
        ]
        for (attributes, points) in singles {
            let reading = BuyerType.read(attributes)
            #expect(reading.type == .unknown, "\(attributes)")
            #expect(reading.score == points, "\(attributes)")
            #expect(reading.votes.map(\.points) == [points], "\(attributes)")
        }
    }

    @Test func twoAgreeingAnswersDecide() {
        #expect(BuyerType.read(A(decision: .alone, proceed: .messages)).type == .type1)
        #expect(BuyerType.read(A(proceed: .messages, orderTiming: .within6Months)).type == .type1)
        #expect(BuyerType.read(A(decision: .proposes, orderTiming: .later)).type == .type2)
        #expect(BuyerType.read(A(decision: .discretion, proceed: .meeting)).type == .type2)
    }

    @Test func contradictionsLeaveTheTypeUnknown() {
        // +1 −1
        #expect(BuyerType.read(A(decision: .alone, proceed: .meeting)) == BuyerTypeReading(type: .unknown, score: 0, votes: [
            .init(attribute: "decision", value: "self", points: 1), .init(attribute: "proceed", value: "meeting", points: -1),
        ]))
        // Many vendors (+2) against one ② answer (−1): +1, unknown.
        #expect(BuyerType.read(A(decision: .proposes, otherVendors: .threeOrMore)).score == 1)
        #expect(BuyerType.read(A(decision: .proposes, otherVendors: .threeOrMore)).type == .unknown)
        // No other vendors (−2) against two ① answers (+2): 0, unknown.
        #expect(BuyerType.read(A(decision: .alone, proceed: .messages, otherVendors: .noOthers)).type == .unknown)
        // Two ① answers against one ②: +1, unknown.
        #expect(BuyerType.read(A(decision: .alone, proceed: .messages, orderTiming: .later)).type == .unknown)
    }

    @Test func allAnswersFromOneColumnMakeThatType() {
        let one = BuyerType.read(A(decision: .alone, proceed: .messages, orderTiming: .within3Months, otherVendors: .threeOrMore))
        #expect(one == BuyerTypeReading(type: .type1, score: 5, votes: [
            .init(attribute: "decision", value: "self", points: 1), .init(attribute: "proceed", value: "messages", points: 1),
            .init(attribute: "order_timing", value: "within_3_months", points: 1),
            .init(attribute: "other_vendors", value: "many", points: 2),
        ]))
        let two = BuyerType.read(A(decision: .proposes, proceed: .meeting, orderTiming: .later, otherVendors: .noOthers))
        #expect(two.type == .type2 && two.score == -5)
    }

    /// All 4 × 3 × 4 × 4 combinations (each attribute given or not): the score is the sum of the votes,
    /// the type follows the thresholds, and mirroring every answer to the other column mirrors the type.
    @Test func everyCombinationFollowsTheThresholdsAndIsSymmetric() {
        var seen = 0
        for decision in [nil] + A.Decision.allCases.map(Optional.some) {
            for proceed in [nil] + A.Proceed.allCases.map(Optional.some) {
                for timing in [nil] + A.OrderTiming.allCases.map(Optional.some) {
                    for vendors in [nil] + A.OtherVendors.allCases.map(Optional.some) {
                        let attributes = A(decision: decision, proceed: proceed, orderTiming: timing, otherVendors: vendors)
                        let reading = BuyerType.read(attributes)
                        #expect(reading.score == reading.votes.reduce(0) { $0 + $1.points })
                        let expected: BuyerType = reading.score >= 2 ? .type1 : reading.score <= -2 ? .type2 : .unknown
                        #expect(reading.type == expected)
                        #expect(reading.votes.count == [decision == nil, proceed == nil, timing == nil, vendors == nil]
                            .filter { !$0 }.count)
                        let mirrored = BuyerType.read(mirror(attributes))
                        #expect(mirrored.score == -reading.score, "\(attributes)")
                        seen += 1
                    }
                }
            }
        }
        #expect(seen == 192)
    }

    /// The same answers from the other column of the study (discretion and proposes both mirror self).
    func mirror(_ a: A) -> A {
        A(decision: a.decision.map { $0 == .alone ? .proposes : .alone },
          proceed: a.proceed.map { $0 == .messages ? .meeting : .messages },
          orderTiming: a.orderTiming.map { $0 == .later ? .within3Months : .later },
          otherVendors: a.otherVendors.map { $0 == .threeOrMore ? .noOthers : $0 == .noOthers ? .threeOrMore : .oneOrTwo })
    }

    @Test func theLatestWordOnEachAttributeWins() {
        let first = A(decision: .alone, proceed: .messages)
        let second = A(proceed: .meeting, otherVendors: .noOthers)
        #expect(A.latest([first, second]) == A(decision: .alone, proceed: .meeting, otherVendors: .noOthers))
        #expect(A.latest([]) == A())
        #expect(A().isEmpty && !first.isEmpty)
    }
}
