import Foundation
import MessageDesk
import Testing

/// Every error class: one line on stderr saying what was wrong and how to fix it, a sysexits code,
/// and nothing half-written.
@Suite struct ErrorTests {
    func error(_ status: Int32, _ line: String) -> DeskResult {
        DeskResult(status: status, stdout: "", stderr: "desk: error: \(line)\n")
    }

    @Test func usageErrorsExit64WithTheCommandsHelp() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "山田"])
                == error(64, "missing --phone; or give --outcome for a call that leaves no message (see `desk log --help`)"))
        #expect(try desk.run(["frob"]) == error(64, "Unexpected argument 'frob' (see `desk --help`)"))
        #expect(try desk.run(["callbacks", "--state", "bogus"]) == error(64,
            "The value 'bogus' is invalid for '--state <state>'. Please provide one of the following: open, acknowledged, done, cancelled, all, live (see `desk callbacks --help`)"))
        #expect(try desk.run(["callbacks", "--json", "--csv"])
                == error(64, "--json and --csv cannot be used together; choose one (see `desk callbacks --help`)"))
        #expect(try desk.run(["ack", "one"]).status == 64)
    }

    /// A call without a message keeps none of a message's options: each is refused by name, never dropped in
    /// silence, and nothing is written. `--request-id` is not one of them: a retried screened call is recognised
    /// (RequestIDTests), so it is accepted, and a refusal names only what must go.
    @Test func anOutcomeRefusesTheOptionsOnlyAMessageKeeps() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let events = try desk.sql("SELECT count(*) FROM events")
        let sales = ["log", "--outcome", "sales", "--phone", "03-9999-0001"]
        #expect(try desk.run(sales + ["--request-id", "r-1", "--caller", "営業"]) == error(64,
            "--outcome records a call that leaves no message: drop --caller (see `desk log --help`)"))
        #expect(try desk.run(sales + ["--urgent", "--company", "ＡＢＣ", "--by", "15:00"]) == error(64,
            "--outcome records a call that leaves no message: drop --company, --urgent, --by (see `desk log --help`)"))
        #expect(try desk.run(sales + ["--call-id", "1700.1"]) == error(64,
            "--outcome records a call that leaves no message: drop --call-id (see `desk log --help`)"))
        #expect(try desk.sql("SELECT count(*) FROM events") == events)
        #expect(try desk.sql("SELECT count(*) FROM screened_calls") == "0\n")
    }

    @Test func badDataExits65AndWritesNothing() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let events = try desk.sql("SELECT count(*) FROM events")
        let log = ["log", "--caller", "山田", "--message", "見積"]
        #expect(try desk.run(log + ["--for", "nobody", "--phone", "03-1234-5678"])
                == error(65, "no staff member 'nobody'; see `desk staff list`, or add them with `desk staff add`"))
        #expect(try desk.run(log + ["--for", "tanaka", "--phone", "03-1234-56x8"]) == error(65,
            "--phone: '03-1234-56x8' is not a phone number: use digits with optional spaces or hyphens, e.g. 03-1234-5678 or +81 3 1234 5678"))
        #expect(try desk.run(log + ["--for", "tanaka", "--phone", "0312345678", "--by", "25:00"]) == error(65,
            "--by: '25:00' is not a time: use 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 11/24 15:00, tomorrow 10:00 or ISO-8601 (2026-11-24T10:00+09:00)"))
        #expect(try desk.run(log + ["--for", "tanaka", "--phone", "0312345678", "--by", "09:00"]) == error(65,
            "the call-back-by time 2026-11-20 09:00 is already past; give a later time, e.g. +2h or 17:00"))
        #expect(try desk.run(log + ["--for", "tanaka", "--phone", "0312345678", "--operator", "ghost"]).status == 65)
        #expect(try desk.run(["ack", "42"]) == error(65, "no callback #42; see `desk callbacks --state all`"))
        #expect(try desk.run(["staff", "add", "Tanaka", "--name", "x"]) == error(65,
            "'Tanaka' is not a handle: use up to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter (tanaka)"))
        #expect(try desk.run(["staff", "add", "tanaka", "--name", "x"]) == error(65,
            "'tanaka' is already on the staff list; see `desk staff show tanaka`"))
        #expect(try desk.run(["config", "set", "business_hours", "18:00-09:00"]).status == 65)
        #expect(try desk.sql("SELECT count(*) FROM events") == events)
        #expect(try desk.sql("SELECT count(*) FROM callers") == "0\n")
    }

    @Test func aFileThatIsNotADatabaseExits65() throws {
        let desk = try DeskSandbox()
        try Data(String(repeating: "not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: desk.database))
        #expect(try desk.run(["callbacks"]) == error(65,
            "\(desk.database) is not a MessageDesk database (file is not a database); check --db or $DESK_DB"))
    }

    @Test func aMissingDatabaseExits66() throws {
        let desk = try DeskSandbox()
        #expect(try desk.run(["callbacks"]) == error(66,
            "no database at \(desk.database); create it with `desk init` (or point --db or DESK_DB at an existing one)"))
        #expect(!FileManager.default.fileExists(atPath: desk.database))
    }

    @Test func aDatabaseThatCannotBeCreatedExits73() throws {
        let desk = try DeskSandbox()
        let blocker = desk.directory + "/file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let result = try desk.run(["init", "--db", blocker + "/sub/desk.sqlite"])
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("desk: error: cannot open \(blocker)/sub/desk.sqlite (cannot create directory \(blocker)/sub"))
        #expect(result.stderr.hasSuffix("; check that its directory exists and is writable\n"))
    }

    /// A write that hits the file size limit (as a full disk would) fails with 74 and saves nothing.
    @Test func anIOErrorExits74AndSavesNothing() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        // The longest message there may be, in four-byte characters: 16 KB, whose commit grows the WAL past 48 KiB.
        let big = String(repeating: "\u{2000B}", count: TextLimit.message.maximum)
        let script = "trap '' XFSZ; ulimit -f 48; exec \"$0\" \"$@\""
        let result = try desk.runShell(script, arguments: [
            "log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", big])
        #expect(result.status == 74, "\(result)")
        #expect(result.stderr.hasPrefix("desk: error: "))
        #expect(result.stderr.hasSuffix("nothing was saved — check the disk\n") || result.stderr.contains("is full"))
        #expect(try desk.sql("SELECT count(*) FROM messages") == "0\n")
        #expect(try desk.sql("PRAGMA integrity_check") == "ok\n")
    }

    @Test func aWriterHeldPastTheBusyTimeoutExits75() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        let holder = try desk.holdWriteLock()
        defer { holder.release() }
        desk.extraEnvironment = ["DESK_BUSY_TIMEOUT": "200"]
        let result = try desk.run(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "x"])
        #expect(result == error(75,
            "\(desk.database) is busy: another desk held it past the busy timeout; try again (or raise DESK_BUSY_TIMEOUT)"))
        holder.release()
        #expect(try desk.sql("SELECT count(*) FROM messages") == "0\n")
    }

    @Test func aDatabaseThatMayNotBeOpenedExits77() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let result = try desk.runAsAnotherUser(["callbacks"])
        #expect(result.status == 77, "\(result)")
        #expect(result.stderr.hasPrefix("desk: error: no permission to open or write \(desk.database)"))
        #expect(result.stderr.hasSuffix("; check the owner and mode of it and its directory\n"))
    }

    @Test func aNewerDatabaseOrABadClockExits78() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        _ = try desk.sql("INSERT INTO schema_migrations VALUES ('9999_future', '2030-01-01T00:00:00Z')")
        #expect(try desk.run(["callbacks"]) == error(78,
            "\(desk.database) was written by a newer MessageDesk (unknown migrations: 9999_future); upgrade desk, or use a backup made by this version"))
        desk.now = "yesterday"
        #expect(try desk.run(["callbacks"]) == error(78,
            "DESK_NOW='yesterday' is not an ISO-8601 time such as 2026-11-24T10:00:00+09:00; fix or unset it"))
    }
}
