import Foundation
import MessageDesk
import Testing

/// `desk simulate` through the built binary: determinism, comparison, the database it leaves, its errors.
@Suite struct SimulateTests {
    @Test func theSameSeedPrintsByteIdenticalJSON() throws {
        let desk = try DeskSandbox()
        let arguments = ["simulate", "--db", ":memory:", "--days", "2", "--seed", "42", "--json"]
        let first = try desk.ok(arguments)
        let second = try desk.ok(arguments)
        #expect(first.stdout == second.stdout)
        #expect(first.stderr == "")
        let json = try JSONValue.parse(first.stdout)
        guard case .array(let days)? = json["days"] else { Issue.record("no days in \(first.stdout)"); return }
        #expect(days.count == 2)
        #expect(days.first?["date"] == .string("2026-11-20"))
        #expect(json["theory"]?["erlang_c"]?["probability_of_waiting"] != nil)
        #expect(json["parameters"]?["seed"] == .int(42))
        #expect(json["database"] == .string(":memory:"))
        let other = try desk.ok(["simulate", "--db", ":memory:", "--days", "2", "--seed", "43", "--json"])
        #expect(other.stdout != first.stdout)
    }

    @Test func theSimulatedDatabaseIsBrowsableByDeskCallbacks() throws {
        let desk = try DeskSandbox()
        let simulation = desk.simulationDatabase
        // Tuesday and Wednesday 2026-11-24/25: two ordinary business days, the same on every machine.
        let report = try desk.run(["simulate", "--days", "2", "--salespeople", "5", "--seed", "42",
                                   "--start", "2026-11-24T09:00+09:00"])
        #expect(report == DeskResult(status: 0, stdout: """
            day         mobile  unans  office  answ  aband    ASA      SL   occ  opened  joined  done  on time  p50   p90   p99  esc  lost
            2026-11-24      36     19      10    10      0  0.0 s  100.0%  2.8%       9       1     8        8  42m  1h23  1h23    2     5
            2026-11-25      48     29      21    21      0  0.8 s  100.0%  4.9%      20       0    20       18  49m  2h38  3h24   15     6
            total           84     48      31    31      0  0.6 s  100.0%  3.8%      29       1    28       26  47m  2h38  3h24   17    11

            office line, simulated vs theory at the run's average load (A = 0.09 Erlangs, 2 operators):
                                simulated  Erlang C  Erlang A
            P(wait)                  3.2%      0.4%      0.3%
            abandoned                0.0%        0%      0.2%
            ASA                     0.6 s     0.3 s         —
            service level 20 s     100.0%     99.7%         —
            occupancy                3.8%      4.3%      4.3%
            (both formulas assume the day's average load all day; the simulated day has morning and afternoon peaks. \
            Erlang C ignores hang-ups, Erlang A counts them: with impatient callers the simulated ASA is over answered calls only, and falls below Erlang C's)

            the day, averaged over 2 days: callbacks owed (peak in the hour) │ operators busy (of 2)
            09:00   0.5 ███                      │  0.0
            10:00   0.0                          │  0.0
            11:00   2.0 ████████████             │  0.1 █▏
            12:00   4.0 ████████████████████████ │  0.1 ▊
            13:00   2.5 ███████████████          │  0.0 ▍
            14:00   3.5 █████████████████████    │  0.2 █▍
            15:00   4.0 ████████████████████████ │  0.1 ▉
            16:00   4.0 ████████████████████████ │  0.1 ▊
            17:00   3.0 ██████████████████       │  0.0 ▏

            escalations by step:
              overdue step 1 (reminder): 2
              overdue step 2 (escalation): 1
              urgent step 1 (reminder): 6
              urgent step 2 (escalation): 5
              urgent step 3 (escalation): 3

            simulated desk: \(simulation) (browse it with desk callbacks --db \(simulation); the next desk simulate replaces it)

            """, stderr: ""))
        let list = try desk.ok(["callbacks", "--db", simulation, "--state", "all", "--json"])
        let json = try JSONValue.parse(list.stdout)
        guard case .array(let callbacks) = json else { Issue.record("no list in \(list.stdout)"); return }
        #expect(!callbacks.isEmpty)
        #expect(try sqlite(simulation, "SELECT count(*) FROM staff WHERE handle LIKE 'sp%'") == "5\n")
        #expect(try Int(sqlite(simulation, "SELECT count(*) FROM messages").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
        let table = try desk.ok(["callbacks", "--db", simulation, "--state", "all"])
        #expect(table.stdout.contains("sp000"))
    }

    @Test func aSimulationsNotificationsAreNeverHandedToAGateway() throws {
        let desk = try DeskSandbox()
        let simulation = desk.simulationDatabase
        try desk.ok(["simulate", "--days", "2", "--salespeople", "5"])
        let pending = try sqlite(simulation, "SELECT count(*) FROM notifications WHERE delivered_at IS NULL")
        #expect(pending != "0\n")
        let sent = desk.directory + "/sent"
        #expect(try desk.run(["notify", "--db", simulation, "--exec", "cat >> '\(sent)'"]) == DeskResult(
            status: 65, stdout: "",
            stderr: "desk: error: \(simulation) is a simulation: its notifications are addressed to simulated staff "
                + "and are never sent; point --db or DESK_DB at the real desk\n"))
        #expect(!FileManager.default.fileExists(atPath: sent))
        #expect(try sqlite(simulation, "SELECT count(*) FROM notifications WHERE delivered_at IS NULL") == pending)
    }

    // MARK: - A database of its own

    /// What `desk simulate` says when pointed at a real desk: the path, why, and where to simulate instead.
    func refusal(_ path: String, _ desk: DeskSandbox) -> String {
        "desk: error: \(path) is a real desk, and a simulation would escalate its callbacks and notify its staff; "
            + "simulate into \(desk.simulationDatabase) or another new file\n"
    }

    /// The audit's case: a desk with an urgent callback open. The refusal comes before anything is opened for
    /// writing: the file is the same byte for byte, and the desk lists what it listed before.
    @Test func aRealDeskWithCallbacksIsRefusedAndLeftByteForByte() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                     "--message", "至急折り返しください", "--urgent"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: desk.database))
        let listed = try desk.ok(["callbacks", "--state", "all", "--json"]).stdout
        for arguments in [["simulate", "--db", desk.database], ["simulate", "--db", desk.database, "--days", "1", "--json"]] {
            #expect(try desk.run(arguments) == DeskResult(status: 65, stdout: "", stderr: refusal(desk.database, desk)))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: desk.database)) == bytes)
        #expect(try desk.ok(["callbacks", "--state", "all", "--json"]).stdout == listed)
        #expect(try desk.sql("SELECT purpose FROM database_purpose") == "desk\n")
        #expect(!FileManager.default.fileExists(atPath: desk.simulationDatabase))
    }

    /// A desk with nothing in it yet is still the office's desk: refused the same way.
    @Test func anEmptyRealDeskIsRefusedToo() throws {
        let desk = try DeskSandbox()
        try desk.ok(["init"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: desk.database))
        #expect(try desk.run(["simulate", "--db", desk.database]) == DeskResult(status: 65, stdout: "", stderr: refusal(desk.database, desk)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: desk.database)) == bytes)
        #expect(try desk.sql("SELECT count(*) FROM staff") == "0\n")
    }

    /// Another program's database, an empty file, and a file that is no database are not simulate's to replace.
    @Test func aFileThatIsNotASimulationIsRefusedAndLeftAlone() throws {
        let desk = try DeskSandbox()
        let other = desk.directory + "/other.sqlite"
        _ = try sqlite(other, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        let empty = desk.directory + "/empty.sqlite"
        let text = desk.directory + "/notes.txt"
        try Data().write(to: URL(fileURLWithPath: empty))
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        for (path, reason) in [(other, "it is another program's database"), (empty, "it is an empty file"),
                               (text, "it is not a SQLite database")] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(try desk.run(["simulate", "--db", path]) == DeskResult(status: 65, stdout: "", stderr:
                "desk: error: \(path) is not a simulation database (\(reason)), and desk simulate replaces only its own; "
                    + "simulate into \(desk.simulationDatabase) or another new file\n"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    /// DESK_DB names the real desk; simulate never follows it. Without --db the run goes to the XDG data
    /// directory's simulation.sqlite, marked as a simulation, and the desk's own path is not created.
    @Test func withoutDbTheSimulationGoesToItsOwnDatabaseNotToDeskDB() throws {
        var desk = try DeskSandbox()
        #expect(try desk.run(["simulate", "--days", "1", "--salespeople", "2"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: desk.directory + "/.local/share/messagedesk/simulation.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: desk.database))
        desk.extraEnvironment["XDG_DATA_HOME"] = desk.directory + "/data"
        let simulation = desk.directory + "/data/messagedesk/simulation.sqlite"
        #expect(desk.simulationDatabase == simulation)
        let result = try desk.run(["simulate", "--days", "1", "--salespeople", "2", "--json"])
        #expect(result.status == 0 && result.stderr == "")
        #expect(try JSONValue.parse(result.stdout)["database"] == .string(simulation))
        #expect(try sqlite(simulation, "SELECT purpose FROM database_purpose") == "simulation\n")
        #expect(try sqlite(simulation, "SELECT count(*) FROM staff WHERE handle LIKE 'sp%'") == "2\n")
        #expect(!FileManager.default.fileExists(atPath: desk.database))
        let mode = try FileManager.default.attributesOfItem(atPath: simulation)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A second run starts afresh: the database it leaves is the one a first run with its parameters leaves,
    /// nothing of the earlier run mixed in (no doubled staff), and nothing else is left in the directory.
    @Test func aSecondRunReplacesTheFirstWhole() throws {
        let desk = try DeskSandbox()
        let simulation = desk.simulationDatabase
        try desk.ok(["simulate", "--days", "2", "--salespeople", "5", "--seed", "1"])
        try desk.ok(["callbacks", "--db", simulation, "--state", "all"])
        let second = try desk.ok(["simulate", "--days", "1", "--salespeople", "3", "--seed", "2", "--json"])
        let fresh = desk.directory + "/fresh.sqlite"
        let alone = try desk.ok(["simulate", "--db", fresh, "--days", "1", "--salespeople", "3", "--seed", "2", "--json"])
        #expect(second.stdout.replacingOccurrences(of: simulation, with: fresh) == alone.stdout)
        #expect(try sqlite(simulation, "SELECT count(*) FROM staff") == "6\n")   // bucho, op1, op2, sp0001…sp0003
        let contents = "SELECT count(*), group_concat(kind || at, ',') FROM events"
        #expect(try sqlite(simulation, contents) == sqlite(fresh, contents))
        #expect(try sqlite(simulation, "SELECT purpose FROM database_purpose") == "simulation\n")
        #expect(try listing(desk.directory + "/.local/share/messagedesk") == ["simulation.sqlite"])
    }

    @Test func compareRunsTheSameTrafficOncePerValueSideBySide() throws {
        let desk = try DeskSandbox()
        let result = try desk.run(["simulate", "--db", ":memory:", "--days", "1", "--seed", "7",
                                   "--start", "2026-11-24T09:00+09:00", "--compare", "operators=0,1,2"])
        // The header and the 21 figures, one column per value.
        #expect(result == DeskResult(status: 0, stdout: """
                                   operators=0  operators=1  operators=2
            calls to mobiles                81           82           81
            unanswered                      39           44           41
            fell back to office     21 (65.6%)   25 (67.6%)   23 (67.6%)
            office offered                  25           29           27
            answered                         0           27           27
            abandoned              25 (100.0%)     2 (6.9%)     0 (0.0%)
            ASA                          0.0 s        8.8 s        4.8 s
            service level                 0.0%        86.2%        96.3%
            occupancy                     0.0%        10.3%         6.6%
            callbacks opened                 0           26           26
            joined                           0            1            1
            done                             0           21           22
            done on time                     0           16           17
            failed attempts                  0            9            7
            missed calls returned           17            5            3
            delay p50                       0m          51m          46m
            delay p90                       0m         2h45         2h39
            delay p99                       0m         4h14         3h26
            escalations                      0           39           39
            deals lost ①                     5            3            3
            deals lost ②                     2            2            1

            """, stderr: ""))
        let json = try JSONValue.parse(try desk.ok(["simulate", "--db", ":memory:", "--days", "1", "--json",
                                                     "--compare", "operators=0,1,2"]).stdout)
        #expect(json["compare"] == .string("operators"))
        guard case .array(let scenarios)? = json["scenarios"] else { Issue.record("no scenarios"); return }
        #expect(scenarios.map { $0["value"] } == [.string("0"), .string("1"), .string("2")])
        #expect(scenarios.first?["report"]?["total"]?["office_answered"] == .int(0))
        // Same traffic: the first calls to mobiles do not depend on the office.
        let first = scenarios.compactMap { $0["report"]?["total"]?["office_offered"] }
        #expect(first.count == 3)
    }

    @Test func helpListsEveryParameterWithItsDefault() throws {
        let help = try DeskSandbox().ok(["simulate", "--help"]).stdout
        for parameter in SimulationParameter.all {
            #expect(help.contains(parameter.name), "\(parameter.name) missing from --help")
        }
        #expect(help.contains("office-fallback=0.63"))
    }

    @Test func badParametersAreUsageOrDataErrors() throws {
        let desk = try DeskSandbox()
        let unknown = try desk.run(["simulate", "--db", ":memory:", "--set", "nonsense=1"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("nonsense"))
        let compare = try desk.run(["simulate", "--db", ":memory:", "--compare", "operators"])
        #expect(compare.status == 64)
        let scenario = desk.directory + "/scenario.json"
        try Data(#"{"operators": 3, "days": 1, "office-fallback": 0.7}"#.utf8).write(to: URL(fileURLWithPath: scenario))
        let json = try JSONValue.parse(try desk.ok(["simulate", "--db", ":memory:", "--scenario", scenario, "--json"]).stdout)
        #expect(json["parameters"]?["operators"] == .int(3))
        #expect(json["parameters"]?["office-fallback"] == .number(0.7))
    }
}

extension DeskSandbox {
    /// Where `desk simulate` writes without --db: the XDG data directory's simulation.sqlite.
    var simulationDatabase: String {
        let data = extraEnvironment["XDG_DATA_HOME"] ?? directory + "/.local/share"
        return data + "/messagedesk/simulation.sqlite"
    }
}
