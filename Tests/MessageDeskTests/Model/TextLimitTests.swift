import Foundation
import Testing
@testable import MessageDesk

/// Every text field people type has a documented limit, counted in Unicode scalars: at the limit it is stored,
/// one past it the change is refused (bad input) and nothing is stored.
@Suite struct TextLimitTests {
    let now = at("2026-11-24T10:00:00+09:00")

    /// `count` scalars of Japanese text (three UTF-8 bytes each).
    func text(_ count: Int) -> String {
        String(repeating: "あ", count: count)
    }

    func tooLong(_ what: String, _ count: Int, limit: Int) -> DeskError {
        DeskError(.badInput, "\(what) is \(count) characters long; the limit is \(limit): shorten it")
    }

    /// Everything the desk holds, to show that a refused change stored nothing.
    func contents(_ desk: DeskStore) throws -> [Int] {
        try ["events", "callers", "calls", "messages", "callbacks", "staff", "presence", "settings", "escalations",
             "notifications"].map { try count(desk, $0) }
    }

    /// Runs `change` with `limit + 1` scalars (refused with `error`, nothing stored), then with `limit` (stored).
    func expectLimit(_ desk: DeskStore, limit: Int, _ error: DeskError, sourceLocation: SourceLocation = #_sourceLocation,
                     _ change: (String) throws -> Void) throws {
        let before = try contents(desk)
        #expect(throws: error, sourceLocation: sourceLocation) { try change(text(limit + 1)) }
        #expect(try contents(desk) == before, sourceLocation: sourceLocation)
        try change(text(limit))
        #expect(try contents(desk) != before, sourceLocation: sourceLocation)
    }

    @Test func theWordsOfAMessageAndWhoSaidThem() throws {
        let desk = try makeDesk(now: now)
        var number = 0
        func take(_ new: NewMessage) throws {
            number += 1
            _ = try desk.takeMessage(new, actor: "sato", at: now)
        }
        func fresh() -> String { "03-1234-\(String(format: "%04d", number))" }
        try expectLimit(desk, limit: 4000, tooLong("the message", 4001, limit: 4000)) { body in
            try take(message(phone: fresh(), body: body))
        }
        #expect(try desk.database.scalarInt("SELECT max(length(body)) FROM messages") == 4000)
        try expectLimit(desk, limit: 200, tooLong("the caller's name", 201, limit: 200)) { name in
            var new = message(phone: fresh())
            new.callerName = name
            try take(new)
        }
        try expectLimit(desk, limit: 200, tooLong("the company", 201, limit: 200)) { company in
            var new = message(phone: fresh())
            new.company = company
            try take(new)
        }
    }

    @Test func notesAndReasonsOfCallbackChanges() throws {
        let desk = try makeDesk(now: now)
        var number = 0
        func open() throws -> Int {
            number += 1
            return try desk.takeMessage(message(phone: "03-1234-\(String(format: "%04d", number))"), actor: "sato", at: now)
                .callback.id
        }
        let attempted = try open(), done = try open(), cancelled = try open(), reassigned = try open(), escalated = try open()
        try expectLimit(desk, limit: 1000, tooLong("the attempt's note", 1001, limit: 1000)) { note in
            try desk.recordAttempt(attempted, note: note, actor: "tanaka", at: now)
        }
        try expectLimit(desk, limit: 1000, tooLong("the closing note", 1001, limit: 1000)) { note in
            try desk.complete(done, note: note, actor: "tanaka", at: now)
        }
        try expectLimit(desk, limit: 1000, tooLong("the reason", 1001, limit: 1000)) { reason in
            try desk.cancel(cancelled, reason: reason, actor: "tanaka", at: now)
        }
        try expectLimit(desk, limit: 1000, tooLong("the reason", 1001, limit: 1000)) { reason in
            try desk.reassign(reassigned, to: "sato", reason: reason, actor: "tanaka", at: now)
        }
        try expectLimit(desk, limit: 1000, tooLong("the reason", 1001, limit: 1000)) { reason in
            try desk.escalate(escalated, to: nil, reason: reason, actor: "sato", at: now)
        }
        #expect(try desk.database.scalarInt("SELECT max(length(closing_note)) FROM callbacks") == 1000)
        #expect(try desk.database.scalarInt("SELECT max(length(reason)) FROM events") == 1000)
    }

    @Test func staffNamesPresenceNotesAndSettings() throws {
        let desk = try makeDesk(now: now)
        var number = 0
        try expectLimit(desk, limit: 200, tooLong("the name", 201, limit: 200)) { name in
            number += 1
            try desk.addStaff(NewStaff(handle: "staff\(number)", displayName: name), actor: "boss", at: now)
        }
        try expectLimit(desk, limit: 200, tooLong("the name", 201, limit: 200)) { name in
            try desk.updateStaff("tanaka", displayName: name, actor: "boss", at: now)
        }
        try expectLimit(desk, limit: 1000, tooLong("the presence note", 1001, limit: 1000)) { note in
            try desk.setPresence("tanaka", status: .out, until: now.addingTimeInterval(3600), note: note, actor: "boss", at: now)
        }
        let keywords = String(repeating: "秘", count: 1001)
        let before = try contents(desk)
        #expect(throws: DeskError(.badInput, "sensitive_keywords: the value is 1001 characters long; the limit is 1000: shorten it")) {
            try desk.set(.sensitiveKeywords, to: keywords, actor: "boss", at: now)
        }
        #expect(try contents(desk) == before)
        try desk.set(.sensitiveKeywords, to: String(keywords.dropFirst()), actor: "boss", at: now)
        #expect(try desk.storedSettings()["sensitive_keywords"]?.unicodeScalars.count == 1000)
    }

    @Test func aLimitCountsUnicodeScalarsNotBytesOrGraphemes() throws {
        let desk = try makeDesk(now: now)
        // 200 scalars in 100 graphemes (e + combining acute): one scalar too many with one more mark.
        let name = String(repeating: "e\u{301}", count: 100)
        try desk.addStaff(NewStaff(handle: "accent", displayName: name), actor: "boss", at: now)
        #expect(throws: tooLong("the name", 201, limit: 200)) {
            try desk.addStaff(NewStaff(handle: "accent2", displayName: name + "\u{301}"), actor: "boss", at: now)
        }
    }
}
