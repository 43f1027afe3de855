import Foundation

/// The file one simulation run builds its database in, beside the simulation database it will replace
/// (`.NAME.partial-` and six random characters, mode 0600).
///
/// The run holds an `flock` on it while it lives, so that the next run can tell a live run's file from one
/// left by a run that was killed, and remove only the latter: a year's simulation is hundreds of megabytes.
/// (SQLite locks with `fcntl`, which `flock` does not touch on Linux.)
final class SimulationRunFile {
    /// Where the run's database is built.
    let path: String
    private let descriptor: Int32

    /// Creates the file beside `destination` and locks it for this run.
    ///
    /// Between its creation and the lock the file is empty, and `removeAbandoned` leaves empty files alone.
    init(beside destination: String) throws {
        path = try DurableFile.makeTemporary(beside: destination)
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            if descriptor >= 0 { close(descriptor) }
            DurableFile.removeIfPresent(path)
            throw DurableFile.error(code, "cannot lock \(path)", hint: "check the directory")
        }
    }

    /// Unlocks. Only once SQLite has closed the file: closing any descriptor of a file drops every `fcntl`
    /// lock this process holds on it.
    deinit { close(descriptor) }

    /// Removes the run's files, after a failure.
    func discard() {
        Self.remove(path)
    }

    /// Removes what killed runs left beside `destination`: their files that no live run holds locked.
    static func removeAbandoned(beside destination: String) {
        let directory = DurableFile.directory(of: destination)
        let name = destination.split(separator: "/").last.map(String.init) ?? destination
        let prefix = ".\(name).partial-"   // as DurableFile.makeTemporary names it
        // Nothing to clean when the directory cannot be listed: the run itself will say what is wrong.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let runs = Set(names.filter { $0.hasPrefix(prefix) }.map { name in
            ["-journal", "-wal", "-shm"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) } ?? name
        })
        for run in runs.sorted() {
            let path = directory + "/" + run
            guard let file = FileIdentity(path: path) else {
                DurableFile.removeJournals(of: path)   // the database is gone; its journals are of no one
                continue
            }
            guard file.size > 0, !file.isDirectory else { continue }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { remove(path) }
            close(fd)
        }
    }

    /// Removes a run's database and the journals SQLite may have left beside it.
    private static func remove(_ path: String) {
        DurableFile.removeIfPresent(path)
        DurableFile.removeJournals(of: path)
    }
}
