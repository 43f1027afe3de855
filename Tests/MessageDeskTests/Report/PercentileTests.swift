import Testing
@testable import MessageDesk

@Suite struct PercentileTests {
    /// The worked example of the nearest-rank method: 15, 20, 35, 40, 50.
    @Test func nearestRankPicksTheValueAtTheCeilingRank() {
        let values = [50, 15, 40, 20, 35]  // unsorted on purpose
        #expect(Percentile.nearestRank(5, of: values) == 15)    // rank ⌈0.25⌉ = 1
        #expect(Percentile.nearestRank(30, of: values) == 20)   // rank ⌈1.5⌉ = 2
        #expect(Percentile.nearestRank(40, of: values) == 20)   // rank 2 exactly
        #expect(Percentile.nearestRank(50, of: values) == 35)   // rank ⌈2.5⌉ = 3
        #expect(Percentile.nearestRank(100, of: values) == 50)
    }

    @Test func theMedianOfAnEvenCountIsTheLowerMiddleValue() {
        #expect(Percentile.nearestRank(50, of: [10, 20, 30, 40]) == 20)
        #expect(Percentile.nearestRank(90, of: [10, 20]) == 20)
        #expect(Percentile.nearestRank(90, of: Array(1...10)) == 9)   // exactly rank 9, not 10
        #expect(Percentile.nearestRank(90, of: Array(1...11)) == 10)  // ⌈9.9⌉ = 10
    }

    @Test func noValuesHaveNoPercentile() {
        #expect(Percentile.nearestRank(50, of: [Double]()) == nil)
        #expect(Percentile.nearestRank(90, of: [42.0]) == 42.0)
    }
}
