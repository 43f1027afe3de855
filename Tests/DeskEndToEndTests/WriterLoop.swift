import Foundation
import Testing

/// One operator at a terminal, as a process: a bash loop running `desk log` over and over, each
/// call from a new caller, until a stop file appears or it is killed.
///
/// The loop is its own process group (Foundation starts children that way), so `kill()` reaches
/// the `desk` it is running at that moment too. Output is read only when asked for, by blocking
/// on the pipe: the test waits for what the writers print, never for time to pass.
final class WriterLoop {
    let process: Process
    private let output: Pipe
    private var pending = Data()
    /// Every complete line read so far.
    private(set) var lines: [String] = []

    /// Starts writer `number` (distinct numbers give distinct phone numbers). With `messageBytes`
    /// the message is that long, so each commit writes several pages.
    init(_ desk: DeskSandbox, number: Int, stopFile: String? = nil, messageBytes: Int = 0) throws {
        let condition = stopFile.map { "[ ! -e \"\($0)\" ]" } ?? "true"
        let script = """
            body="伝言 $1"
            if [ "$2" -gt 0 ]; then body=$(head -c "$2" /dev/zero | tr '\\0' x); fi
            i=0
            while \(condition); do
              i=$((i + 1))
              "$0" log --for tanaka --caller "顧客$1-$i" --phone "$(printf '03-5%03d-%04d' "$1" "$i")" --message "$body" || exit 1
            done
            """
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, deskExecutable.path, String(number), String(messageBytes)]
        process.environment = desk.environment
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The callback ids the writer was told were saved (`saved: opened callback #N …`).
    var savedIDs: [Int] {
        lines.compactMap { line in
            guard line.hasPrefix("saved: opened callback #") else { return nil }
            return Int(line.dropFirst("saved: opened callback #".count).prefix { $0.isNumber })
        }
    }

    /// Reads until `count` saves have been reported in all; false if the output ended first.
    @discardableResult
    func waitForSaves(_ count: Int) -> Bool {
        while savedIDs.count < count {
            guard readMore() else { return false }
        }
        return true
    }

    /// True when the loop is running a `desk` at this moment (Linux `/proc`): a kill now hits it.
    var isRunningDesk: Bool {
        let pid = process.processIdentifier
        guard let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else { return false }
        return children.split(separator: " ").contains { child in
            let name = try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)
            return name?.trimmingCharacters(in: .whitespacesAndNewlines) == "desk"
        }
    }

    /// SIGKILL to the loop and the `desk` it is running, at whatever point they are.
    func kill() {
        Glibc.kill(-process.processIdentifier, SIGKILL)
    }

    /// Reads the rest of the output and waits for the loop to end.
    func finish() {
        while readMore() {}
        process.waitUntilExit()
    }

    /// Reads what is available (blocking until something is); false at the end of the output.
    private func readMore() -> Bool {
        let chunk = output.fileHandleForReading.availableData
        guard !chunk.isEmpty else { return false }
        pending.append(chunk)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...newline)
        }
        return true
    }
}
