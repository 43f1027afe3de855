import Foundation
import MessageDesk
import Testing

/// `desk calendar` through the built binary, and the commands that count business time following it.
@Suite struct CalendarCommandTests {
    func office() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        desk.extraEnvironment["DESK_USER"] = "boss"
        return desk
    }

    @Test func theDefaultCalendarListsTheYearEndClosure() throws {
        let desk = try office()
        #expect(try desk.run(["calendar"]) == DeskResult(status: 0, stdout: """
            Calendar 2026 (Asia/Tokyo)
            Weekly hours: mon-fri 09:00-18:00, sat-sun closed
            Every year: closed 12-29..01-03 (年末年始)
            DATE        DAY  HOURS   WHY
            2026-01-01  thu  closed  年末年始
            2026-01-02  fri  closed  年末年始
            2026-01-03  sat  closed  年末年始
            2026-12-29  tue  closed  年末年始
            2026-12-30  wed  closed  年末年始
            2026-12-31  thu  closed  年末年始

            """, stderr: ""))
        let json = try JSONValue.parse(try desk.run(["calendar", "--month", "2027-01", "--json"]).stdout)
        guard case .array(let days)? = json["days"] else { Issue.record("no days in \(json)"); return }
        #expect(days.count == 31)
        #expect(days.first == .object([("date", .string("2027-01-01")), ("weekday", .string("fri")), ("open", .bool(false)),
                                       ("hours", .null), ("closed_because", .string("closed")), ("note", .string("年末年始")),
                                       ("usual", .bool(false))]))
        #expect(days[3] == .object([("date", .string("2027-01-04")), ("weekday", .string("mon")), ("open", .bool(true)),
                                    ("hours", .string("09:00-18:00")), ("closed_because", .null), ("note", .null),
                                    ("usual", .bool(true))]))
        #expect(json["year_end_closure"] == .string("12-29..01-03"))
    }

    @Test func eachChangeIsARowAndAnEvent() throws {
        let desk = try office()
        #expect(try desk.run(["calendar", "close", "2026-08-13..2026-08-16", "--note", "お盆"])
                == DeskResult(status: 0, stdout: "#1 closed 2026-08-13..2026-08-16 (お盆)\n", stderr: ""))
        #expect(try desk.run(["calendar", "open", "2026-11-23"])
                == DeskResult(status: 0, stdout: "#2 open 2026-11-23 with its usual hours\n", stderr: ""))
        #expect(try desk.run(["calendar", "hours", "2026-12-28", "09:00-12:00"])
                == DeskResult(status: 0, stdout: "#3 open 2026-12-28 09:00-12:00\n", stderr: ""))
        #expect(try desk.run(["calendar", "hours", "sat", "09:00-12:00"])
                == DeskResult(status: 0, stdout: "#4 sat 09:00-12:00\n", stderr: ""))
        #expect(try desk.run(["calendar", "entries"]) == DeskResult(status: 0, stdout: """
            ID  KIND     DAYS                    HOURS        NOTE
             1  closed   2026-08-13..2026-08-16               お盆
             2  open     2026-11-23              usual
             3  open     2026-12-28              09:00-12:00
             4  weekday  sat                     09:00-12:00

            """, stderr: ""))
        #expect(try desk.run(["calendar", "--month", "2026-08"]) == DeskResult(status: 0, stdout: """
            Calendar 2026-08 (Asia/Tokyo)
            Weekly hours: mon-fri 09:00-18:00, sat 09:00-12:00, sun closed
            Every year: closed 12-29..01-03 (年末年始)
            DATE        DAY  HOURS   WHY
            2026-08-13  thu  closed  お盆
            2026-08-14  fri  closed  お盆
            2026-08-15  sat  closed  お盆
            2026-08-16  sun  closed  お盆

            """, stderr: ""))
        #expect(try desk.run(["calendar", "remove", "1"])
                == DeskResult(status: 0, stdout: "removed #1: closed 2026-08-13..2026-08-16 (お盆)\n", stderr: ""))
        #expect(try desk.run(["calendar", "year-end", "12-28..01-04"])
                == DeskResult(status: 0, stdout: "year_end_closure = 12-28..01-04\n", stderr: ""))
        #expect(try desk.run(["calendar", "--month", "2026-12"]) == DeskResult(status: 0, stdout: """
            Calendar 2026-12 (Asia/Tokyo)
            Weekly hours: mon-fri 09:00-18:00, sat 09:00-12:00, sun closed
            Every year: closed 12-28..01-04 (年末年始)
            DATE        DAY  HOURS        WHY
            2026-12-28  mon  09:00-12:00  opened
            2026-12-29  tue  closed       年末年始
            2026-12-30  wed  closed       年末年始
            2026-12-31  thu  closed       年末年始

            """, stderr: ""))
        #expect(try desk.run(["calendar", "year-end", "none"])
                == DeskResult(status: 0, stdout: "year_end_closure = none\n", stderr: ""))
        #expect(try desk.sql("SELECT id, kind, first_day, last_day, weekday, opens, closes, note, removed_at IS NOT NULL FROM calendar_entries ORDER BY id") == """
            1|closed|2026-08-13|2026-08-16||||お盆|1
            2|open|2026-11-23|2026-11-23|||||0
            3|open|2026-12-28|2026-12-28||09:00|12:00||0
            4|weekday|||7|09:00|12:00||0

            """)
        #expect(try desk.sql("SELECT actor, subject, subject_id, kind, before, after FROM events WHERE subject = 'setting' ORDER BY id") == """
            boss|setting|1|calendar.added||{"kind":"closed","days":"2026-08-13..2026-08-16","hours":null,"note":"お盆"}
            boss|setting|2|calendar.added||{"kind":"open","days":"2026-11-23","hours":null,"note":null}
            boss|setting|3|calendar.added||{"kind":"open","days":"2026-12-28","hours":"09:00-12:00","note":null}
            boss|setting|4|calendar.added||{"kind":"weekday","days":"sat","hours":"09:00-12:00","note":null}
            boss|setting|1|calendar.removed|{"kind":"closed","days":"2026-08-13..2026-08-16","hours":null,"note":"お盆"}|
            boss|setting|0|setting.changed|{"key":"year_end_closure","value":null}|{"key":"year_end_closure","value":"12-28..01-04"}
            boss|setting|0|setting.changed|{"key":"year_end_closure","value":"12-28..01-04"}|{"key":"year_end_closure","value":"none"}

            """)
    }

    @Test func badInputIsOneLineAndExit65AndChangesNothing() throws {
        let desk = try office()
        let before = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["calendar", "close", "2026-02-30"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: days: '2026-02-30' is not a date that exists: use YYYY-MM-DD, e.g. 2026-08-13\n"))
        #expect(try desk.run(["calendar", "close", "2026-08-16..2026-08-13"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: days: '2026-08-16..2026-08-13' ends before it starts: give the first day first, e.g. 2026-08-13..2026-08-16\n"))
        #expect(try desk.run(["calendar", "hours", "sat", "12:00-09:00"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: hours: 12:00-09:00 ends before it starts: give the closing time after the opening time, e.g. 09:00-12:00\n"))
        #expect(try desk.run(["calendar", "hours", "2026-12-28", "closed"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: hours: closed is for weekdays; to close 2026-12-28 use `desk calendar close 2026-12-28`\n"))
        #expect(try desk.run(["calendar", "open", "2026-11-31"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: date: '2026-11-31' is not a date that exists: use YYYY-MM-DD, e.g. 2026-08-13\n"))
        #expect(try desk.run(["calendar", "--month", "2026-13"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: --month: '2026-13' is not a month: use YYYY-MM, e.g. 2026-08\n"))
        #expect(try desk.run(["calendar", "remove", "7"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: calendar entry #7 is not in force; `desk calendar entries` lists those that are\n"))
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
        #expect(try desk.sql("SELECT count(*) FROM calendar_entries") == "0\n")
    }

    // MARK: - Everything that counts business time

    @Test func aMessageTakenOnNewYearsEveIsDueWhenTheOfficeReopens() throws {
        var desk = try office()
        desk.now = "2026-12-31T19:00:00+09:00"
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678", "--message", "見積"])
                == DeskResult(status: 0, stdout: "saved: opened callback #1 for tanaka (田中一郎), due 2027-01-04 18:00\ntanaka is in the office\n",
                              stderr: ""))
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "佐々木", "--phone", "0312345679", "--message", "至急", "--urgent"])
                == DeskResult(status: 0, stdout: "saved: opened callback #2 for tanaka (田中一郎), due 2027-01-04 09:30\ntanaka is in the office\n",
                              stderr: ""))
        #expect(try desk.sql("SELECT id, due_at FROM callbacks ORDER BY id") == "1|2027-01-04T09:00:00Z\n2|2027-01-04T00:30:00Z\n")
    }

    @Test func aCallbackDueJustBeforeTheClosureClimbsOnlyAfterIt() throws {
        var desk = try office()
        desk.now = "2026-12-28T17:00:00+09:00"
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678", "--message", "見積"]).stdout
                == "saved: opened callback #1 for tanaka (田中一郎), due 18:00\ntanaka is in the office\n")
        func priority(at now: String) throws -> JSONValue? {
            var copy = desk
            copy.now = now
            let listed = try copy.run(["callbacks", "--json"])
            guard case .array(let rows) = try JSONValue.parse(listed.stdout) else {
                Issue.record("not a list: \(listed)")
                return nil
            }
            return rows.first?["priority"]
        }
        // No business hour passes during 年末年始: the overdue term starts when the office reopens.
        // At 18:00 it is one business hour old (0.5); 元日 adds nothing, as the whole closure does not.
        #expect(try priority(at: "2026-12-28T18:00:00+09:00") == .number(0.5))
        #expect(try priority(at: "2027-01-01T11:00:00+09:00") == .number(0.5))
        #expect(try priority(at: "2027-01-04T09:00:00+09:00") == .number(0.5))
        // One business hour overdue (3 × 1) and two business hours old (0.5 × 2).
        #expect(try priority(at: "2027-01-04T10:00:00+09:00") == .int(4))
    }

    @Test func aSweepDuringTheClosureSendsNothing() throws {
        var desk = try office()
        desk.now = "2026-12-28T17:00:00+09:00"
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678", "--message", "見積"])
        desk.now = "2026-12-28T18:30:00+09:00"
        #expect(try desk.run(["sweep"]).stdout == """
            #1 overdue → tanaka (reminder): overdue by 0m of business time (step 1 of 2, round 1 of 3)
            sweep at 18:30: 0 escalations, 1 reminder

            """)
        let before = try desk.sql("SELECT count(*) FROM events") + (try desk.sql("SELECT count(*) FROM notifications"))
        for now in ["2026-12-30T11:00:00+09:00", "2027-01-01T11:00:00+09:00", "2027-01-04T09:59:00+09:00"] {
            desk.now = now
            #expect(try desk.run(["sweep"]) == DeskResult(
                status: 0, stdout: "sweep at \(now.dropFirst(11).prefix(5)): 0 escalations, 0 reminders\n", stderr: ""))
        }
        #expect(try desk.sql("SELECT count(*) FROM events") + (try desk.sql("SELECT count(*) FROM notifications")) == before)
        desk.now = "2027-01-04T10:00:00+09:00"
        #expect(try desk.run(["sweep"]).stdout == """
            #1 overdue → boss (escalation): overdue by 1h of business time (step 2 of 2, round 1 of 3); boss is tanaka's escalation contact
            sweep at 10:00: 1 escalation, 0 reminders

            """)
    }

    @Test func theBoardAndTheReportSayTheOfficeIsClosed() throws {
        var desk = try office()
        desk.now = "2026-12-30T11:00:00+09:00"
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00  closed today: 年末年始")
        #expect(try desk.run(["report"]).stdout.split(separator: "\n").first
                == "Daily summary for Wed 2026-12-30 (Asia/Tokyo), the day so far, to 11:00; the office was closed (年末年始)")
        desk.now = "2026-11-21T11:00:00+09:00"
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00  closed today: sat")
        desk.now = "2026-11-20T11:00:00+09:00"
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00")
        try desk.ok(["calendar", "close", "2026-11-20", "--note", "棚卸し"])
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00  closed today: 棚卸し")
    }
}
