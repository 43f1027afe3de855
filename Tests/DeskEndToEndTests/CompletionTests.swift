import Foundation
import Testing

/// Tab completion offers the desk's own names — staff handles, account codes, live callback ids — by running
/// desk itself (ArgumentParser's custom completion), read-only: nothing is created, nothing is migrated.
@Suite struct CompletionTests {
    /// What the shell's completion function asks desk for: `desk ---completion SUBCOMMANDS -- ARGUMENT INDEX CURSOR WORDS…`.
    func complete(_ desk: DeskSandbox, _ subcommands: [String], _ argument: String, words: [String]) throws -> DeskResult {
        var copy = desk
        copy.extraEnvironment["SAP_SHELL"] = "bash"
        return try copy.run(["---completion"] + subcommands + ["--", argument, String(words.count - 1), "0"] + words)
    }

    @Test func handlesAccountCodesAndLiveCallbackIDsComplete() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", "見積"])
        try desk.ok(["log", "--for", "suzuki", "--caller", "佐藤", "--phone", "03-1234-0000", "--message", "納期"])
        try desk.ok(["cancel", "2", "--reason", "済み"])
        let before = try listing(desk.directory)
        let bytes = FileManager.default.contents(atPath: desk.database)
        #expect(try complete(desk, ["log"], "--for", words: ["desk", "log", "--for", ""])
                == DeskResult(status: 0, stdout: "boss\nsato\nsuzuki\ntanaka\n", stderr: ""))
        #expect(try complete(desk, ["callbacks"], "--account", words: ["desk", "callbacks", "--account", ""])
                == DeskResult(status: 0, stdout: "default\n", stderr: ""))
        // Only callbacks still open or acknowledged: #2 was cancelled.
        #expect(try complete(desk, ["ack"], "positional@0", words: ["desk", "ack", ""])
                == DeskResult(status: 0, stdout: "1\n", stderr: ""))
        // Read-only: no -wal, no -shm, no lock file was left behind, and the database is unchanged.
        #expect(try listing(desk.directory) == before)
        #expect(FileManager.default.contents(atPath: desk.database) == bytes)
    }

    @Test func aMissingDeskCompletesNothingSilentlyAndCreatesNothing() throws {
        var desk = try DeskSandbox()
        desk.extraEnvironment["DESK_DB"] = desk.directory + "/none/desk.sqlite"
        #expect(try complete(desk, ["log"], "--for", words: ["desk", "log", "--for", ""]) == DeskResult(status: 0, stdout: "", stderr: ""))
        #expect(!FileManager.default.fileExists(atPath: desk.directory + "/none"))
    }
}
