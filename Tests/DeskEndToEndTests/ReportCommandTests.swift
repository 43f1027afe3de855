import Foundation
import Testing

/// `desk report` through the built binary, on a day built with `desk` itself while DESK_NOW moves
/// through it: Friday 2026-11-20, with a Thursday before it and a Saturday after it that must not count.
@Suite struct ReportCommandTests {
    /// The fixture. Ids are given in the order the callbacks open; every time is Tokyo time.
    ///
    /// Thursday 11-19 (must not count as Friday's, except what is still open on Friday):
    /// - 16:00  #1 高橋 (東都建設) for tanaka, due 18:00 Thu.
    /// - 17:00  #2 伊藤 for suzuki; 17:30 suzuki closes it.
    /// - 23:59  高橋 calls again for tanaka: joins #1 (×2); its due time stays 18:00 Thu.
    ///
    /// Friday 11-20:
    /// - 09:10  #3 山田太郎 (ＡＢＣ商事) for tanaka, by 11:00.
    /// - 09:40  山田太郎 again, urgent: joins #3, due moves to 10:10 (urgent: 30 minutes).
    /// - 10:00  tanaka acknowledges #3; 10:05 closes it — within the window (10:05 ≤ 10:10), 55 min after opening.
    /// - 10:30  #4 佐々木 for suzuki, due 18:00.
    /// - 11:00  #5 中村 for suzuki, by 12:00; 13:00 suzuki closes it — late, 120 min.
    /// - 14:00  suzuki closes #4 — within (≤ 18:00), 210 min.
    /// - 14:30  #6 小林 for tanaka (wants information); 15:00 cancelled.
    /// - 15:00  #7 松本 (松本工業) for suzuki, by 16:00; left open.
    /// - 16:00  sato escalates #1 by hand: tanaka → boss (tanaka's escalation contact).
    /// - 17:00  #8 加藤 for tanaka, urgent: due 17:30; left open.
    /// - 17:30  #9 吉田 (吉田商店, new contact) for suzuki, by Monday 12:00; 17:45 suzuki acknowledges it.
    ///
    /// Saturday 11-21, 00:00:00 exactly: 吉田 calls again as 吉田一郎, urgent — joins #9 (×2, urgent), after Friday's end.
    func friday() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        func at(_ time: String, _ arguments: String...) throws {
            desk.now = time + "+09:00"
            try desk.ok(arguments)
        }
        desk.now = "2026-11-19T09:00:00+09:00"
        try desk.setUpOffice()
        desk.extraEnvironment["DESK_USER"] = "sato"  // the operator, unless --as says otherwise
        try at("2026-11-19T16:00:00", "log", "--for", "tanaka", "--caller", "高橋", "--company", "東都建設",
               "--phone", "045-987-6543", "--message", "納期の確認")
        try at("2026-11-19T17:00:00", "log", "--for", "suzuki", "--caller", "伊藤", "--phone", "03-1111-0001", "--message", "資料")
        try at("2026-11-19T17:30:00", "done", "2", "--as", "suzuki")
        try at("2026-11-19T23:59:00", "log", "--for", "tanaka", "--caller", "高橋", "--phone", "045-987-6543", "--message", "まだですか")

        try at("2026-11-20T09:10:00", "log", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事",
               "--phone", "03-1234-5678", "--message", "見積りの件", "--by", "11:00")
        try at("2026-11-20T09:40:00", "log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
               "--message", "至急お願いします", "--urgent")
        try at("2026-11-20T10:00:00", "ack", "3", "--as", "tanaka")
        try at("2026-11-20T10:05:00", "done", "3", "--as", "tanaka", "--note", "見積り送付で合意")
        try at("2026-11-20T10:30:00", "log", "--for", "suzuki", "--caller", "佐々木", "--phone", "03-2222-0001", "--message", "ご相談")
        try at("2026-11-20T11:00:00", "log", "--for", "suzuki", "--caller", "中村", "--phone", "03-2222-0002",
               "--message", "請求書の件", "--by", "12:00")
        try at("2026-11-20T13:00:00", "done", "5", "--as", "suzuki")
        try at("2026-11-20T14:00:00", "done", "4", "--as", "suzuki")
        try at("2026-11-20T14:30:00", "log", "--for", "tanaka", "--caller", "小林", "--phone", "03-2222-0003",
               "--message", "カタログ希望", "--wants", "info")
        try at("2026-11-20T15:00:00", "log", "--for", "suzuki", "--caller", "松本", "--company", "松本工業",
               "--phone", "03-2222-0004", "--message", "打合せ日程", "--by", "16:00")
        try at("2026-11-20T15:00:00", "cancel", "6", "--reason", "メールで送付済み")
        try at("2026-11-20T16:00:00", "escalate", "1", "--reason", "前日から未対応")
        try at("2026-11-20T17:00:00", "log", "--for", "tanaka", "--caller", "加藤", "--phone", "090-5555-0001",
               "--message", "至急連絡を", "--urgent")
        try at("2026-11-20T17:30:00", "log", "--for", "suzuki", "--caller", "吉田", "--company", "吉田商店",
               "--phone", "03-2222-0005", "--message", "新規の問い合わせ", "--by", "2026-11-23 12:00", "--new-contact")
        try at("2026-11-20T17:45:00", "ack", "9", "--as", "suzuki")

        try at("2026-11-21T00:00:00", "log", "--for", "suzuki", "--caller", "吉田一郎", "--phone", "03-2222-0005",
               "--message", "再度", "--urgent")
        return desk
    }

    /// Friday's figures, worked out by hand from the fixture:
    ///
    /// - calls (by whom they were for): tanaka 09:10, 09:40, 14:30, 17:00 = 4; suzuki 10:30, 11:00, 15:00, 17:30 = 4;
    ///   office 8 (Thursday's three calls and Saturday's 00:00:00 call are outside the day).
    /// - opened: tanaka #3 #6 #8 = 3; suzuki #4 #5 #7 #9 = 4; office 7 (#1 and #2 opened on Thursday).
    /// - done: tanaka #3 (in window); suzuki #5 (late) and #4 (in window); office 3, 2 in window (0.67).
    /// - cancelled: tanaka #6. Escalations: one, counted for tanaka (#1 was escalated away from him).
    /// - time to callback: tanaka [55] → 55 / 55; suzuki [120, 210] → median rank ⌈1⌉ = 120, p90 rank ⌈1.8⌉ = 210;
    ///   office [55, 120, 210] → median rank ⌈1.5⌉ = 120, p90 rank ⌈2.7⌉ = 210.
    /// - open at the end, with priority at midnight (= at 18:00: no business time after closing):
    ///   - #1 boss, due Thu 18:00: 9 business hours overdue × 3 = 27, age 11h × 0.5 capped at 4,
    ///     one repeat call 3, escalation level 1 × 2 → 36 (high), overdue.
    ///   - #8 tanaka, urgent 8 + 0.5h overdue × 3 = 1.5 + 1h old × 0.5 = 0.5 → 10 (high, from exactly 10), overdue.
    ///   - #7 suzuki, 2h overdue × 3 = 6 + 3h old × 0.5 = 1.5 → 7.5 (medium), overdue.
    ///   - #9 suzuki, acknowledged, new contact 2 + 0.5h old × 0.5 = 0.25 → 2.25 (low), due Monday: not overdue.
    ///     Saturday's join (urgent, ×2, another name) is after the end and changes none of it.
    ///   Office: 4 open, 3 overdue; high 2, medium 1, low 1.
    /// - sato, an operator with nothing that day, is not listed.
    static let fridayJSON = """
        {
          "date": "2026-11-20",
          "time_zone": "Asia/Tokyo",
          "start": "2026-11-20T00:00:00+09:00",
          "end": "2026-11-21T00:00:00+09:00",
          "as_of": "2026-11-21T00:00:00+09:00",
          "complete": true,
          "office": {
            "calls_taken": 8,
            "callbacks_opened": 7,
            "done": 3,
            "done_within_window": 2,
            "share_done_within_window": 0.67,
            "cancelled": 1,
            "open_at_end": 4,
            "overdue_at_end": 3,
            "open_by_priority": {
              "high": 2,
              "medium": 1,
              "low": 1
            },
            "escalations": 1,
            "median_minutes_to_callback": 120,
            "p90_minutes_to_callback": 210
          },
          "people": [
            {
              "handle": "boss",
              "name": "部長",
              "calls_taken": 0,
              "callbacks_opened": 0,
              "done": 0,
              "done_within_window": 0,
              "share_done_within_window": null,
              "cancelled": 0,
              "open_at_end": 1,
              "overdue_at_end": 1,
              "open_by_priority": {
                "high": 1,
                "medium": 0,
                "low": 0
              },
              "escalations": 0,
              "median_minutes_to_callback": null,
              "p90_minutes_to_callback": null,
              "open_callbacks": [
                {
                  "id": 1,
                  "caller": "高橋",
                  "company": "東都建設",
                  "state": "open",
                  "urgent": false,
                  "due_at": "2026-11-19T18:00:00+09:00",
                  "overdue": true,
                  "repeat_count": 1,
                  "priority": 36,
                  "priority_band": "high"
                }
              ]
            },
            {
              "handle": "suzuki",
              "name": "鈴木花子",
              "calls_taken": 4,
              "callbacks_opened": 4,
              "done": 2,
              "done_within_window": 1,
              "share_done_within_window": 0.5,
              "cancelled": 0,
              "open_at_end": 2,
              "overdue_at_end": 1,
              "open_by_priority": {
                "high": 0,
                "medium": 1,
                "low": 1
              },
              "escalations": 0,
              "median_minutes_to_callback": 120,
              "p90_minutes_to_callback": 210,
              "open_callbacks": [
                {
                  "id": 7,
                  "caller": "松本",
                  "company": "松本工業",
                  "state": "open",
                  "urgent": false,
                  "due_at": "2026-11-20T16:00:00+09:00",
                  "overdue": true,
                  "repeat_count": 0,
                  "priority": 7.5,
                  "priority_band": "medium"
                },
                {
                  "id": 9,
                  "caller": "吉田",
                  "company": "吉田商店",
                  "state": "acknowledged",
                  "urgent": false,
                  "due_at": "2026-11-23T12:00:00+09:00",
                  "overdue": false,
                  "repeat_count": 0,
                  "priority": 2.25,
                  "priority_band": "low"
                }
              ]
            },
            {
              "handle": "tanaka",
              "name": "田中一郎",
              "calls_taken": 4,
              "callbacks_opened": 3,
              "done": 1,
              "done_within_window": 1,
              "share_done_within_window": 1,
              "cancelled": 1,
              "open_at_end": 1,
              "overdue_at_end": 1,
              "open_by_priority": {
                "high": 1,
                "medium": 0,
                "low": 0
              },
              "escalations": 1,
              "median_minutes_to_callback": 55,
              "p90_minutes_to_callback": 55,
              "open_callbacks": [
                {
                  "id": 8,
                  "caller": "加藤",
                  "company": null,
                  "state": "open",
                  "urgent": true,
                  "due_at": "2026-11-20T17:30:00+09:00",
                  "overdue": true,
                  "repeat_count": 0,
                  "priority": 10,
                  "priority_band": "high"
                }
              ]
            }
          ]
        }

        """

    @Test func fridaysFiguresAreThoseWorkedOutByHand() throws {
        var desk = try friday()
        desk.now = "2026-11-21T00:00:00+09:00"
        #expect(try desk.run(["report", "--date", "2026-11-20", "--json"]) == DeskResult(status: 0, stdout: Self.fridayJSON, stderr: ""))
        #expect(try desk.run(["report", "--date", "yesterday", "--csv"]).stdout == """
            date,scope,handle,name,calls_taken,callbacks_opened,done,done_within_window,share_done_within_window,cancelled,open_at_end,overdue_at_end,open_high,open_medium,open_low,escalations,median_minutes_to_callback,p90_minutes_to_callback\r
            2026-11-20,office,,,8,7,3,2,0.67,1,4,3,2,1,1,1,120,210\r
            2026-11-20,person,boss,部長,0,0,0,0,,0,1,1,1,0,0,0,,\r
            2026-11-20,person,suzuki,鈴木花子,4,4,2,1,0.5,0,2,1,0,1,1,0,120,210\r
            2026-11-20,person,tanaka,田中一郎,4,3,1,1,1,1,1,1,1,0,0,1,55,55\r

            """)
    }

    /// What the manager reads at 18:30 on Friday: the day so far, the same figures as the whole day
    /// (nothing happens after 18:30, and no business time passes after 18:00).
    @Test func theManagerReadsTheDaySoFarAtHalfPastSix() throws {
        var desk = try friday()
        desk.now = "2026-11-20T18:30:00+09:00"
        let result = try desk.run(["report"])
        #expect(result.status == 0 && result.stderr == "")
        #expect(result.stdout == """
            Daily summary for Fri 2026-11-20 (Asia/Tokyo), the day so far, to 18:30

            Office
            CALLS  OPENED  DONE  IN WINDOW  CANCELLED  OPEN  OVERDUE  ESCALATED
                8       7     3    2 (67%)          1     4        3          1
            open by priority: high 2, medium 1, low 1
            time to callback: median 2h, 90th percentile 3h 30m

            boss (部長)
            CALLS  OPENED  DONE  IN WINDOW  CANCELLED  OPEN  OVERDUE  ESCALATED
                0       0     0          -          0     1        1          0
            open by priority: high 1, medium 0, low 0
            time to callback: none done
            ID    PRI  BAND  DUE          STATE            CALLER  COMPANY
             1  36.00  high  11-19 18:00  open overdue ×2  高橋    東都建設

            suzuki (鈴木花子)
            CALLS  OPENED  DONE  IN WINDOW  CANCELLED  OPEN  OVERDUE  ESCALATED
                4       4     2    1 (50%)          0     2        1          0
            open by priority: high 0, medium 1, low 1
            time to callback: median 2h, 90th percentile 3h 30m
            ID   PRI  BAND    DUE          STATE         CALLER  COMPANY
             7  7.50  medium  16:00        open overdue  松本    松本工業
             9  2.25  low     11-23 12:00  ack           吉田    吉田商店

            tanaka (田中一郎)
            CALLS  OPENED  DONE  IN WINDOW  CANCELLED  OPEN  OVERDUE  ESCALATED
                4       3     1   1 (100%)          1     1        1          1
            open by priority: high 1, medium 0, low 0
            time to callback: median 55m, 90th percentile 55m
            ID    PRI  BAND  DUE    STATE                CALLER  COMPANY
             8  10.00  high  17:30  open urgent overdue  加藤

            """)
        // No message words anywhere: the report goes to managers, and messages may be sensitive.
        for words in ["見積り", "至急お願いします", "打合せ日程", "新規の問い合わせ", "至急連絡を"] {
            #expect(!result.stdout.contains(words))
            #expect(try !desk.run(["report", "--json"]).stdout.contains(words))
        }
    }

    @Test func aPastDayIsUnchangedByLaterActivity() throws {
        var desk = try friday()
        desk.now = "2026-11-21T00:00:00+09:00"
        let json = try desk.run(["report", "--date", "2026-11-20", "--json"]).stdout
        let text = try desk.run(["report", "--date", "2026-11-20"]).stdout
        // Saturday: a new callback for tanaka, #8 and #1 closed, #7 reassigned and escalated, the
        // overdue coefficient changed — all after Friday ended.
        for (time, arguments) in [
            ("2026-11-21T10:00:00+09:00", ["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678", "--message", "別件"]),
            ("2026-11-21T10:30:00+09:00", ["done", "8", "--as", "tanaka"]),
            ("2026-11-21T11:00:00+09:00", ["done", "1", "--as", "boss"]),
            ("2026-11-21T11:10:00+09:00", ["reassign", "7", "--to", "tanaka"]),
            ("2026-11-21T11:20:00+09:00", ["escalate", "7", "--reason", "週明けまで待てない"]),
            ("2026-11-21T11:30:00+09:00", ["config", "set", "priority.overdue_per_hour", "5"]),
        ] {
            desk.now = time
            try desk.ok(arguments)
        }
        desk.now = "2026-11-21T12:00:00+09:00"
        #expect(try desk.run(["report", "--date", "yesterday", "--json"]).stdout == json)
        #expect(try desk.run(["report", "--date", "2026-11-20"]).stdout == text)
        #expect(json == Self.fridayJSON)
        // Saturday so far: 吉田一郎's 00:00:00 call and 山田太郎's; #8 and #1 done; #7's escalation is tanaka's.
        #expect(try desk.run(["report", "--csv"]).stdout == """
            date,scope,handle,name,calls_taken,callbacks_opened,done,done_within_window,share_done_within_window,cancelled,open_at_end,overdue_at_end,open_high,open_medium,open_low,escalations,median_minutes_to_callback,p90_minutes_to_callback\r
            2026-11-21,office,,,2,1,2,0,0,0,3,1,2,0,1,1,1050,2580\r
            2026-11-21,person,boss,部長,0,0,1,0,0,0,1,1,1,0,0,0,2580,2580\r
            2026-11-21,person,suzuki,鈴木花子,1,0,0,0,,0,1,0,1,0,0,0,,\r
            2026-11-21,person,tanaka,田中一郎,1,1,1,0,0,0,1,0,0,0,1,1,1050,1050\r

            """)
    }

    @Test func badDaysAndBadOptionsAreRefusedWithTheirExitCodes() throws {
        var desk = try friday()
        desk.now = "2026-11-20T18:30:00+09:00"
        #expect(try desk.run(["report", "--date", "2026-11-31"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: --date: '2026-11-31' is not a day: use YYYY-MM-DD (2026-11-20), today or yesterday

            """))
        #expect(try desk.run(["report", "--date", "2026-11-21"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: 2026-11-21 has not begun yet (it is 2026-11-20 18:30 now); give today or an earlier day

            """))
        #expect(try desk.run(["report", "--json", "--csv"]) == DeskResult(status: 64, stdout: "", stderr: """
            desk: error: --json and --csv cannot be used together; choose one (see `desk report --help`)

            """))
    }

    @Test func aDayWithNothingSaysSo() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        desk.now = "2026-11-20T18:30:00+09:00"
        #expect(try desk.run(["report", "--date", "2026-11-19"]).stdout == """
            Daily summary for Thu 2026-11-19 (Asia/Tokyo), the whole day

            Office
            CALLS  OPENED  DONE  IN WINDOW  CANCELLED  OPEN  OVERDUE  ESCALATED
                0       0     0          -          0     0        0          0
            open by priority: high 0, medium 0, low 0
            time to callback: none done

            Nobody took a call, owed a callback or closed one that day.

            """)
    }
}
