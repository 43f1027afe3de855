import Foundation
import MessageDesk
import Testing

/// Scripts/benchmark.sh times `desk callbacks` against the `sqlite3` shell running the same SELECT. The shell gets
/// that SELECT from `desk-bench callback-query`, the library's own text, not by scraping the Swift source.
@Suite struct BenchmarkQueryTests {
    var deskBench: URL { deskExecutable.deletingLastPathComponent().appendingPathComponent("desk-bench") }

    @Test func deskBenchPrintsTheSelectThatListsTheSameCallbacksAsDeskCallbacks() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        desk.extraEnvironment["DESK_USER"] = "sato"
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1111-0001", "--message", "見積"])
        try desk.ok(["log", "--for", "suzuki", "--caller", "伊藤", "--phone", "03-1111-0002", "--message", "資料"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "高橋", "--phone", "03-1111-0003", "--message", "納期"])
        try desk.ok(["done", "1", "--as", "tanaka"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "小林", "--phone", "03-1111-0004", "--message", "請求"])

        let query = try desk.run(["callback-query"], executable: deskBench)
        #expect(query.status == 0 && query.stderr == "", "\(query)")
        // The store's own WHERE, account scope included, with its two placeholders: the account, then the owner.
        #expect(query.stdout.hasPrefix("SELECT cb.id, ") && query.stdout.hasSuffix(
            " WHERE cl.account_id = ? AND cb.owner_id = ? AND cb.state IN ('open', 'acknowledged')\n"))
        let listed = try JSONValue.parse(try desk.ok(["callbacks", "--for", "tanaka", "--json"]).stdout)
        guard case .array(let callbacks) = listed else { Issue.record("not an array: \(listed)"); return }
        #expect(callbacks.map { $0["id"] } == [.int(3), .int(4)])
        let parts = query.stdout.dropLast().split(separator: "?", omittingEmptySubsequences: false)
        guard parts.count == 3 else { Issue.record("not two placeholders: \(query.stdout)"); return }
        let shell = try desk.sql(parts[0] + "(SELECT id FROM accounts)" + parts[1]
            + "(SELECT id FROM staff WHERE handle = 'tanaka')" + parts[2] + " ORDER BY cb.id")
        #expect(shell.split(separator: "\n").map { $0.prefix { $0 != "|" } } == ["3", "4"])
    }

    @Test func theBenchmarkScriptReadsNoSwiftSource() throws {
        let script = try String(contentsOf: repositoryRoot.appendingPathComponent("Scripts/benchmark.sh"), encoding: .utf8)
        #expect(!script.contains(".swift"))
    }

    @Test func deskBenchRefusesExtraArgumentsToCallbackQuery() throws {
        let result = try DeskSandbox().run(["callback-query", "x"], executable: deskBench)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("desk-bench: error: usage: desk-bench insert PATH COUNT [STAFF]\n"))
    }
}
