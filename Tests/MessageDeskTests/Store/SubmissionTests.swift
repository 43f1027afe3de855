import Foundation
import Testing
@testable import MessageDesk

/// Request ids, fingerprints and the store's one-record-per-id rule, at the library's level.
@Suite struct SubmissionTests {
    @Test func sha256MatchesTheFIPSExamples() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func theFormsKeyIsAVersion4UUIDFromTheGivenRandomness() throws {
        var generator = SeededGenerator(seed: 42)
        let first = RequestID.random(using: &generator)
        var again = SeededGenerator(seed: 42)
        #expect(RequestID.random(using: &again) == first)
        #expect(first.text.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#,
                                 options: .regularExpression) != nil)
        #expect(try RequestID(first.text) == first)
        #expect(RequestID.random(using: &generator) != first)
    }

    @Test(arguments: ["a", "pbx-7781", "2026-11-20T10:15:00.123_line.3", String(repeating: "k", count: 128)])
    func keysWithinTheRulesAreAccepted(text: String) throws {
        #expect(try RequestID(text).text == text)
    }

    @Test(arguments: ["", String(repeating: "k", count: 129), "a b", "é", "a/b", "a\u{0}b", "キー"])
    func keysOutsideTheRulesAreRefused(text: String) {
        #expect(throws: InputError("a request id must be 1 to 128 characters of A-Z a-z 0-9 . _ : - (a UUID fits)")) {
            try RequestID(text)
        }
    }

    @Test func everyFieldOfTheRequestChangesItsFingerprint() {
        let base = message()
        let fingerprint = base.fingerprint(actor: "sato")
        #expect(base.fingerprint(actor: "sato") == fingerprint)
        var changed: [NewMessage] = []
        func with(_ change: (inout NewMessage) -> Void) { var copy = base; change(&copy); changed.append(copy) }
        with { $0.forHandle = "suzuki" }
        with { $0.callerName = "山田花子" }
        with { $0.phone = phone("03-1234-5679") }
        with { $0.company = nil }
        with { $0.body += "。" }
        with { $0.urgent = true }
        with { $0.wants = .info }
        with { $0.notBefore = at("2026-11-20T13:00:00+09:00") }
        with { $0.notAfter = at("2026-11-20T17:00:00+09:00") }
        with { $0.newContact = true }
        with { $0.operatorHandle = nil }
        with { $0.triedMobile = true }
        with { $0.buyer.decision = .alone }
        with { $0.buyer.proceed = .meeting }
        with { $0.buyer.orderTiming = .later }
        with { $0.buyer.otherVendors = .noOthers }
        with { $0.sensitive = true }
        let all = changed.map { $0.fingerprint(actor: "sato") } + [base.fingerprint(actor: "boss")]
        #expect(Set(all).count == all.count)
        #expect(!all.contains(fingerprint))
        // The window as typed stands for the resolved times: `+2h` retried later is the same request.
        var later = base
        later.notAfter = at("2026-11-20T12:00:00+09:00")
        #expect(later.fingerprint(actor: "sato", window: (nil, "+2h")) == base.fingerprint(actor: "sato", window: (nil, "+2h")))
        #expect(base.fingerprint(actor: "sato", window: (nil, "+2h")) != base.fingerprint(actor: "sato", window: (nil, "+3h")))
    }

    @Test func aRequestIDIsForgottenAfterItsRetention() throws {
        let now = at("2026-11-20T10:00:00+09:00")
        let store = try makeDesk(now: now)
        let receipt = { (taken: TakenMessage) in SubmissionReceipt(text: "call \(taken.callID)", json: "{}") }
        let old = Submission(id: try RequestID("old"), fingerprint: message().fingerprint(actor: "sato"))
        #expect(try store.takeMessage(message(), submission: old, actor: "sato", at: now, receipt: receipt).text == "call 1")
        let later = now.addingTimeInterval(Submission.retention + 1)
        let fresh = Submission(id: try RequestID("fresh"), fingerprint: message(phone: "03-9999-0000").fingerprint(actor: "sato"))
        _ = try store.takeMessage(message(phone: "03-9999-0000"), submission: fresh, actor: "sato", at: later, receipt: receipt)
        #expect(try store.database.scalarText("SELECT group_concat(request_id) FROM submissions") == "fresh")
        // The old id now names a new request; its call (1) and events stay.
        #expect(try store.takeMessage(message(), submission: old, actor: "sato", at: later, receipt: receipt).text == "call 3")
        #expect(try store.database.scalarInt("SELECT count(*) FROM calls") == 3)
    }

    @Test func aReceiptThatFailsSavesNothing() throws {
        struct Unprintable: Error {}
        let store = try makeDesk()
        let submission = Submission(id: try RequestID("k"), fingerprint: message().fingerprint(actor: "sato"))
        #expect(throws: DeskError.self) {
            try store.takeMessage(message(), submission: submission, actor: "sato", at: at("2026-11-20T10:00:00+09:00")) { _ in
                throw Unprintable()
            }
        }
        #expect(try store.database.scalarInt("SELECT (SELECT count(*) FROM calls) + (SELECT count(*) FROM submissions)") == 0)
    }
}
