import Foundation
import MessageDesk
import Testing

/// The operator's day through the built binary: presence, taking messages, repeat calls joining, lists.
@Suite struct OperatorFlowTests {
    @Test func initPrintsThePathAndCreatesAnOwnerOnlyDatabase() throws {
        let desk = try DeskSandbox()
        let result = try desk.run(["init"])
        #expect(result == DeskResult(status: 0, stdout: desk.database + "\n", stderr: ""))
        let mode = try FileManager.default.attributesOfItem(atPath: desk.database)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Init again migrates nothing and still prints the path.
        #expect(try desk.run(["init"]) == result)
    }

    @Test func theDefaultDatabaseLivesUnderXDGDataHome() throws {
        var desk = try DeskSandbox()
        desk.extraEnvironment = ["DESK_DB": "", "XDG_DATA_HOME": desk.directory + "/data"]
        let result = try desk.run(["init"])
        #expect(result.stdout == desk.directory + "/data/messagedesk/desk.sqlite\n")
        let mode = try FileManager.default.attributesOfItem(atPath: desk.directory + "/data/messagedesk")[.posixPermissions] as? Int
        #expect(mode == 0o700)
        desk.extraEnvironment = ["DESK_DB": ""]
        #expect(try desk.run(["init"]).stdout == desk.directory + "/.local/share/messagedesk/desk.sqlite\n")
        #expect(try desk.run(["init", "--db", desk.directory + "/other.sqlite"]).stdout == desk.directory + "/other.sqlite\n")
    }

    @Test func takingMessagesTellsTheOperatorWhereTheOwnerIsAndJoinsRepeatCalls() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        #expect(try desk.run(["away", "tanaka", "--until", "15:00", "--note", "客先訪問"]).stdout
                == "tanaka is in a meeting until 15:00 (客先訪問)\n")
        let first = try desk.run(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事",
                                  "--phone", "03-1234-5678", "--message", "見積の件で折り返しください", "--tried-mobile"])
        #expect(first == DeskResult(status: 0, stdout: """
            saved: opened callback #1 for tanaka (田中一郎), due 18:00
            tanaka is in a meeting until 15:00 (客先訪問)
            substitute: suzuki

            """, stderr: ""))
        let repeatCall = try desk.run(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎",
                                       "--phone", "+81 3 1234 5678", "--message", "まだですか", "--urgent"])
        #expect(repeatCall.stdout.hasPrefix(
            "saved: joined open callback #1 (call 2 from this caller) for tanaka (田中一郎), due 10:45\n"))
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "ｶﾅ", "--company", "①※…",
                     "--phone", "06-1111-2222", "--message", "資料送付", "--by", "16:00", "--new-contact"])
        #expect(try desk.sql("SELECT count(*), sum(repeat_count) FROM callbacks") == "2|1\n")
        #expect(try desk.sql("SELECT count(*) FROM messages") == "3\n")
        #expect(try desk.sql("SELECT phone FROM callers ORDER BY id") == "+81312345678\n+81611112222\n")

        // The list is aligned by display width: full-width names take two columns, ｶﾅ and ①※… one each.
        var later = desk
        later.now = "2026-11-20T11:00:00+09:00"
        #expect(try later.run(["callbacks"]) == DeskResult(status: 0, stdout: """
            ID    PRI  DUE    STATE                   OWNER   CALLER    COMPANY     PHONE         MESSAGE
             1  12.13  10:45  open urgent overdue ×2  tanaka  山田太郎  ＡＢＣ商事  03-1234-5678  まだですか
             2   2.38  16:00  open                    tanaka  ｶﾅ        ①※…         06-1111-2222  資料送付

            """, stderr: ""))
        #expect(try later.run(["callbacks", "--csv"]).stdout == """
            id,owner,state,urgent,priority,due_at,overdue,repeat_count,attempts,caller,company,phone,message,wants,opened_at,closed_at,buyer_type,prepare_details,sensitive,routed_from\r
            1,tanaka,open,1,12.13,2026-11-20T10:45:00+09:00,1,1,0,山田太郎,ＡＢＣ商事,03-1234-5678,まだですか,callback,2026-11-20T10:15:00+09:00,,unknown,0,0,\r
            2,tanaka,open,0,2.38,2026-11-20T16:00:00+09:00,0,0,0,ｶﾅ,①※…,06-1111-2222,資料送付,callback,2026-11-20T10:15:00+09:00,,unknown,0,0,\r

            """)
        #expect(try later.run(["callbacks", "--overdue"]).stdout.split(separator: "\n").count == 2)
        #expect(try later.run(["callbacks", "--for", "suzuki"]).stdout == "no callbacks\n")
    }

    @Test func theJSONOfACallbackHasStableFields() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let logged = try desk.ok(["log", "--json", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678",
                                  "--message", "見積", "--after", "13:00", "--by", "17:00", "--operator", "sato"])
        let saved = try JSONValue.parse(logged.stdout)
        #expect(saved["saved"] == true)
        #expect(saved["joined"] == false)
        #expect(saved["owner_presence"]?["text"] == "in the office")
        let list = try JSONValue.parse(try desk.ok(["callbacks", "--for", "tanaka", "--json"]).stdout)
        guard case .array(let items) = list, let item = items.first, case .object(let fields) = item else {
            Issue.record("not a list of objects: \(list)")
            return
        }
        #expect(fields.map(\.0) == [
            "id", "owner", "owner_name", "state", "urgent", "priority", "due_at", "overdue", "repeat_count", "attempts",
            "escalation_level", "caller", "company", "phone", "message", "wants", "new_contact", "not_before", "not_after",
            "opened_at", "acknowledged_at", "closed_at", "closing_note", "buyer_type", "prepare_details", "sensitive",
            "routed_from",
        ])
        #expect(item["due_at"] == "2026-11-20T17:00:00+09:00")
        #expect(item["not_before"] == "2026-11-20T13:00:00+09:00")
        #expect(item["phone"] == "+81312345678")
        #expect(item["priority"] == 0)
        #expect(saved["callback"] == item)
    }

    @Test func anInstalledBinaryCarriesItsSchemaWithoutTheSourceTree() throws {
        let desk = try DeskSandbox()
        let installed = desk.directory + "/bin/desk"
        try FileManager.default.createDirectory(atPath: desk.directory + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: deskExecutable.path, toPath: installed)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: installed)
        process.arguments = ["init"]
        process.environment = desk.environment
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try desk.sql("SELECT id FROM schema_migrations ORDER BY id") == allMigrations.map { $0 + "\n" }.joined())
    }

    @Test func officeSettingsChangeDueTimesForEveryTerminalAndAreLogged() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        #expect(try desk.run(["config", "set", "business_hours", "9:00-17:00"]).stdout == "business_hours = 09:00-17:00\n")
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "x"]).stdout
            .hasPrefix("saved: opened callback #1 for tanaka (田中一郎), due 17:00\n"))
        #expect(try desk.sql("SELECT kind, before, after FROM events WHERE subject = 'setting'")
                == #"setting.changed|{"key":"business_hours","value":null}|{"key":"business_hours","value":"09:00-17:00"}"# + "\n")
        #expect(try desk.run(["config", "set", "time_zone", "Mars/Olympus"]) == DeskResult(status: 65, stdout: "",
            stderr: "desk: error: time_zone: 'Mars/Olympus' is not a time zone: use an IANA name such as Asia/Tokyo\n"))
    }

    @Test func theOperatorIsToldWhenTheSubstituteIsAwayToo() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["away", "tanaka", "--until", "tomorrow 10:00", "--reason", "off"])
        try desk.ok(["away", "suzuki", "--until", "tomorrow 12:00", "--reason", "leave"])
        let result = try desk.run(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "x"])
        #expect(result == DeskResult(status: 0, stdout: """
            saved: opened callback #1 for tanaka (田中一郎), due 18:00
            tanaka is on a day off until 11-21 10:00
            substitute: suzuki (also away: on leave until 11-21 12:00)

            """, stderr: ""))
    }

    @Test func ambiguousWidthCharactersTakeTwoColumnsWhenTheTerminalSaysSo() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "①※…", "--phone", "0312345678", "--message", "x"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345679", "--message", "y"])
        let narrow = try desk.run(["callbacks"]).stdout
        desk.extraEnvironment = ["DESK_AMBIGUOUS_WIDTH": "2"]
        let wide = try desk.run(["callbacks"]).stdout.split(separator: "\n").map(String.init)
        // With ①※… six columns wide, the PHONE column starts at the same display column on every row.
        let columns = wide.map { line -> Int in
            guard let range = line.range(of: "03-1234-567") else { return -1 }
            return DisplayWidth.of(String(line[..<range.lowerBound]), ambiguousIsWide: true)
        }
        #expect(columns.count == 3 && columns[1] > 0 && columns[1] == columns[2])
        let plain = narrow.split(separator: "\n").map(String.init).map { line -> Int in
            guard let range = line.range(of: "03-1234-567") else { return -1 }
            return DisplayWidth.of(String(line[..<range.lowerBound]), ambiguousIsWide: true)
        }
        // Laid out for narrow ambiguous characters, the same rows do not line up on a wide terminal.
        #expect(plain[1] != plain[2])
    }
}
