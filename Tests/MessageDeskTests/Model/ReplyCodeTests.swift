import Foundation
import Testing
@testable import MessageDesk

/// Reply codes (issue 16): 40 bits from the random source given, always with a letter, read as people type them.
@Suite struct ReplyCodeTests {
    @Test func aSeededSourceGivesTheSameCodesAndEveryCodeIsEightCrockfordCharactersWithALetter() {
        var first = SeededGenerator(seed: 7), second = SeededGenerator(seed: 7)
        let codes = (0..<2000).map { _ in ReplyCode.random(using: &first) }
        #expect(codes == (0..<2000).map { _ in ReplyCode.random(using: &second) })
        for code in codes {
            #expect(code.text.count == 8 && code.text.allSatisfy { ReplyCode.alphabet.contains($0) } && code.text.contains { $0.isLetter })
        }
        // 40 bits: 2000 draws from 2⁴⁰ codes all differ (a repeat here would mean far fewer bits).
        #expect(Set(codes).count == codes.count)
    }

    @Test func aCodeIsReadInAnyCaseWithSeparatorsAndCrockfordsLookAlikes() {
        #expect(ReplyCode(reading: "k7qx-m2pd")?.text == "K7QXM2PD")
        #expect(ReplyCode(reading: "K7QX M2PD")?.text == "K7QXM2PD")
        #expect(ReplyCode(reading: "AOIL0000")?.text == "A0110000")
        // Digits only are a callback id, never a code; wrong lengths and letters outside the alphabet are not codes.
        #expect(ReplyCode(reading: "12345678") == nil)
        #expect(ReplyCode(reading: "K7QXM2P") == nil)
        #expect(ReplyCode(reading: "K7QXM2PDX") == nil)
        #expect(ReplyCode(reading: "K7QXM2PU") == nil)
    }

    @Test func aReplySaysWhatToDoInItsFirstWordAndCarriesTheCodeInItsBodyOrSubject() {
        let mail = """
            From: tanaka@example.jp
            Subject: Re: [MessageDesk] #1 message — K7QXM2PD

            done, called back
            > Reply "ack ABCD1234"
            """
        #expect(ReplyAct.read(reply: mail).act == .done)
        #expect(ReplyAct.read(reply: mail).code?.text == "K7QXM2PD")
        #expect(ReplyAct.read(reply: "了解 K7QXM2PD").act == .acknowledge)
        #expect(ReplyAct.read(reply: "対応済み。K7QXM2PD").act == .done)
        // An ordinary word of eight letters is not taken for a code; only one printed as the notification prints it.
        #expect(ReplyAct.read(reply: "ack tomorrow").code == nil)
        #expect(ReplyAct.read(reply: "thanks K7QXM2PD").act == nil)
    }
}
