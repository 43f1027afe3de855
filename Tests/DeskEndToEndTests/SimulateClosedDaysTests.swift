import Foundation
import MessageDesk
import Testing

/// `desk simulate` across 年末年始: it simulates open days only, says which closed days it skipped and why,
/// and what is owed at the close before the closure is worked when the office reopens.
@Suite struct SimulateClosedDaysTests {
    /// Monday 2026-12-28, then the closure 12-29..01-03 (年末年始), then Monday and Tuesday 01-04/05.
    let arguments = ["simulate", "--days", "3", "--salespeople", "5", "--seed", "42", "--start", "2026-12-28T09:00+09:00"]

    @Test func aRunAcrossTheYearEndSimulatesTheOpenDaysAndNamesTheClosure() throws {
        let desk = try DeskSandbox()
        let simulation = desk.simulationDatabase
        // 12-28 is the first day of SimulateTests' pinned run (the same seed, a day of the same hours): the same row.
        #expect(try desk.run(arguments) == DeskResult(status: 0, stdout: """
            day         mobile  unans  office  answ  aband    ASA      SL   occ  opened  joined  done  on time  p50   p90   p99  esc  lost
            2026-12-28      36     19      10    10      0  0.0 s  100.0%  2.8%       9       1     8        8  42m  1h23  1h23    2     5
            2027-01-04      48     29      21    21      0  0.8 s  100.0%  4.9%      20       0    20       18  49m  2h38  3h24   15     6
            2027-01-05      38     22      16    16      0  0.0 s  100.0%  3.3%      16       0    16       11  40m  2h58  3h27   27     3
            total          122     70      47    47      0  0.4 s  100.0%  3.6%      45       1    44       37  45m  2h38  3h27   44    14
            closed within the run, not simulated: 2026-12-29..2026-12-31 (年末年始), 2027-01-01 (元日), 2027-01-02..2027-01-03 (年末年始)

            office line, simulated vs theory at the run's average load (A = 0.09 Erlangs, 2 operators):
                                simulated  Erlang C  Erlang A
            P(wait)                  2.1%      0.4%      0.4%
            abandoned                0.0%        0%      0.2%
            ASA                     0.4 s     0.3 s         —
            service level 20 s     100.0%     99.7%         —
            occupancy                3.6%      4.4%      4.3%
            (both formulas assume the day's average load all day; the simulated day has morning and afternoon peaks. \
            Erlang C ignores hang-ups, Erlang A counts them: with impatient callers the simulated ASA is over answered calls only, and falls below Erlang C's)

            the day, averaged over 3 days: callbacks owed (peak in the hour) │ operators busy (of 2)
            09:00   1.0 ████▊                    │  0.0 ▏
            10:00   1.3 ██████▍                  │  0.0 ▏
            11:00   2.0 █████████▋               │  0.1 ▉
            12:00   3.3 ████████████████         │  0.1 ▌
            13:00   2.0 █████████▋               │  0.1 ▌
            14:00   3.0 ██████████████▍          │  0.1 █
            15:00   5.0 ████████████████████████ │  0.2 █▎
            16:00   5.0 ████████████████████████ │  0.1 ▋
            17:00   2.3 ███████████▎             │  0.0 ▏

            escalations by step:
              overdue step 1 (reminder): 5
              overdue step 2 (escalation): 2
              urgent step 1 (reminder): 17
              urgent step 2 (escalation): 9
              urgent step 2 (reminder): 3
              urgent step 3 (escalation): 8

            simulated desk: \(simulation) (browse it with desk callbacks --db \(simulation); the next desk simulate replaces it)

            """, stderr: ""))
    }

    @Test func theJSONReportNamesEachSimulatedDayAndEachClosedDay() throws {
        let desk = try DeskSandbox()
        let json = try JSONValue.parse(try desk.ok(arguments + ["--db", ":memory:", "--json"]).stdout)
        guard case .array(let days)? = json["days"], case .array(let closed)? = json["closed_days"] else {
            Issue.record("no days or closed_days in \(json)"); return
        }
        #expect(days.map { $0["date"] } == ["2026-12-28", "2027-01-04", "2027-01-05"].map(JSONValue.string))
        #expect(days.map { $0["hours"] } == Array(repeating: .string("09:00-18:00"), count: 3))
        #expect(closed.map { $0["date"] } == ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]
            .map(JSONValue.string))
        // 元日 is named as the holiday it is; the other days as the office's closure.
        #expect(closed.map { $0["closed_because"] } == ["closed", "closed", "closed", "holiday", "closed", "closed"].map(JSONValue.string))
        #expect(closed.map { $0["note"] } == [.string("年末年始"), .string("年末年始"), .string("年末年始"), .null, .string("年末年始"), .string("年末年始")])
        #expect(closed[3]["holiday"] == .object([("name", .string("元日")), ("official", .bool(true))]))
        #expect(closed.allSatisfy { $0["open"] == .bool(false) })
        #expect(closed.first?["weekday"] == .string("tue"))
    }

    /// The callbacks still owed at 18:00 on 12-28 are due across the closure and worked on 01-04; nothing in
    /// the database is dated inside the closure (every timestamp, in every table and every event's payload).
    @Test func whatIsOwedAtTheCloseIsWorkedWhenTheOfficeReopensAndNothingIsDatedInTheClosure() throws {
        let desk = try DeskSandbox()
        let simulation = desk.simulationDatabase
        try desk.ok(arguments)
        let carried = """
            SELECT count(*) FROM callbacks WHERE date(opened_at, '+9 hours') = '2026-12-28'
              AND (closed_at IS NULL OR date(closed_at, '+9 hours') > '2026-12-28')
            """
        let workedOnTheFourth = """
            SELECT count(DISTINCT c.id) FROM callbacks c JOIN events e ON e.subject = 'callback' AND e.subject_id = c.id
            WHERE date(c.opened_at, '+9 hours') = '2026-12-28' AND e.kind IN ('callback.acknowledged', 'callback.attempted', 'callback.done')
              AND e.actor LIKE 'sp%' AND date(e.at, '+9 hours') = '2027-01-04'
            """
        // Callback #7, taken at 16:21 on 12-28, is still owed at the close and done by sp0002 at 09:00:52 on 01-04.
        #expect(try sqlite(simulation, carried) == "1\n")
        #expect(try sqlite(simulation, workedOnTheFourth) == "1\n")
        #expect(try sqlite(simulation, "SELECT id, state, closed_at FROM callbacks WHERE date(opened_at, '+9 hours') = '2026-12-28' "
                           + "AND date(closed_at, '+9 hours') = '2027-01-04'") == "7|done|2027-01-04T00:00:52Z\n")
        // Every instant stored: columns and JSON payloads alike are UTC ISO-8601 with a Z.
        let text = try dump(simulation)
        let pattern = try NSRegularExpression(pattern: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        var tokyo = Calendar(identifier: .gregorian)
        tokyo.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        var dated: [String: Int] = [:]
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            let stamp = String(text[range])
            guard let instant = formatter.date(from: stamp) ?? plain.date(from: stamp) else {
                Issue.record("unreadable timestamp \(stamp)"); continue
            }
            let day = tokyo.dateComponents([.year, .month, .day], from: instant)
            dated[String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0), default: 0] += 1
        }
        let closure = ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]
        #expect(closure.allSatisfy { dated[$0] == nil }, "\(dated.sorted { $0.key < $1.key })")
        #expect(dated["2026-12-28"] ?? 0 > 100 && dated["2027-01-04"] ?? 0 > 100, "\(dated.sorted { $0.key < $1.key })")
    }
}
