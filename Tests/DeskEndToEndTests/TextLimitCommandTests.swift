import Foundation
import MessageDesk
import Testing

/// The documented size limits through the built binary: at the limit a field is stored; one character past it
/// the command exits 65 with one line naming the field and the limit, and the database is as it was.
@Suite struct TextLimitCommandTests {
    /// `count` characters of Japanese text (three UTF-8 bytes each).
    func text(_ count: Int) -> String {
        String(repeating: "あ", count: count)
    }

    /// Every row count and every row, to show a refused command stored nothing.
    func dump(_ desk: DeskSandbox) throws -> String {
        try desk.sql(".dump")
    }

    @Test func everyFieldIsStoredAtItsLimitAndRefusedOnePast() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        for number in 1...5 {
            try desk.ok(["log", "--for", "tanaka", "--caller", "客\(number)", "--phone", "03-5555-000\(number)", "--message", "見積"])
        }
        let log = ["log", "--for", "tanaka", "--phone", "03-1234-5678"]
        let fields: [(what: String, limit: Int, arguments: (String) -> [String])] = [
            ("the message", 4000, { log + ["--caller", "山田", "--message", $0] }),
            ("the caller's name", 200, { log + ["--caller", $0, "--message", "見積"] }),
            ("the company", 200, { log + ["--caller", "山田", "--company", $0, "--message", "見積"] }),
            ("the name", 200, { ["staff", "add", "yamada", "--name", $0] }),
            ("the name", 200, { ["staff", "edit", "sato", "--name", $0] }),
            ("the presence note", 1000, { ["away", "suzuki", "--until", "17:00", "--note", $0] }),
            ("the attempt's note", 1000, { ["attempt", "1", "--note", $0] }),
            ("the closing note", 1000, { ["done", "1", "--note", $0] }),
            ("the reason", 1000, { ["cancel", "2", "--reason", $0] }),
            ("the reason", 1000, { ["reassign", "3", "--to", "suzuki", "--reason", $0] }),
            ("the reason", 1000, { ["escalate", "4", "--reason", $0] }),
        ]
        for field in fields {
            let before = try dump(desk)
            let refused = try desk.run(field.arguments(text(field.limit + 1)))
            #expect(refused == DeskResult(status: 65, stdout: "", stderr:
                "desk: error: \(field.what) is \(field.limit + 1) characters long; the limit is \(field.limit): shorten it\n"),
                "\(field.what)")
            #expect(try dump(desk) == before, "\(field.what): something was stored")
            let stored = try desk.run(field.arguments(text(field.limit)))
            #expect(stored.status == 0, "\(field.what) at its limit: \(stored)")
        }
        #expect(try desk.sql("SELECT length(body) FROM messages WHERE id = 6") == "4000\n")
        #expect(try desk.sql("SELECT max(length(closing_note)) FROM callbacks") == "1000\n")
        let before = try dump(desk)
        #expect(try desk.run(["config", "set", "sensitive_keywords", text(1001)]) == DeskResult(status: 65, stdout: "", stderr:
            "desk: error: sensitive_keywords: the value is 1001 characters long; the limit is 1000: shorten it\n"))
        #expect(try dump(desk) == before)
        try desk.ok(["config", "set", "sensitive_keywords", text(1000)])
        #expect(try desk.sql("SELECT length(value) FROM settings WHERE key = 'sensitive_keywords'") == "1000\n")
    }

    @Test func theFormRefusesAnOverLongAnswerAndAsksAgain() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        let answers = ["tanaka", "03-1234-5678", text(201), "山田太郎", text(201), "", text(4001), "", "見積の件で", "",
                       "", "", "", "", "", "", "", "", "", "", "", "", ""]
        let result = try desk.run(["take", "--as", "sato"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result)")
        let rejections = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ✗") }
        #expect(rejections == [
            "  ✗ too long: 201 characters, the limit is 200; shorten it",
            "  ✗ too long: 201 characters, the limit is 200; shorten it",
            "  ✗ too long: 4001 characters, the limit is 4000; shorten it",
        ])
        #expect(try desk.sql("SELECT c.name, coalesce(c.company, '-'), m.body FROM callers c, messages m") == "山田太郎|-|見積の件で\n")

        desk.extraEnvironment["LANG"] = "ja_JP.UTF-8"
        let japanese = try desk.run(["take", "--as", "sato"],
                                    input: ["tanaka", "03-9999-0000", text(201), ""].joined(separator: "\n") + "\n")
        #expect(japanese.stdout.contains("  ✗ 長すぎます（201文字、上限200文字）。短くしてください\n"), "\(japanese)")
    }
}
