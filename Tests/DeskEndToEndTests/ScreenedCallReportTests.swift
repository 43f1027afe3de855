import Foundation
import Testing

/// Screened calls (issue 15): the daily report counts them by outcome for its account and day, and
/// `desk show --call ID` says what a call was. A day without screened calls reports exactly as before.
@Suite struct ScreenedCallReportTests {
    /// A message at 10:15, then a sales call, a silent call and a blocked number; the next day, a wrong number.
    static func dayWithScreenedCalls() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678", "--message", "見積の件", "--as", "sato"])
        try desk.ok(["account", "block", "default", "03-6666-0000", "--as", "boss"])
        desk.now = "2026-11-20T11:00:00+09:00"
        try desk.ok(["log", "--outcome", "sales", "--phone", "03-9999-0001", "--as", "sato"])
        try desk.ok(["log", "--outcome", "silent", "--as", "sato"])
        try desk.ok(["log", "--outcome", "test", "--phone", "03-6666-0000", "--as", "sato"])
        desk.now = "2026-11-24T10:00:00+09:00"
        try desk.ok(["log", "--outcome", "wrong-number", "--phone", "03-9999-0002", "--as", "sato"])
        return desk
    }

    @Test func theReportCountsTheDaysScreenedCallsByOutcome() throws {
        var desk = try Self.dayWithScreenedCalls()
        desk.now = "2026-11-25T09:00:00+09:00"
        let friday = try desk.ok(["report", "--date", "2026-11-20"]).stdout
        #expect(friday.contains("""
            time to callback: none done
            screened calls: 3 (sales 1, silent 1, blocked 1), no callback opened

            """))
        let json = try desk.ok(["report", "--date", "2026-11-20", "--json"]).stdout
        #expect(json.contains("""
              "screened_calls": {
                "sales": 1,
                "wrong_number": 0,
                "silent": 1,
                "spam": 0,
                "test": 0,
                "blocked": 1
              },
            """))
        #expect(try desk.ok(["report", "--date", "2026-11-24"]).stdout.contains("screened calls: 1 (wrong-number 1), no callback opened\n"))
        // A day with none reads as before: no line, no key.
        let monday = try desk.ok(["report", "--date", "2026-11-19", "--json"]).stdout
        #expect(!monday.contains("screened"))
    }

    /// Where a caller's calls are shown (`desk show` of their callback), the calls from their number that left no
    /// message are named too; another caller's screened calls, and a callback whose caller has none, add nothing.
    @Test func aCallbacksShowNamesTheScreenedCallsFromItsCallersNumber() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678", "--message", "見積の件", "--as", "sato"])
        desk.now = "2026-11-20T11:00:00+09:00"
        let before = try desk.ok(["show", "1"]).stdout
        let beforeJSON = try desk.ok(["show", "1", "--json"]).stdout
        try desk.ok(["log", "--outcome", "silent", "--as", "sato"])
        try desk.ok(["log", "--outcome", "sales", "--phone", "03-9999-0001", "--as", "sato"])
        #expect(try desk.ok(["show", "1"]).stdout == before)
        #expect(try desk.ok(["show", "1", "--json"]).stdout == beforeJSON)
        try desk.ok(["log", "--outcome", "wrong-number", "--phone", "03-1234-5678", "--as", "sato"])
        let shown = try desk.ok(["show", "1"]).stdout
        #expect(shown.contains("\nCalls:     1; attempts 0; escalation level 0\nScreened:  #4 wrong-number 11:00 (no message)\n"))
        #expect(shown.replacingOccurrences(of: "Screened:  #4 wrong-number 11:00 (no message)\n", with: "") == before)
        #expect(try desk.ok(["show", "1", "--json"]).stdout.contains("""
              "screened_calls": [
                {
                  "call_id": 4,
                  "outcome": "wrong_number",
                  "at": "2026-11-20T11:00:00+09:00"
                }
              ]
            """))
    }

    @Test func showOfACallSaysWhatItWas() throws {
        let desk = try Self.dayWithScreenedCalls()
        #expect(try desk.run(["show", "--call", "2"]) == DeskResult(status: 0, stdout: """
            call 2 — sales, 2026-11-20 11:00, from 03-9999-0001, taken by sato; no message, no callback

            """, stderr: ""))
        #expect(try desk.ok(["show", "--call", "3"]).stdout
                == "call 3 — silent, 2026-11-20 11:00, from a withheld number, taken by sato; no message, no callback\n")
        #expect(try desk.ok(["show", "--call", "4"]).stdout
                == "call 4 — blocked, 2026-11-20 11:00, from 03-6666-0000, taken by sato; no message, no callback\n")
        #expect(try desk.ok(["show", "--call", "1"]).stdout
                == "call 1 — message for tanaka, 2026-11-20 10:15, from 03-1234-5678, taken by sato; callback #1 (desk show 1)\n")
        #expect(try desk.run(["show", "--call", "2", "--json"]).stdout == """
            {
              "call_id": 2,
              "account": "default",
              "category": "sales",
              "at": "2026-11-20T11:00:00+09:00",
              "phone": "+81399990001",
              "operator": "sato",
              "for": null,
              "callback_id": null
            }

            """)
        #expect(try desk.run(["show", "--call", "9"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: no call 9 in account default; see `desk usage --month …` for its calls

            """))
    }
}
