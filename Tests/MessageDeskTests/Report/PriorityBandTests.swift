import Testing
@testable import MessageDesk

@Suite struct PriorityBandTests {
    @Test func bandsStartAtTenAndFiveAsListsShowTheScore() {
        #expect(PriorityBand(priority: 37.5) == .high)
        #expect(PriorityBand(priority: 10) == .high)
        #expect(PriorityBand(priority: 9.996) == .high)     // shown as 10.00
        #expect(PriorityBand(priority: 9.994) == .medium)   // shown as 9.99
        #expect(PriorityBand(priority: 5) == .medium)
        #expect(PriorityBand(priority: 4.99) == .low)
        #expect(PriorityBand(priority: 0) == .low)
    }
}
