import Foundation
import Testing

/// Times said the Japanese way on the command line and in the form (issue 14), through the built binary.
@Suite struct SpokenTimeCommandTests {
    /// The walkthrough's office on Wednesday 2026-11-25 10:15 in Tokyo (clear of national holidays).
    func office() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        desk.now = "2026-11-25T10:15:00+09:00"
        try desk.setUpOffice()
        return desk
    }

    let log = ["log", "--as", "sato", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"]

    @Test func logStoresTheWindowSaidTheJapaneseWay() throws {
        let desk = try office()
        let result = try desk.run(log + ["--after", "明日10時", "--by", "明日の午後３時半"])
        #expect(result == DeskResult(status: 0, stdout: """
            saved: opened callback #1 for tanaka (田中一郎), due 11-26 15:30
            tanaka is in the office

            """, stderr: ""))
        #expect(try desk.sql("SELECT not_before, not_after, due_at FROM callbacks")
                == "2026-11-26T01:00:00Z|2026-11-26T06:30:00Z|2026-11-26T06:30:00Z\n")
        #expect(try desk.sql("SELECT not_before, not_after FROM messages") == "2026-11-26T01:00:00Z|2026-11-26T06:30:00Z\n")
    }

    @Test func aDayAloneIsDueAtTheEndOfThatBusinessDay() throws {
        let desk = try office()
        try desk.ok(log + ["--by", "月曜"])
        #expect(try desk.sql("SELECT not_after, due_at FROM callbacks") == "2026-11-30T09:00:00Z|2026-11-30T09:00:00Z\n")
        try desk.ok(["away", "suzuki", "--until", "来週月曜 10:00"])
        #expect(try desk.sql("SELECT until FROM presence WHERE staff_id = (SELECT id FROM staff WHERE handle = 'suzuki') ORDER BY id DESC LIMIT 1")
                == "2026-11-30T01:00:00Z\n")
    }

    @Test func aRefusedTimeExits65WithOneLineAndSavesNothing() throws {
        let desk = try office()
        let events = try desk.sql("SELECT count(*) FROM events")
        #expect(try desk.run(log + ["--by", "25時"]) == DeskResult(status: 65, stdout: "", stderr:
            "desk: error: --by: '25時' is not a time of day: use 0時 to 23時 and 0分 to 59分, e.g. 15時, 15時30分, 15時半 or 午後3時\n"))
        #expect(try desk.run(log + ["--by", "2/30"]) == DeskResult(status: 65, stdout: "", stderr:
            "desk: error: --by: '2/30' is not a date: February 2027 has 28 days; write month/day such as 11/24, or year/month/day such as 2026/11/24\n"))
        #expect(try desk.run(log + ["--after", "水曜"]) == DeskResult(status: 65, stdout: "", stderr:
            "desk: error: --after: '水曜' is ambiguous: today is 水曜 (2026-11-25); write 今日, or 来週水曜 for 2026-12-02\n"))
        #expect(try desk.run(["away", "suzuki", "--until", "午後13時"]) == DeskResult(status: 65, stdout: "", stderr:
            "desk: error: --until: '午後13時' is not a time: 午前 and 午後 take 0時 to 11時; write 午後1時 or 13時\n"))
        #expect(try desk.sql("SELECT count(*) FROM events") == events)
        #expect(try desk.sql("SELECT count(*) FROM callbacks") == "0\n")
    }

    @Test func theFormTakesTheJapaneseWayAndAsksAgainWithTheReason() throws {
        let desk = try office()
        let answers = [
            "tanaka", "03-1234-5678", "山田", "", "伝言", "", "n", "1",
            "25時", "明日10時",           // not before: impossible, then tomorrow 10:00
            "2/30", "明日中",             // by: impossible, then the end of tomorrow's business day
            "", "",
            "", "", "", "", "n",
            "",
        ]
        let result = try desk.run(["take"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result)")
        let rejections = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ✗") }
        #expect(rejections == [
            "  ✗ '25時' is not a time of day: use 0時 to 23時 and 0分 to 59分, e.g. 15時, 15時30分, 15時半 or 午後3時",
            "  ✗ '2/30' is not a date: February 2027 has 28 days; write month/day such as 11/24, or year/month/day such as 2026/11/24",
        ])
        #expect(try desk.sql("SELECT not_before, not_after FROM messages") == "2026-11-26T01:00:00Z|2026-11-26T09:00:00Z\n")
    }
}
