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
        let other = try desk.ok(["simulate", "--db", ":memory:", "--days", "2", "--seed", "43", "--json"])
        #expect(other.stdout != first.stdout)
    }

    @Test func theSimulatedDatabaseIsBrowsableByDeskCallbacks() throws {
        let desk = try DeskSandbox()
        let report = try desk.ok(["simulate", "--days", "2", "--salespeople", "5"])
        #expect(report.stdout.contains("total"))
        #expect(report.stdout.contains("Erlang C"))
        // The chart of the day: one line per business hour, 09:00 to 17:00, with block bars.
        #expect(report.stdout.contains("the day, averaged over 2 days"))
        #expect(report.stdout.split(separator: "\n").filter { $0.hasPrefix("09:00 ") || $0.hasPrefix("17:00 ") }.count == 2)
        #expect(report.stdout.contains("█"))
        let list = try desk.ok(["callbacks", "--state", "all", "--json"])
        let json = try JSONValue.parse(list.stdout)
        guard case .array(let callbacks) = json else { Issue.record("no list in \(list.stdout)"); return }
        #expect(!callbacks.isEmpty)
        #expect(try desk.sql("SELECT count(*) FROM staff WHERE handle LIKE 'sp%'") == "5\n")
        #expect(try Int(desk.sql("SELECT count(*) FROM messages").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
        let table = try desk.ok(["callbacks", "--state", "all"])
        #expect(table.stdout.contains("sp000"))
    }

    @Test func compareRunsTheSameTrafficOncePerValueSideBySide() throws {
        let desk = try DeskSandbox()
        let result = try desk.ok(["simulate", "--db", ":memory:", "--days", "1", "--compare", "operators=0,1,2"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.contains("operators=0") == true && lines.first?.contains("operators=2") == true)
        #expect(lines.count == 22)   // the header and 21 figures
        #expect(lines.contains { $0.hasPrefix("calls to mobiles") })
        #expect(lines.contains { $0.hasPrefix("deals lost ①") })
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
