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

    @Test func theDefaultCalendarListsTheYearEndClosureAndTheNationalHolidays() throws {
        let desk = try office()
        // 元日 is both a holiday and in 年末年始: the day's own name is shown.
        #expect(try desk.run(["calendar"]) == DeskResult(status: 0, stdout: """
            Calendar 2026 (Asia/Tokyo)
            Weekly hours: mon-fri 09:00-18:00, sat-sun closed
            Every year: closed 12-29..01-03 (年末年始)
            National holidays: closed
            DATE        DAY  HOURS   WHY
            2026-01-01  thu  closed  元日
            2026-01-02  fri  closed  年末年始
            2026-01-03  sat  closed  年末年始
            2026-01-12  mon  closed  成人の日
            2026-02-11  wed  closed  建国記念の日
            2026-02-23  mon  closed  天皇誕生日
            2026-03-20  fri  closed  春分の日
            2026-04-29  wed  closed  昭和の日
            2026-05-03  sun  closed  憲法記念日
            2026-05-04  mon  closed  みどりの日
            2026-05-05  tue  closed  こどもの日
            2026-05-06  wed  closed  振替休日
            2026-07-20  mon  closed  海の日
            2026-08-11  tue  closed  山の日
            2026-09-21  mon  closed  敬老の日
            2026-09-22  tue  closed  国民の休日
            2026-09-23  wed  closed  秋分の日
            2026-10-12  mon  closed  スポーツの日
            2026-11-03  tue  closed  文化の日
            2026-11-23  mon  closed  勤労感謝の日
            2026-12-29  tue  closed  年末年始
            2026-12-30  wed  closed  年末年始
            2026-12-31  thu  closed  年末年始

            """, stderr: ""))
        let json = try JSONValue.parse(try desk.run(["calendar", "--month", "2027-01", "--json"]).stdout)
        guard case .array(let days)? = json["days"] else { Issue.record("no days in \(json)"); return }
        #expect(days.count == 31)
        #expect(days.first == .object([("date", .string("2027-01-01")), ("weekday", .string("fri")), ("open", .bool(false)),
                                       ("hours", .null), ("closed_because", .string("holiday")), ("note", .null),
                                       ("holiday", .object([("name", .string("元日")), ("official", .bool(true))])),
                                       ("usual", .bool(false))]))
        #expect(days[1] == .object([("date", .string("2027-01-02")), ("weekday", .string("sat")), ("open", .bool(false)),
                                    ("hours", .null), ("closed_because", .string("closed")), ("note", .string("年末年始")),
                                    ("holiday", .null), ("usual", .bool(false))]))
        #expect(days[3] == .object([("date", .string("2027-01-04")), ("weekday", .string("mon")), ("open", .bool(true)),
                                    ("hours", .string("09:00-18:00")), ("closed_because", .null), ("note", .null),
                                    ("holiday", .null), ("usual", .bool(true))]))
        #expect(days[10]["closed_because"] == .string("holiday"))
        #expect(days[10]["holiday"]?["name"] == .string("成人の日"))
        #expect(json["year_end_closure"] == .string("12-29..01-03"))
        #expect(json["national_holidays"] == .string("on"))
        #expect(json["equinox_days"] == .object([("official", .bool(true)), ("published_on", .string("2026-02-02"))]))
    }

    @Test func theNationalHolidaysCanBeSwitchedOffOrOpenedOnOneByOne() throws {
        let desk = try office()
        let header = """
            Calendar 2026-11 (Asia/Tokyo)
            Weekly hours: mon-fri 09:00-18:00, sat-sun closed
            Every year: closed 12-29..01-03 (年末年始)

            """
        #expect(try desk.run(["calendar", "--month", "2026-11"]) == DeskResult(status: 0, stdout: header + """
            National holidays: closed
            DATE        DAY  HOURS   WHY
            2026-11-03  tue  closed  文化の日
            2026-11-23  mon  closed  勤労感謝の日

            """, stderr: ""))
        #expect(try desk.run(["calendar", "holidays", "off"]) == DeskResult(status: 0, stdout: "national_holidays = off\n", stderr: ""))
        #expect(try desk.run(["calendar", "--month", "2026-11"]) == DeskResult(status: 0, stdout: header + """
            National holidays: working days
            No closures or changed hours in 2026-11.

            """, stderr: ""))
        #expect(try desk.run(["calendar", "holidays", "on", "--json"])
                == DeskResult(status: 0, stdout: "{\n  \"national_holidays\": \"on\"\n}\n", stderr: ""))
        #expect(try desk.run(["calendar", "open", "2026-11-23"])
                == DeskResult(status: 0, stdout: "#1 open 2026-11-23 with its usual hours\n", stderr: ""))
        #expect(try desk.run(["calendar", "--month", "2026-11"]) == DeskResult(status: 0, stdout: header + """
            National holidays: closed
            DATE        DAY  HOURS        WHY
            2026-11-03  tue  closed       文化の日
            2026-11-23  mon  09:00-18:00  opened on 勤労感謝の日

            """, stderr: ""))
        let before = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(["calendar", "holidays", "maybe"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: national_holidays: 'maybe' is not on or off: national holidays close the office (on, the default) or are working days (off)\n"))
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
        #expect(try desk.sql("SELECT key, value FROM settings") == "national_holidays|on\n")
        #expect(try desk.sql("SELECT actor, subject, subject_id, kind, before, after FROM events WHERE subject = 'setting' ORDER BY id") == """
            boss|setting|0|setting.changed|{"key":"national_holidays","value":null}|{"key":"national_holidays","value":"off"}
            boss|setting|0|setting.changed|{"key":"national_holidays","value":"off"}|{"key":"national_holidays","value":"on"}
            boss|setting|1|calendar.added||{"kind":"open","days":"2026-11-23","hours":null,"note":null}

            """)
    }

    /// 2028's equinox days are published on 2027-02-01; on 2026-11-20 they are a forecast, 2027's are official.
    @Test func anEquinoxDayNotYetPublishedIsAForecast() throws {
        let desk = try office()
        #expect(try desk.run(["calendar", "--month", "2028-03"]) == DeskResult(status: 0, stdout: """
            Calendar 2028-03 (Asia/Tokyo)
            Weekly hours: mon-fri 09:00-18:00, sat-sun closed
            Every year: closed 12-29..01-03 (年末年始)
            National holidays: closed
            2028's 春分の日 and 秋分の日 are a forecast until the 官報 publishes them on 2027-02-01 (in February of the year before).
            DATE        DAY  HOURS   WHY
            2028-03-20  mon  closed  春分の日 (forecast)

            """, stderr: ""))
        #expect(try desk.run(["calendar", "--month", "2027-03"]) == DeskResult(status: 0, stdout: """
            Calendar 2027-03 (Asia/Tokyo)
            Weekly hours: mon-fri 09:00-18:00, sat-sun closed
            Every year: closed 12-29..01-03 (年末年始)
            National holidays: closed
            DATE        DAY  HOURS   WHY
            2027-03-21  sun  closed  春分の日
            2027-03-22  mon  closed  振替休日

            """, stderr: ""))
        let json = try JSONValue.parse(try desk.run(["calendar", "--year", "2028", "--json"]).stdout)
        #expect(json["equinox_days"] == .object([("official", .bool(false)), ("published_on", .string("2027-02-01"))]))
        guard case .array(let days)? = json["days"] else { Issue.record("no days in \(json)"); return }
        #expect(days[79]["holiday"] == .object([("name", .string("春分の日")), ("official", .bool(false))]))
        #expect(days[0]["holiday"] == .object([("name", .string("元日")), ("official", .bool(true))]))
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
            National holidays: closed
            DATE        DAY  HOURS   WHY
            2026-08-11  tue  closed  山の日
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
            National holidays: closed
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
        #expect(try desk.run(["calendar", "--year", "2100"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: --year: 2100 is outside the years whose national holidays are known: give a year from 1973 to 2099\n"))
        #expect(try desk.run(["calendar", "--month", "1972-12"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: --month: 1972 is outside the years whose national holidays are known: give a year from 1973 to 2099\n"))
        #expect(try desk.run(["calendar", "remove", "7"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: calendar entry #7 is not in force; `desk calendar entries` lists those that are\n"))
        #expect(try desk.sql("SELECT count(*) FROM events") == before)
        #expect(try desk.sql("SELECT count(*) FROM calendar_entries") == "0\n")
    }

    // MARK: - Everything that counts business time

    /// Days the office is closed after a working day, and how it is set up for them: the issue's cases.
    struct ClosedDays: Sendable, CustomTestStringConvertible {
        let testDescription: String
        /// `desk` commands run first.
        var setUp: [[String]] = []
        /// The last working day before the closed days.
        let lastDay: String
        /// Instants while the office is closed.
        let closed: [String]
        /// The day it reopens.
        let reopens: String

        static let all = [
            ClosedDays(testDescription: "年末年始", lastDay: "2026-12-28",
                       closed: ["2026-12-30T11:00:00+09:00", "2027-01-01T11:00:00+09:00"], reopens: "2027-01-04"),
            ClosedDays(testDescription: "元日 without the year-end closure", setUp: [["calendar", "year-end", "none"]],
                       lastDay: "2026-12-31", closed: ["2027-01-01T11:00:00+09:00", "2027-01-03T11:00:00+09:00"],
                       reopens: "2027-01-04"),
            ClosedDays(testDescription: "成人の日", lastDay: "2027-01-08",
                       closed: ["2027-01-09T11:00:00+09:00", "2027-01-11T11:00:00+09:00"], reopens: "2027-01-12"),
        ]
    }

    /// Taken after closing on Thursday 2026-12-31 or Friday 2027-01-08: due when the office reopens (shown with
    /// its year when that is another year).
    @Test(arguments: [(ClosedDays.all[0], "2026-12-31", "2027-01-04"), (ClosedDays.all[1], "2026-12-31", "2027-01-04"),
                      (ClosedDays.all[2], "2027-01-08", "01-12")])
    func aMessageTakenAfterHoursIsDueWhenTheOfficeReopens(_ days: ClosedDays, taken: String, shown: String) throws {
        var desk = try office()
        for command in days.setUp { try desk.ok(command) }
        desk.now = "\(taken)T19:00:00+09:00"
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678", "--message", "見積"])
                == DeskResult(status: 0, stdout: "saved: opened callback #1 for tanaka (田中一郎), due \(shown) 18:00\ntanaka is in the office\n",
                              stderr: ""))
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "佐々木", "--phone", "0312345679", "--message", "至急", "--urgent"])
                == DeskResult(status: 0, stdout: "saved: opened callback #2 for tanaka (田中一郎), due \(shown) 09:30\ntanaka is in the office\n",
                              stderr: ""))
        #expect(try desk.sql("SELECT id, due_at FROM callbacks ORDER BY id")
                == "1|\(days.reopens)T09:00:00Z\n2|\(days.reopens)T00:30:00Z\n")
    }

    @Test(arguments: ClosedDays.all)
    func aCallbackDueJustBeforeClosedDaysClimbsOnlyAfterThem(_ days: ClosedDays) throws {
        var desk = try office()
        for command in days.setUp { try desk.ok(command) }
        desk.now = "\(days.lastDay)T17:00:00+09:00"
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
        // No business hour passes while the office is closed: the overdue term starts when it reopens.
        // At 18:00 it is one business hour old (0.5); 元日 or 成人の日 adds nothing, as the whole closure does not.
        #expect(try priority(at: "\(days.lastDay)T18:00:00+09:00") == .number(0.5))
        for now in days.closed {
            #expect(try priority(at: now) == .number(0.5), "\(now)")
        }
        #expect(try priority(at: "\(days.reopens)T09:00:00+09:00") == .number(0.5))
        // One business hour overdue (3 × 1) and two business hours old (0.5 × 2).
        #expect(try priority(at: "\(days.reopens)T10:00:00+09:00") == .int(4))
    }

    @Test(arguments: ClosedDays.all)
    func aSweepWhileTheOfficeIsClosedSendsNothing(_ days: ClosedDays) throws {
        var desk = try office()
        for command in days.setUp { try desk.ok(command) }
        desk.now = "\(days.lastDay)T17:00:00+09:00"
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678", "--message", "見積"])
        desk.now = "\(days.lastDay)T18:30:00+09:00"
        // The re-notification counts wall-clock time (30 minutes by default), as a message reaches people at once.
        #expect(try desk.run(["sweep"]).stdout == """
            #1 overdue → tanaka (reminder): overdue by 0m of business time (step 1 of 2, round 1 of 3)
            #1 renotify → tanaka: not acknowledged 30m after message 1 was notified
            sweep at 18:30: 0 escalations, 1 reminder, 1 re-notification

            """)
        let before = try desk.sql("SELECT count(*) FROM events") + (try desk.sql("SELECT count(*) FROM notifications"))
        for now in days.closed + ["\(days.reopens)T09:59:00+09:00"] {
            desk.now = now
            #expect(try desk.run(["sweep"]) == DeskResult(
                status: 0, stdout: "sweep at \(now.dropFirst(11).prefix(5)): 0 escalations, 0 reminders\n", stderr: ""))
        }
        #expect(try desk.sql("SELECT count(*) FROM events") + (try desk.sql("SELECT count(*) FROM notifications")) == before)
        desk.now = "\(days.reopens)T10:00:00+09:00"
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
        desk.now = "2026-11-23T11:00:00+09:00"
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00  closed today: 勤労感謝の日")
        #expect(try desk.run(["report"]).stdout.split(separator: "\n").first
                == "Daily summary for Mon 2026-11-23 (Asia/Tokyo), the day so far, to 11:00; the office was closed (勤労感謝の日)")
        desk.now = "2026-11-21T11:00:00+09:00"
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00  closed today: sat")
        desk.now = "2026-11-20T11:00:00+09:00"
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00")
        try desk.ok(["calendar", "close", "2026-11-20", "--note", "棚卸し"])
        #expect(try desk.run(["board"]).stdout.split(separator: "\n").first == "11:00  closed today: 棚卸し")
    }
}
