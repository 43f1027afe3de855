import Testing
@testable import MessageDesk

@Test func placeholder() { #expect(Bool(true)) }
