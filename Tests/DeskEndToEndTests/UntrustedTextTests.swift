import Foundation
import MessageDesk
import Testing

/// Caller text is stored exactly as given and never reaches the terminal as control sequences.
@Suite struct UntrustedTextTests {
    static let hostile = "請求\u{1B}[2J\u{1B}]0;pwned\u{07}\rOK\u{9B}31m\u{202E}evil\u{2066}"

    @Test func controlSequencesAreShownHarmlesslyAndStoredAsGiven() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let logged = try desk.run(["log", "--for", "tanaka", "--caller", "山田\u{1B}[31m", "--company", "Ｘ\r社",
                                   "--phone", "0312345678", "--message", Self.hostile])
        #expect(logged.status == 0)
        #expect(logged.stdout.contains("\u{1B}") == false)
        let shown = "請求␛[2J␛]0;pwned␇␍OK⟨U+009B⟩31m⟨U+202E⟩evil⟨U+2066⟩"
        for arguments in [["callbacks"], ["show", "1"], ["history", "1"], ["callbacks", "--json"],
                          ["show", "1", "--json"]] {
            let output = try desk.run(arguments).stdout
            // CSV records end in CRLF; any other CR would move the cursor.
            for scalar in output.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
                let v = scalar.value
                let isControl = (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                    || (0x2066...0x2069).contains(v)
                #expect(!isControl,
                        "desk \(arguments.joined(separator: " ")) printed U+\(String(v, radix: 16))")
            }
            if arguments == ["show", "1"] { #expect(output.contains("    \(shown)\n")) }
            if arguments == ["callbacks"] { #expect(output.contains("請求␛[2J␛]0;pwned␇␍OK⟨U+009B⟩31m⟨U+202E⟩evil")) }
        }
        #expect(try desk.run(["callbacks"]).stdout.contains("山田␛[31m"))
        // CSV to a pipe is for a spreadsheet: the text as given (CSVForExcelTests shows it on a terminal).
        #expect(try desk.run(["callbacks", "--csv"]).stdout.contains(",山田\u{1B}[31m,\"Ｘ\r社\",03-1234-5678,\"\(Self.hostile)\","))
        // The JSON keeps the exact text, escaped, so a script gets back what the caller said.
        let json = try JSONValue.parse(try desk.run(["callbacks", "--json"]).stdout)
        guard case .array(let items) = json else {
            Issue.record("not an array")
            return
        }
        #expect(items.first?["message"] == .string(Self.hostile))
        // Stored byte for byte.
        #expect(try desk.sql("SELECT hex(body) FROM messages")
                == Data(Self.hostile.utf8).map { String(format: "%02X", $0) }.joined() + "\n")
    }

    @Test func multiLineMessagesKeepTheirLinesInShowAndStayOnOneRowInLists() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "一行目\n二行目"])
        #expect(try desk.run(["show", "1"]).stdout.contains("    一行目\n    二行目\n"))
        let list = try desk.run(["callbacks"]).stdout
        #expect(list.contains("一行目␊二行目"))
        #expect(list.split(separator: "\n").count == 2)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "x", "--urgent"])
        desk.now = "2026-11-20T12:00:00+09:00"
        // `script` gives desk a pseudo-terminal as stdout.
        let command = "\(deskExecutable.path) callbacks"
        let onTerminal = try desk.run([], executable: URL(fileURLWithPath: "/usr/bin/script"),
                                      prefix: ["-qec", command, "/dev/null"])
        #expect(onTerminal.stdout.contains("\u{1B}[31m"))
        desk.extraEnvironment = ["NO_COLOR": "1"]
        let noColour = try desk.run([], executable: URL(fileURLWithPath: "/usr/bin/script"),
                                    prefix: ["-qec", command, "/dev/null"])
        #expect(!noColour.stdout.contains("\u{1B}["))
        #expect(noColour.stdout.contains("open urgent overdue"))
        #expect(!(try desk.run(["callbacks"]).stdout.contains("\u{1B}")))
    }

    /// Two callers who look the same, 山田太郎 and 山田\u{200B}太郎, are told apart on every screen, and
    /// the table stays aligned around the shown code point.
    @Test func invisibleCharactersInACallersNameAreShown() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678", "--message", "見積"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田\u{200B}太郎", "--company", "Ｘ\u{E0041}社",
                     "--phone", "03-1234-9999", "--message", "至急\u{2060}"])
        #expect(try desk.run(["callbacks"]) == DeskResult(status: 0, stdout: """
            ID   PRI  DUE    STATE  OWNER   CALLER            COMPANY        PHONE         MESSAGE
             1  0.00  18:00  open   tanaka  山田太郎                         03-1234-5678  見積
             2  0.00  18:00  open   tanaka  山田⟨U+200B⟩太郎  Ｘ⟨U+E0041⟩社  03-1234-9999  至急⟨U+2060⟩

            """, stderr: ""))
        // JSON keeps the exact name, escaped.
        let json = try desk.run(["callbacks", "--json"]).stdout
        #expect(json.contains(#""caller": "山田\u200b太郎""#))
        #expect(try desk.sql("SELECT hex(name) FROM callers WHERE id = 2") == "E5B1B1E794B0E2808BE5A4AAE9838E\n")
    }

    /// `desk init` echoes the path it was given, with control bytes and invisible characters shown.
    @Test func initShowsControlAndInvisibleCharactersInThePath() throws {
        let desk = try DeskSandbox()
        let path = desk.directory + "/d\u{1B}[2J\u{200B}.sqlite"
        #expect(try desk.run(["init", "--db", path])
                == DeskResult(status: 0, stdout: desk.directory + "/d␛[2J⟨U+200B⟩.sqlite\n", stderr: ""))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try desk.run(["init", "--db", path, "--json"]).stdout
                == "{\n  \"database\": \"\(desk.directory)/d\\u001b[2J\\u200b.sqlite\"\n}\n")
    }
}
