import Testing
@testable import MessageDesk

/// What is kept of a gateway's output, and how it is shown.
@Suite struct GatewayOutputTests {
    func output(_ chunks: [[UInt8]]) -> GatewayOutput {
        var output = GatewayOutput()
        for chunk in chunks { chunk.withUnsafeBytes { output.append($0) } }
        return output
    }

    @Test func onlyTheFirstBytesAreKeptAndTheRestCounted() {
        let output = output([Array(repeating: UInt8(ascii: "a"), count: 3000), Array(repeating: UInt8(ascii: "b"), count: 3000)])
        #expect(output.kept.count == GatewayOutput.limit)
        #expect(output.total == 6000)
        #expect(output.dropped == 6000 - 4096)
        #expect(output.lines == [String(repeating: "a", count: 3000) + String(repeating: "b", count: 1096)])
    }

    @Test func aCharacterCutByTheCapIsLeftOutWhole() {
        // 4095 bytes of ASCII, then 田 (three bytes): only its first byte fits under the cap.
        let cut = output([Array(repeating: UInt8(ascii: "a"), count: 4095), Array("田".utf8)])
        #expect(cut.lines == [String(repeating: "a", count: 4095)])
        // 4093 bytes, then 田 fits whole and ends the kept bytes exactly.
        let whole = output([Array(repeating: UInt8(ascii: "a"), count: 4093), Array("田田".utf8)])
        #expect(whole.lines == [String(repeating: "a", count: 4093) + "田"])
    }

    @Test func linesAreMadeSafeAndTheFirstOneSaysWhy() {
        let output = output([Array("\n  \nrelay \u{1B}]0;owned\u{07} refused\r\nsecond\n".utf8)])
        #expect(output.lines == ["", "  ", "relay ␛]0;owned␇ refused␍", "second"])
        #expect(output.firstLine() == "relay ␛]0;owned␇ refused␍")
        #expect(self.output([Array(String(repeating: "é", count: 300).utf8)]).firstLine() == String(repeating: "é", count: 200) + "…")
        #expect(GatewayOutput().firstLine() == nil)
    }
}
