import Foundation

/// An exclusive lock on a database file itself, the way SQLite locks it: by the file, not the path.
///
/// A lock file named after the path (`desk.sqlite.notify.lock`) let two notifiers run at once when
/// they reached one database through a symlink or a hard link. This lock is `flock(2)` on a descriptor
/// of the database file, so every path to that file meets the same lock. Why this one:
/// - On Linux, `flock` locks and the POSIX `fcntl` byte-range locks SQLite takes (on bytes from 1 GiB
///   up, see sqlite.org/fileformat.html, "the lock-byte page") are separate: neither ever waits for
///   the other, so readers and writers carry on while a notifier holds this lock. (Over NFS, Linux
///   emulates `flock` with a whole-file `fcntl` lock; SQLite in WAL mode does not work over NFS anyway.)
/// - A POSIX lock of our own on the database file would belong to the same process as SQLite's and
///   merge with them.
/// - `close()` of any descriptor of a file drops every POSIX lock the process holds on it,
///   SQLite's included (sqlite.org/howtocorrupt.html, 2.2). So the descriptor is never closed: it is
///   opened once per file per process, kept in `open`, and unlocked with `LOCK_UN` instead.
enum DatabaseFileLock {
    /// Runs `body` holding the lock on the file at `path`; nil, without running it, when another
    /// process, or another caller in this one, holds it.
    static func withLock<T>(on path: String, _ body: () throws -> T) throws -> T? {
        guard let (file, descriptor) = try table.claim(path) else { return nil }
        defer { table.release(file) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { return nil }
            throw DeskError(.io, "cannot lock \(path): \(String(cString: strerror(errno)))")
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private static let table = Table()

    /// Which file: device and inode.
    private struct File: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// This process's descriptors of locked files, and which are held now (flock on one descriptor
    /// would not keep two callers in one process apart).
    private final class Table: @unchecked Sendable {
        private let mutex = NSLock()
        private var open: [File: Int32] = [:]
        private var held: Set<File> = []

        /// The file at `path` and this process's descriptor of it, marked held; nil when already held.
        func claim(_ path: String) throws -> (File, Int32)? {
            mutex.lock()
            defer { mutex.unlock() }
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw DeskError(.io, "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            var file = File(info)
            if open[file] == nil {
                let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0, fstat(descriptor, &info) == 0 else {
                    throw DeskError(.io, "cannot open \(path) to lock it: \(String(cString: strerror(errno)))")
                }
                // The path may have been given another file since `stat`: lock the one that was opened.
                file = File(info)
                open[file] = open[file] ?? descriptor
            }
            guard let descriptor = open[file], held.insert(file).inserted else { return nil }
            return (file, descriptor)
        }

        func release(_ file: File) {
            mutex.lock()
            defer { mutex.unlock() }
            held.remove(file)
        }
    }
}
