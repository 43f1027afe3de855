import Foundation
import MessageDesk
import Testing

/// Sensitive messages: every list says a message exists and whom it is for, never its words; `desk show` shows them.
@Suite struct SensitiveMessageTests {
    /// The words that must never appear outside `desk show`.
    let secrets = ["極秘", "給与改定", "訴訟の件"]

    func officeWithSensitiveMessages() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["config", "set", "sensitive_keywords", "給与,訴訟"])
        // Marked by the operator.
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                     "--message", "極秘のお話があります", "--sensitive"])
        // Marked by a keyword, and joined by a harmless repeat call: the callback stays sensitive.
        try desk.ok(["log", "--as", "sato", "--for", "suzuki", "--caller", "高橋", "--phone", "045-987-6543",
                     "--message", "給与改定について"])
        try desk.ok(["log", "--as", "sato", "--for", "suzuki", "--caller", "高橋", "--phone", "045-987-6543",
                     "--message", "折り返しください"])
        try desk.ok(["log", "--as", "sato", "--for", "suzuki", "--caller", "伊藤", "--phone", "06-1111-2222",
                     "--message", "訴訟の件でご相談"])
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "佐々木", "--phone", "03-9999-0000",
                     "--message", "見積をお願いします"])
        return desk
    }

    @Test func noListOutputCarriesTheWords() throws {
        let desk = try officeWithSensitiveMessages()
        var outputs: [String: String] = [:]
        for arguments in [["callbacks"], ["callbacks", "--csv"], ["callbacks", "--json"], ["callbacks", "--state", "all"],
                          ["board"], ["board", "--json"], ["board", "--csv"]] {
            outputs[arguments.joined(separator: " ")] = try desk.ok(arguments).stdout
        }
        for id in 1...4 {
            for format in [[], ["--csv"], ["--json"]] {
                let arguments = ["history", String(id)] + format
                outputs[arguments.joined(separator: " ")] = try desk.ok(arguments).stdout
            }
        }
        for (command, stdout) in outputs {
            for secret in secrets {
                #expect(!stdout.contains(secret), "desk \(command) printed '\(secret)'")
            }
        }
        // The harmless messages are still listed in full.
        #expect(outputs["callbacks"]?.contains("見積をお願いします") == true)
        #expect(outputs["callbacks"] == """
            ID   PRI  DUE    STATE    OWNER   CALLER    COMPANY  PHONE         MESSAGE
             2  3.00  18:00  open ×2  suzuki  高橋               045-987-6543  (sensitive — see desk show 2)
             1  0.00  18:00  open     tanaka  山田太郎           03-1234-5678  (sensitive — see desk show 1)
             3  0.00  18:00  open     suzuki  伊藤               06-1111-2222  (sensitive — see desk show 3)
             4  0.00  18:00  open     tanaka  佐々木             03-9999-0000  見積をお願いします

            """)
        #expect(outputs["callbacks --csv"]?.contains(
            "2,suzuki,open,0,3.00,2026-11-20T18:00:00+09:00,0,1,0,高橋,,045-987-6543,(sensitive — see desk show 2),callback,2026-11-20T10:15:00+09:00,,unknown,0,1,\r\n") == true)
        let json = try JSONValue.parse(outputs["callbacks --json"] ?? "")
        guard case .array(let items) = json else {
            Issue.record("not a list")
            return
        }
        #expect(items.map { $0["message"] ?? "missing" } == [.null, .null, .null, "見積をお願いします"])
        #expect(items.map { $0["sensitive"] ?? "missing" } == [true, true, true, false])
        #expect(try desk.sql("SELECT id, sensitive FROM callbacks ORDER BY id") == "1|1\n2|1\n3|1\n4|0\n")
        #expect(try desk.sql("SELECT sensitive FROM messages ORDER BY id") == "1\n1\n0\n1\n0\n")
    }

    @Test func showShowsTheWords() throws {
        let desk = try officeWithSensitiveMessages()
        let shown = try desk.ok(["show", "2"]).stdout
        #expect(shown.hasPrefix("Callback #2 — open, due 18:00, SENSITIVE\n"))
        #expect(shown.contains("""
              10:15 from 高橋, taken by sato, wants callback, sensitive
                給与改定について
              10:15 from 高橋, taken by sato, wants callback
                折り返しください

            """))
        let json = try JSONValue.parse(try desk.ok(["show", "1", "--json"]).stdout)
        #expect(json["callback"]?["message"] == .null && json["callback"]?["sensitive"] == true)
        guard case .array(let messages)? = json["messages"] else {
            Issue.record("no messages")
            return
        }
        #expect(messages.map { $0["body"] ?? "missing" } == ["極秘のお話があります"])
    }

    @Test func logAndChangesSayNothingOfTheWordsEither() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let logged = try desk.run(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678",
                                   "--message", "極秘の件", "--sensitive", "--json"])
        #expect(!logged.stdout.contains("極秘"))
        #expect(try desk.run(["ack", "1", "--json"]).stdout.contains("\"message\": null"))
        #expect(!(try desk.run(["done", "1", "--json"]).stdout.contains("極秘")))
        #expect(try desk.sql("SELECT count(*) FROM events WHERE before LIKE '%極秘%' OR after LIKE '%極秘%' OR reason LIKE '%極秘%'") == "0\n")
    }
}
