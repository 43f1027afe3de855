import Foundation
@testable import DeskStorage
import MessageDesk
import TestScratch
import Testing

/// What a run of the built `desk` binary printed, and how it exited.
struct DeskResult: Equatable, CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

/// The built `desk` executable, next to the test bundle in the products directory.
var deskExecutable: URL {
    var directory = Bundle.main.bundleURL
    // swift test on Linux runs the xctest bundle from the products directory itself.
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("desk")
    }
    return directory.appendingPathComponent("desk")
}

/// A desk database in a fresh directory, with the environment `desk` runs in for one test.
struct DeskSandbox {
    let directory: String
    var database: String { directory + "/desk.sqlite" }
    /// The clock every run sees unless told otherwise: Friday 2026-11-20 10:15 in Tokyo.
    var now = "2026-11-20T10:15:00+09:00"
    var extraEnvironment: [String: String] = [:]
    /// Where runs start (nil: the test runner's own working directory).
    var workingDirectory: String?

    init() throws {
        // World-traversable, so the permission test can run desk as another user inside it; removed when the run ends.
        directory = try ScratchDirectory.make("desk-e2e")
    }

    /// The environment of a run: no colour settings, no inherited desk variables, a fixed clock.
    var environment: [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory, "USER": "tester", "LANG": "C.UTF-8",
            "DESK_DB": database, "DESK_NOW": now,
        ]
        for (key, value) in extraEnvironment { environment[key] = value }
        return environment
    }

    /// Runs `desk` with `arguments`, feeding `input` to stdin, and waits for it.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, executable: URL? = nil, prefix: [String] = []) throws -> DeskResult {
        let process = Process()
        process.executableURL = executable ?? deskExecutable
        process.arguments = prefix + arguments
        process.environment = environment
        process.currentDirectoryURL = workingDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return DeskResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `desk` and records a test issue unless it exits 0.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> DeskResult {
        let result = try run(arguments)
        #expect(result.status == 0, "desk \(arguments.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
        return result
    }

    /// `desk init` plus the staff of the walkthrough: tanaka (substitute suzuki, escalation boss), suzuki, boss, sato.
    func setUpOffice() throws {
        try ok(["init"])
        try ok(["staff", "add", "boss", "--name", "部長", "--role", "manager"])
        try ok(["staff", "add", "suzuki", "--name", "鈴木花子", "--mobile", "090-1111-2222"])
        try ok(["staff", "add", "tanaka", "--name", "田中一郎", "--mobile", "090-3333-4444",
                "--substitute", "suzuki", "--escalate-to", "boss"])
        try ok(["staff", "add", "sato", "--name", "佐藤", "--role", "operator"])
    }

    /// Runs a query with the sqlite3 shell, for checking database contents independently of desk.
    func sql(_ query: String) throws -> String {
        try sqlite(database, query)
    }
}

extension DeskSandbox {
    /// Runs `desk` through `bash -c SCRIPT desk ARGS…` (the script ends with `exec "$0" "$@"`), to set limits.
    func runShell(_ script: String, arguments: [String]) throws -> DeskResult {
        var copy = self
        copy.extraEnvironment["DESK_SHELL_WRAPPED"] = "1"
        return try copy.run(arguments, executable: URL(fileURLWithPath: "/bin/bash"),
                            prefix: ["-c", script, deskExecutable.path])
    }

    /// Runs `desk` as user `nobody` when we are root (root ignores file modes), else with the database
    /// file made unreadable for the duration.
    func runAsAnotherUser(_ arguments: [String]) throws -> DeskResult {
        if getuid() == 0 {
            return try run(arguments, executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                           prefix: ["--reuid=65534", "--regid=65534", "--clear-groups", deskExecutable.path])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: database)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database) }
        return try run(arguments)
    }

    /// Holds the database's write lock from a `sqlite3` shell until released.
    func holdWriteLock() throws -> WriteLockHolder {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        // Wait for the shell to say it holds the lock: reading blocks until it does, no sleeping.
        readUntil(output, shows: "locked")
        return WriteLockHolder(process: process, input: input)
    }
}

/// A `sqlite3` shell holding the write lock; `release()` rolls back and ends it.
final class WriteLockHolder: @unchecked Sendable {
    let process: Process
    let input: Pipe
    private var released = false

    init(process: Process, input: Pipe) {
        self.process = process
        self.input = input
    }

    func release() {
        guard !released else { return }
        released = true
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// The ids of every migration this build knows, in order: what a new database records.
let allMigrations = Migration.embedded.map(\.id)
/// The newest migration's id.
let latestMigration = allMigrations.last ?? ""

/// Reads `pipe` until what it printed contains `text` (or it ends): reading blocks, nothing sleeps.
func readUntil(_ pipe: Pipe, shows text: String) {
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains(text) {
        let chunk = pipe.fileHandleForReading.availableData
        if chunk.isEmpty { return }
        seen.append(chunk)
    }
}

extension DeskSandbox {
    /// Starts `desk` with `arguments` and does not wait for it: the running process and its stdout (stderr is dropped).
    func start(_ arguments: [String]) throws -> (process: Process, stdout: Pipe) {
        let process = Process()
        process.executableURL = deskExecutable
        process.arguments = arguments
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, stdout)
    }
}
