import Foundation

/// A stdout that cannot be written: where a run's output goes when the disk is full, stdout was
/// closed, or the program reading a pipe has gone.
enum BrokenOutput: CaseIterable, CustomStringConvertible {
    /// `/dev/full`: every write fails with ENOSPC, as on a full disk.
    case fullDisk
    /// File descriptor 1 closed before desk starts (`>&-`): EBADF.
    case closed
    /// A pipe whose read end is closed before desk starts (`desk log | head -0`): EPIPE.
    case readerGone

    var description: String {
        switch self {
        case .fullDisk: "stdout on /dev/full"
        case .closed: "stdout closed"
        case .readerGone: "stdout a pipe nobody reads"
        }
    }
}

extension DeskSandbox {
    /// Runs `desk` with stdout broken in the given way, stderr captured and stdin fed `input`.
    func run(_ arguments: [String], stdout broken: BrokenOutput, input: String = "") throws -> DeskResult {
        let process = Process()
        process.environment = environment
        process.currentDirectoryURL = workingDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var stdoutEnd: FileHandle?
        switch broken {
        case .fullDisk:
            process.executableURL = deskExecutable
            process.arguments = arguments
            guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw CocoaError(.fileNoSuchFile) }
            stdoutEnd = full
            process.standardOutput = full
        case .closed:
            // The shell closes fd 1 and then becomes desk, so desk starts without a stdout.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", deskExecutable.path] + arguments
        case .readerGone:
            process.executableURL = deskExecutable
            process.arguments = arguments
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            stdoutEnd = pipe.fileHandleForWriting
            process.standardOutput = pipe.fileHandleForWriting
        }
        // Input from a file, not a pipe: desk may exit before reading it, and writing to a pipe
        // nobody reads would kill the test runner with SIGPIPE.
        let inputPath = directory + "/input-\(UUID().uuidString)"
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        guard let stdin = FileHandle(forReadingAtPath: inputPath) else { throw CocoaError(.fileReadUnknown) }
        defer { try? stdin.close() }
        let err = Pipe()
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        // Our copy of desk's stdout must not keep the pipe open (or /dev/full) once desk has its own.
        try stdoutEnd?.close()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // A death by signal shows as 128 + the signal, as a shell reports it.
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return DeskResult(status: status, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
    }
}
