import Foundation
import Testing

/// The repository's root, for running its scripts.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Output with its timing and size figures replaced by `N`, so the rest can be pinned exactly:
/// `… 98304 bytes in 12 ms …` → `… N bytes in N ms …`, `"duration_ms": 12` → `"duration_ms": N`.
func withoutFigures(_ text: String) -> String {
    text.replacingOccurrences(of: #"[0-9]+ bytes in [0-9]+ ms"#, with: "N bytes in N ms", options: .regularExpression)
        .replacingOccurrences(of: #""duration_ms": [0-9]+"#, with: #""duration_ms": N"#, options: .regularExpression)
}

/// Runs the `sqlite3` shell on any database file, waiting up to 10 s for a busy database (a desk
/// under load needs that even to read).
func sqlite(_ path: String, _ command: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = ["-cmd", ".timeout 10000", path, command]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Every table's schema and rows, as `sqlite3 .dump` prints them: two databases with equal dumps
/// hold the same tables, rows, indexes and triggers.
func dump(_ path: String) throws -> String {
    try sqlite(path, ".dump")
}

/// The files in a directory, sorted, hidden ones included.
func listing(_ directory: String) throws -> [String] {
    // The writer queue's lock file is no leftover: it lives beside the database for good (WriterQueue).
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".messagedesk-writers-") }.sorted()
}


/// The mode bits of a file (0o600 …).
func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
}

/// A dump without its `sqlite_sequence` rows: a restored database holds the backup's rows, with ids
/// going on above what the database it replaced handed out.
func withoutSequence(_ dump: String) -> String {
    dump.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("sqlite_sequence") }.joined(separator: "\n")
}

/// What a run that fails prints: nothing on stdout, one `desk: error:` line on stderr.
func failure(_ status: Int32, _ line: String) -> DeskResult {
    DeskResult(status: status, stdout: "", stderr: "desk: error: \(line)\n")
}
