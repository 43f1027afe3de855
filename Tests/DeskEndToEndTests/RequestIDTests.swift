import Foundation
import Testing

/// `--request-id`: a submission retried with the same key (after a timeout, a kill after the commit, an
/// exit 75) prints the first result and records nothing new; the same key with other content is refused.
@Suite struct RequestIDTests {
    let log = ["log", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678", "--message", "見積の件で折り返しください"]
    let saved = """
        saved: opened callback #1 for tanaka (田中一郎), due 18:00
        tanaka is in the office

        """

    /// A whole form for tanaka from a new caller, every other question left at its default, saved at the end.
    let formAnswers = ["tanaka", "03-1234-5678", "山田太郎", "", "見積の件で", ""] + Array(repeating: "", count: 12)

    /// The office with a `sqlite3` shell holding the write lock, and no busy timeout: every save is busy at once.
    func busyOffice() throws -> (DeskSandbox, WriteLockHolder) {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        desk.extraEnvironment["DESK_BUSY_TIMEOUT"] = "0"
        return (desk, try desk.holdWriteLock())
    }

    /// Calls, callbacks (with their repeat counts), messages, events and submissions: what a retry must not add to.
    func counts(_ desk: DeskSandbox) throws -> String {
        try desk.sql("""
            SELECT (SELECT count(*) FROM calls), (SELECT group_concat(repeat_count) FROM callbacks),
                   (SELECT count(*) FROM messages), (SELECT count(*) FROM events), (SELECT count(*) FROM submissions)
            """)
    }

    @Test func theSameKeyTwicePrintsTheFirstResultAndRecordsOneCall() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let first = try desk.run(log + ["--request-id", "pbx-7781"])
        #expect(first == DeskResult(status: 0, stdout: saved, stderr: ""))
        let after = try counts(desk)
        let retry = try desk.run(log + ["--request-id", "pbx-7781"])
        #expect(retry == first)
        #expect(try counts(desk) == after)
        #expect(try desk.sql("SELECT count(*), group_concat(repeat_count) FROM callbacks") == "1|0\n")
        #expect(try desk.sql("SELECT request_id, call_id FROM submissions") == "pbx-7781|1\n")
    }

    @Test func aRetryLaterPrintsTheFirstResultNotTheCallbackAsItIsNow() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        let first = try desk.run(log + ["--request-id", "k1"])
        // Another call from the same caller joins the callback; then the first submission is retried, later.
        try desk.ok(log)
        desk.now = "2026-11-20T11:40:00+09:00"
        #expect(try desk.run(log + ["--request-id", "k1"]) == first)
        #expect(try desk.sql("SELECT count(*), group_concat(repeat_count) FROM callbacks") == "1|1\n")
    }

    @Test func theSameKeyWithAnotherMessageIsRefusedAndNothingIsRecorded() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(log + ["--request-id", "pbx-7781"])
        let before = try desk.sql(".dump")
        var other = log
        other[other.count - 1] = "別の件です"
        #expect(try desk.run(other + ["--request-id", "pbx-7781"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: request id 'pbx-7781' was already used for a different message (call 1 at 2026-11-20 10:15); a retry must repeat the same request exactly — give a new --request-id for a new message

            """))
        #expect(try desk.sql(".dump") == before)
    }

    @Test func aRetryAfterAKillAfterTheCommitPrintsWhatTheFirstRunWouldHavePrinted() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        // The first run commits and its output is lost, as when it is killed between the commit and the print.
        let lost = try desk.runShell(#"exec "$0" "$@" >/dev/null"#, arguments: log + ["--request-id", "k-after-kill"])
        #expect(lost == DeskResult(status: 0, stdout: "", stderr: ""))
        #expect(try desk.run(log + ["--request-id", "k-after-kill"]) == DeskResult(status: 0, stdout: saved, stderr: ""))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "1\n")
    }

    @Test func aRetryAfterBusyRecordsTheCallOnce() throws {
        let (desk, holder) = try busyOffice()
        let busy = try desk.run(log + ["--request-id", "k-busy"])
        holder.release()
        #expect(busy.status == 75)
        #expect(try desk.sql("SELECT count(*) FROM calls") == "0\n")
        #expect(try desk.run(log + ["--request-id", "k-busy"]) == DeskResult(status: 0, stdout: saved, stderr: ""))
        #expect(try desk.run(log + ["--request-id", "k-busy"]) == DeskResult(status: 0, stdout: saved, stderr: ""))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "1\n")
    }

    @Test func aRetryAsksForJSONAndGetsTheFirstResultAsJSON() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(log + ["--request-id", "k-json"])
        try desk.ok(log)  // a repeat call: the callback now counts 2 calls
        let retry = try desk.run(log + ["--request-id", "k-json", "--json"])
        #expect(retry.status == 0)
        #expect(retry.stdout.contains("\"joined\": false"))
        #expect(retry.stdout.contains("\"call_id\": 1,"))
        #expect(retry.stdout.contains("\"repeat_count\": 0,"))
    }

    @Test(arguments: ["", String(repeating: "k", count: 129), "has space", "日本語", "semi;colon", "new\nline"])
    func aKeyOutsideTheRulesIsAUsageError(key: String) throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let result = try desk.run(log + ["--request-id", key])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--request-id must be 1 to 128 characters of A-Z a-z 0-9 . _ : -"))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "0\n")
    }

    @Test func eightProcessesSubmittingTheSameKeyAtOnceRecordOneCall() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        // The eight start while a shell holds the write lock, say so on a shared pipe, and all go when it is released.
        let holder = try desk.holdWriteLock()
        let arguments = (log + ["--request-id", "same-key"]).map { "'\($0)'" }.joined(separator: " ")
        let started = try (1...8).map { number in
            let process = Process(), ready = Pipe()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "echo ready >&2; exec \"$0\" \(arguments) >\(desk.directory)/out\(number) 2>&1",
                                 deskExecutable.path]
            process.environment = desk.environment
            process.standardError = ready
            try process.run()
            return (process, ready)
        }
        for (_, ready) in started { readUntil(ready, shows: "ready") }
        let processes = started.map(\.0)
        holder.release()
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        for number in 1...8 {
            #expect(try String(contentsOfFile: "\(desk.directory)/out\(number)", encoding: .utf8) == saved)
        }
        #expect(try desk.sql("SELECT (SELECT count(*) FROM calls), (SELECT count(*) FROM callbacks), (SELECT repeat_count FROM callbacks)") == "1|1|0\n")
    }

    @Test func theFormSetsItsOwnKeyAndATakeWithAGivenKeyIsNotRecordedTwice() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let input = formAnswers.joined(separator: "\n") + "\n"
        let first = try desk.run(["take", "--as", "sato"], input: input)
        #expect(first.status == 0)
        // The form's own key: a random UUID, made when the form starts.
        let key = try desk.sql("SELECT request_id FROM submissions")
        #expect(key.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n$"#, options: .regularExpression) != nil)
        let again = try desk.run(["take", "--as", "sato", "--request-id", key.trimmingCharacters(in: .newlines)], input: input)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("saved: opened callback #1 for tanaka (田中一郎), due 18:00\ntanaka is in the office\n"))
        #expect(try desk.sql("SELECT count(*), group_concat(repeat_count) FROM callbacks") == "1|0\n")
    }

    @Test func theFormOffersToSaveAgainAfterBusyAndSavesOnce() throws {
        let (desk, holder) = try busyOffice()
        let form = try FormProcess(desk, ["take", "--as", "sato"], input: formAnswers.joined(separator: "\n") + "\n")
        form.readUntil("Try to save again? [Y/n]: ")
        holder.release()
        form.send("y\n")
        let result = form.finish()
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
            Save? [Y/n]: \("")
              ✗ not saved yet: \(desk.database) is busy: another desk held it past the busy timeout; try again (or raise DESK_BUSY_TIMEOUT)
            Try to save again? [Y/n]: y
            saved: opened callback #1 for tanaka (田中一郎), due 18:00
            """))
        #expect(try desk.sql("SELECT count(*) FROM calls") == "1\n")
    }

    @Test func theFormGivesUpWith75WhenTheOperatorDeclinesToSaveAgain() throws {
        let (desk, holder) = try busyOffice()
        defer { holder.release() }
        let result = try desk.run(["take", "--as", "sato"], input: (formAnswers + ["n"]).joined(separator: "\n") + "\n")
        #expect(result.status == 75)
        #expect(result.stdout.hasSuffix("Try to save again? [Y/n]: n\n"))
        #expect(result.stderr == "desk: error: \(desk.database) is busy: another desk held it past the busy timeout; try again (or raise DESK_BUSY_TIMEOUT)\n")
        holder.release()
        #expect(try desk.sql("SELECT count(*) FROM calls") == "0\n")
    }
}

/// A `desk` process fed its input piece by piece, for a dialogue whose next answer depends on what it asked.
final class FormProcess {
    let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private var seen = Data()

    init(_ desk: DeskSandbox, _ arguments: [String], input text: String) throws {
        process.executableURL = deskExecutable
        process.arguments = arguments
        process.environment = desk.environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        send(text)
    }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Reads stdout until it shows `text` (blocking on the pipe, no sleeping) or ends.
    func readUntil(_ text: String) {
        while !String(decoding: seen, as: UTF8.self).contains(text) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return }
            seen.append(chunk)
        }
    }

    /// Closes stdin, reads the rest and waits for the exit.
    func finish() -> DeskResult {
        try? input.fileHandleForWriting.close()
        seen.append(output.fileHandleForReading.readDataToEndOfFile())
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DeskResult(status: process.terminationStatus, stdout: String(decoding: seen, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A screened call (`desk log --outcome`) with a request id: a retry prints the first result, as JSON when it
/// asks for JSON, and records nothing; the same key with other content is refused.
extension RequestIDTests {
    var sales: [String] { ["log", "--outcome", "sales", "--phone", "03-9999-0001", "--request-id", "pbx-9001"] }

    /// Screened calls, events and submissions: what a retry must not add to.
    func screenedCounts(_ desk: DeskSandbox) throws -> String {
        try desk.sql("""
            SELECT (SELECT count(*) FROM screened_calls), (SELECT count(*) FROM events),
                   (SELECT group_concat(request_id || ':' || coalesce(call_id, '-') || ':' || coalesce(screened_call_id, '-'))
                    FROM submissions)
            """)
    }

    @Test func aRetriedScreenedCallPrintsTheFirstResultAndRecordsOneCall() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        let first = try desk.run(sales)
        #expect(first == DeskResult(status: 0, stdout: "recorded call 1 as sales; no callback opened\n", stderr: ""))
        let after = try screenedCounts(desk)
        #expect(after.hasPrefix("1|") && after.hasSuffix("|pbx-9001:-:1\n"))
        desk.now = "2026-11-20T10:20:00+09:00"
        #expect(try desk.run(sales) == first)
        #expect(try desk.run(sales + ["--json"]) == DeskResult(status: 0, stdout: """
            {
              "call_id": 1,
              "account": "default",
              "outcome": "sales",
              "phone": "+81399990001",
              "at": "2026-11-20T10:15:00+09:00"
            }

            """, stderr: ""))
        #expect(try screenedCounts(desk) == after)
    }

    /// A message from a number on the block list is recorded as blocked; retried with its key, it is recorded once.
    @Test func aRetriedMessageFromABlockedNumberIsRecordedOnce() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["account", "block", "default", "03-1234-5678", "--as", "boss"])
        let first = try desk.run(log + ["--request-id", "b-1"])
        #expect(first == DeskResult(
            status: 0, stdout: "recorded call 1 as blocked: 03-1234-5678 is on default's block list; no callback opened\n", stderr: ""))
        let after = try screenedCounts(desk)
        #expect(after.hasPrefix("1|") && after.hasSuffix("|b-1:-:1\n"))
        #expect(try desk.run(log + ["--request-id", "b-1"]) == first)
        #expect(try screenedCounts(desk) == after)
    }

    @Test func theSameKeyWithAnotherCallIsRefusedAndNothingIsRecorded() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(sales)
        let before = try desk.sql(".dump")
        var spam = sales
        spam[2] = "spam"
        #expect(try desk.run(spam) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: request id 'pbx-9001' was already used for a different call (call 1 at 2026-11-20 10:15); a retry must repeat the same request exactly — give a new --request-id for a new call

            """))
        // A message may not take a screened call's key either, nor a screened call a message's.
        #expect(try desk.run(log + ["--request-id", "pbx-9001"]).status == 65)
        #expect(try desk.sql(".dump") == before)
        try desk.ok(log + ["--request-id", "m-1"])
        var taken = sales
        taken[taken.count - 1] = "m-1"
        #expect(try desk.run(taken).status == 65)
    }
}

extension RequestIDTests {
    /// A request id is one account's: the same key with the same words under another account must not hand
    /// back the first account's receipt (its caller, its person, its callback), and records nothing.
    @Test func aKeyUsedByAnotherAccountIsRefusedWithoutShowingItsReceipt() throws {
        let desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "ベータです", "--line", "06-6000-0001"])
        for account in ["acme", "beta"] {
            try desk.ok(["staff", "add", "tanaka", "--name", "田中一郎", "--account", account])
        }
        let acme = try desk.run(log + ["--account", "acme", "--request-id", "pbx-1"])
        #expect(acme.status == 0)
        let before = try counts(desk)
        #expect(try desk.run(log + ["--account", "beta", "--request-id", "pbx-1"]) == DeskResult(
            status: 65, stdout: "",
            stderr: "desk: error: request id 'pbx-1' was already used by another account; give a new --request-id for a new message\n"))
        #expect(try counts(desk) == before)
        let screened = ["log", "--outcome", "sales", "--phone", "03-9999-0000", "--request-id", "pbx-2"]
        #expect(try desk.run(screened + ["--account", "acme"]).status == 0)
        #expect(try desk.run(screened + ["--account", "beta"]) == DeskResult(
            status: 65, stdout: "",
            stderr: "desk: error: request id 'pbx-2' was already used by another account; give a new --request-id for a new call\n"))
        // The first account's retry still gets its own receipt.
        #expect(try desk.run(log + ["--account", "acme", "--request-id", "pbx-1"]) == acme)
    }
}
