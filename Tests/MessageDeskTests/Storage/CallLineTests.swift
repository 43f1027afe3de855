import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// Migration 0010's rules hold whatever SQL writes the calls: a call comes in on a line of its caller's account,
/// a phone-system call id names one call within an account, and neither changes once recorded.
@Suite struct CallLineTests {
    let now = at("2026-11-20T10:15:00+09:00")

    @Test func theDatabaseRefusesAForeignLineARepeatedCallIDAndAChangedOne() throws {
        let desk = try makeDesk(now: now)
        try desk.addLine(phone("03-6000-0001"), to: "default", actor: "test", at: now)
        try desk.addAccount(NewAccount(code: "acme", name: "アクメ", greeting: "はい、アクメでございます", lines: [phone("03-5000-0001")]),
                            actor: "test", at: now)
        var first = message()
        first.line = phone("03-6000-0001")
        first.phoneCallID = "1700000000.42"
        _ = try desk.takeMessage(first, actor: "sato", at: now)
        let acmeLine = try #require(try desk.database.scalarInt("SELECT id FROM account_lines WHERE account_id = 2"))
        let insert = "INSERT INTO calls (at, caller_id, for_id, caller_name, tried_mobile, outcome, line_id, phone_call_id) VALUES ('2026-11-20T01:16:00Z', 1, (SELECT id FROM staff WHERE handle = 'tanaka'), 'x', 0, 'message_taken'"
        let refused = [
            "\(insert), \(acmeLine), NULL)",
            "\(insert), NULL, '1700000000.42')",
            "\(insert), NULL, 'with space')",
            "\(insert), NULL, '')",
            "UPDATE calls SET phone_call_id = 'other' WHERE id = 1",
            "UPDATE calls SET line_id = NULL WHERE id = 1",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try desk.database.execute(sql) }
        }
        #expect(try desk.database.scalarInt("SELECT count(*) FROM calls") == 1)
        // The store says so first, in words, and writes nothing.
        #expect(throws: DeskError.self) { try desk.takeMessage(first, actor: "sato", at: now) }
        var acme = message()
        acme.line = phone("03-5000-0001")
        #expect(throws: DeskError.self) { try desk.takeMessage(acme, actor: "sato", at: now) }
        #expect(try desk.database.scalarInt("SELECT count(*) FROM calls") == 1)
    }

    @Test func aRingingCallReadsTheLinesAccountAndWritesNothing() throws {
        let desk = try makeDesk(now: now)
        try desk.updateStaff("tanaka", mobile: phone("090-1111-2222"), actor: "boss", at: now)
        try desk.addLine(phone("03-6000-0001"), to: "default", actor: "test", at: now)
        let taken = try desk.takeMessage(message(), actor: "sato", at: now)
        let events = try desk.allEvents().count
        let call = try desk.incoming(line: phone("03-6000-0001"), callerPhone: taken.callback.caller.phone,
                                     diversion: phone("090-1111-2222"), phoneCallID: nil, at: now)
        #expect(call.account.code == "default")
        #expect(call.person?.handle == "tanaka")
        #expect(call.caller?.id == taken.callback.caller.id)
        #expect(call.callbacks.map(\.callback.id) == [taken.callback.id])
        #expect(try desk.allEvents().count == events)
        #expect(throws: DeskError.self) {
            try desk.incoming(line: phone("03-6000-0009"), callerPhone: nil, diversion: nil, phoneCallID: nil, at: now)
        }
    }
}
