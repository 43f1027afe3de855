import Foundation
import Testing
@testable import MessageDesk

/// Replaying a callback's events: an unknown state or buyer type in the log fails the replay (the report
/// would otherwise count the callback in the state it had before the damaged event).
@Suite struct CallbackSnapshotTests {
    func snapshot() -> CallbackSnapshot {
        CallbackSnapshot(owner: "tanaka", urgent: false, newContact: false, notBefore: nil, notAfter: nil,
                         dueAt: at("2026-11-20T18:00:00+09:00"), repeatCount: 0)
    }

    @Test func knownWordsAreApplied() throws {
        var callback = snapshot()
        try callback.apply(.object([("state", .string("done")), ("buyer_type", .string("type1"))]))
        #expect(callback.state == .done)
        #expect(callback.buyerType == .type1)
    }

    @Test(arguments: [("state", "finished"), ("buyer_type", "type3")])
    func anUnknownWordFailsTheReplay(field: String, word: String) {
        var callback = snapshot()
        #expect {
            try callback.apply(.object([(field, .string(word))]))
        } throws: { error in
            (error as? DeskError)?.message
                == "the database holds '\(word)' in events.after.\(field), which is not a value this desk knows; run `desk check`, or restore a backup"
        }
        #expect(callback.state == .open)
    }
}
