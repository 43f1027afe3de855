import Foundation
@testable import DeskStorage
@testable import MessageDesk

/// A clock that never moves, so that reported durations are exactly zero in tests.
struct StoppedClock: Clock {
    let now = ContinuousClock.now
    var minimumResolution: Duration { .zero }
    func sleep(until deadline: ContinuousClock.Instant, tolerance: Duration?) async throws {}
}

/// The files in a directory, sorted, hidden ones included: what a test expects to find there.
func listing(_ directory: String) throws -> [String] {
    // The writer queue's lock file is no leftover: it lives beside the database for good (WriterQueue).
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".messagedesk-writers-") }.sorted()
}

/// Overwrites the first page of an index with zeros, as a disk fault would: the table is intact,
/// `PRAGMA integrity_check` is not. The database must be closed (its WAL folded in).
func damageIndex(_ index: String, of path: String) throws {
    let (pageSize, root) = try { () throws -> (Int, Int) in
        let database = try SQLiteDatabase(path: path, options: .init(create: false))
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return (try database.scalarInt("PRAGMA page_size") ?? 4096,
                try database.scalarInt("SELECT rootpage FROM sqlite_master WHERE name = ?", [.text(index)]) ?? 0)
    }()
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64((root - 1) * pageSize))
    handle.write(Data(count: pageSize))
    try handle.synchronize()
}

/// The events of a database as text, one per line, for comparing two databases' histories.
func eventLines(_ path: String) throws -> [String] {
    let database = try SQLiteDatabase(path: path, options: .init(create: false, readOnly: true))
    return try database.statement("SELECT id, at, actor, kind, subject, subject_id FROM events ORDER BY id").map {
        "\(try $0.int(0)) \(try $0.string(1)) \(try $0.string(2)) \(try $0.string(3)) \(try $0.string(4)) \(try $0.int(5))"
    }
}

/// The mode bits of a file (0o600 …).
func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
}
