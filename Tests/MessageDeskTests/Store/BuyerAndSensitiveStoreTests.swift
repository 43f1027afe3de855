import Foundation
import Testing
@testable import MessageDesk

/// Buyer attributes and sensitivity as the store keeps them: on the message, and summed up on the callback.
@Suite struct BuyerAndSensitiveStoreTests {
    let now = at("2026-11-20T10:15:00+09:00")  // a Friday

    func buyer(_ attributes: BuyerAttributes, phone: String = "03-1234-5678", body: String = "見積の件") -> NewMessage {
        var new = message(phone: phone, body: body)
        new.buyer = attributes
        return new
    }

    @Test func aTypeOneBuyerIsDueInTwoBusinessHoursAndRanksHigher() throws {
        let desk = try makeDesk()
        let fast = try desk.takeMessage(buyer(BuyerAttributes(decision: .alone, otherVendors: .threeOrMore)), actor: "sato", at: now)
        #expect(fast.callback.buyerType == .type1)
        #expect(fast.callback.dueAt == at("2026-11-20T12:15:00+09:00"))
        #expect(desk.policy.priority.score(fast.callback, at: now) == 5)
        #expect(try desk.database.scalarText("SELECT decision || '|' || other_vendors || '|' || (proceed IS NULL) FROM messages")
                == "self|many|1")
        let opened = try #require(try desk.history(ofCallback: fast.callback.id).first { $0.kind == "callback.opened" })
        #expect(opened.after?["buyer_type"] == "type1")
        #expect(opened.after?["sensitive"] == nil)  // left out at its default
        let plain = try desk.takeMessage(message(phone: "03-0000-0001"), actor: "sato", at: now)
        let list = try desk.callbacks(CallbackFilter(), at: now)
        #expect(list.map(\.callback.id) == [fast.callback.id, plain.callback.id])
        let plainOpened = try #require(try desk.history(ofCallback: plain.callback.id).first { $0.kind == "callback.opened" })
        #expect(plainOpened.after?["buyer_type"] == nil)
    }

    @Test func aRepeatCallUpdatesTheTypeFromTheLatestAttributesWithAnEvent() throws {
        let desk = try makeDesk()
        // self + messages: type ①, due 12:15.
        let first = try desk.takeMessage(buyer(BuyerAttributes(decision: .alone, proceed: .messages)), actor: "sato", at: now)
        #expect(first.callback.buyerType == .type1)
        // Later the caller says: no other vendors, and they want to meet. Latest word: self, meeting, none → −2: type ②.
        let second = try desk.takeMessage(buyer(BuyerAttributes(proceed: .meeting, otherVendors: .noOthers)), actor: "sato",
                                          at: now.addingTimeInterval(1800))
        #expect(second.joined && second.callback.buyerType == .type2)
        // The due time only moves earlier: it stays 12:15.
        #expect(second.callback.dueAt == at("2026-11-20T12:15:00+09:00"))
        let join = try #require(try desk.history(ofCallback: first.callback.id).last)
        #expect(join.kind == "callback.joined")
        #expect(join.before?["buyer_type"] == "type1" && join.after?["buyer_type"] == "type2")
        // A call that says nothing about buying keeps the type.
        let third = try desk.takeMessage(message(), actor: "sato", at: now.addingTimeInterval(3600))
        #expect(third.callback.buyerType == .type2)
        #expect(BuyerType.read(BuyerAttributes.latest(try desk.messages(ofCallback: first.callback.id).map(\.buyer))).score == -2)
    }

    @Test func aRepeatCallThatRevealsTypeOneBringsTheDueTimeForward() throws {
        let desk = try makeDesk()
        let first = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(first.callback.dueAt == at("2026-11-20T18:00:00+09:00"))
        let second = try desk.takeMessage(buyer(BuyerAttributes(otherVendors: .threeOrMore)), actor: "sato",
                                          at: at("2026-11-20T11:00:00+09:00"))
        #expect(second.callback.buyerType == .type1 && second.callback.dueAt == at("2026-11-20T13:00:00+09:00"))
    }

    @Test func theOperatorOrAKeywordMarksAMessageSensitive() throws {
        let desk = try makeDesk()
        try desk.set(.sensitiveKeywords, to: " 給与, 人事，ソショウ、salary ,", actor: "boss", at: now)
        #expect(desk.policy.sensitivity.keywords == ["給与", "人事", "ソショウ", "salary"])
        #expect(try desk.storedSettings()["sensitive_keywords"] == "給与,人事,ソショウ,salary")
        let cases: [(String, Bool, Bool)] = [
            ("見積の件", false, false), ("見積の件", true, true), ("来月の給与について", false, true),
            ("ｿｼｮｳの件でご相談", false, true),  // half-width katakana matches the keyword ソショウ
            ("ＳＡＬＡＲＹ review", false, true),  // full-width upper case matches salary
            ("人 事", false, false),
        ]
        for (index, (body, marked, sensitive)) in cases.enumerated() {
            var new = message(phone: String(format: "03-0000-%04d", index), body: body)
            new.sensitive = marked
            let taken = try desk.takeMessage(new, actor: "sato", at: now)
            #expect(taken.callback.sensitive == sensitive, "\(body)")
            #expect(try desk.messages(ofCallback: taken.callback.id).map(\.sensitive) == [sensitive], "\(body)")
        }
    }

    @Test func aCallbackIsSensitiveWhenAnyOfItsMessagesIs() throws {
        let desk = try makeDesk()
        let first = try desk.takeMessage(message(), actor: "sato", at: now)
        var secret = message(body: "人事の件です")
        secret.sensitive = true
        let second = try desk.takeMessage(secret, actor: "sato", at: now)
        #expect(!first.callback.sensitive && second.callback.sensitive)
        let third = try desk.takeMessage(message(body: "普通の話"), actor: "sato", at: now)
        #expect(third.callback.sensitive)
        #expect(try desk.messages(ofCallback: first.callback.id).map(\.sensitive) == [false, true, false])
        let join = try #require(try desk.history(ofCallback: first.callback.id).first { $0.kind == "callback.joined" })
        #expect(join.before?["sensitive"] == false && join.after?["sensitive"] == true)
    }

    @Test func listsGetTheMarkerAndNullInsteadOfTheWords() throws {
        let desk = try makeDesk()
        var secret = message(body: "人事の件です")
        secret.sensitive = true
        let callback = try desk.takeMessage(secret, actor: "sato", at: now).callback
        #expect(ListedMessage.text(of: callback) == "(sensitive — see desk show \(callback.id))")
        #expect(ListedMessage.json(of: callback) == .null)
        let plain = try desk.takeMessage(message(phone: "03-0000-0001"), actor: "sato", at: now).callback
        #expect(ListedMessage.text(of: plain) == "見積の件で折り返しください")
        #expect(ListedMessage.json(of: plain) == "見積の件で折り返しください")
    }

    @Test func theEventLogNeverCopiesAMessagesWords() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .dayOff, until: at("2026-11-23T09:00:00+09:00"), actor: "boss", at: now)
        var secret = message(body: "極秘：給与改定の件")
        secret.sensitive = true
        secret.buyer = BuyerAttributes(otherVendors: .threeOrMore)
        let id = try desk.takeMessage(secret, actor: "sato", at: now).callback.id
        _ = try desk.takeMessage(message(body: "極秘の続き"), actor: "sato", at: now)
        try desk.reassignBack(id, reason: nil, actor: "tanaka", at: now)
        let log = try desk.allEvents().map { [$0.before?.rendered(), $0.after?.rendered(), $0.reason].compactMap { $0 }.joined() }
            .joined(separator: "\n")
        #expect(!log.contains("極秘"))
        #expect(!log.contains("給与"))
    }
}
