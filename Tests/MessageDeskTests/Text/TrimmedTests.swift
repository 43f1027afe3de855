import Testing
@testable import MessageDesk

@Suite struct TrimmedTests {
    @Test func trimsUnicodeWhiteSpaceAndLineBreaksAtBothEndsOnly() {
        #expect("  田中\u{3000}一郎 \n".trimmed == "田中\u{3000}一郎")
        #expect("\u{3000}\t\r\n".trimmed == "")
        #expect("".trimmed == "")
        #expect("x".trimmed == "x")
        #expect(" \u{2028}e\u{301} ".trimmed == "e\u{301}")
        #expect(" a b "[...].trimmed == "a b")
    }
}
