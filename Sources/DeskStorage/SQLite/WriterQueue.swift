import CSQLite
import Foundation
import Synchronization

/// The queue writers wait in before `BEGIN IMMEDIATE`: first come, first served, on a lock file of our own.
///
/// SQLite's busy handler sleeps and retries (1, 2, 5 … then 100 ms at a time): a writer that has waited
/// long sleeps while newcomers take the lock in the gaps, so under 32 writers a few waited past the busy
/// timeout (issue 12, item 13). A plain `flock` is no fairer: Linux wakes every waiter when it is let go,
/// and whoever runs first (often a newcomer) takes it; at 32 writers that left a p99 of 1.06 s.
///
/// So the queue is a ticket lock made of open-file-description byte-range locks (`F_OFD_SETLK`, Linux 3.15):
/// - a writer draws the next ticket from a counter in the file's first 8 bytes, under a lock on those bytes;
/// - before letting the counter go, it locks the byte of its ticket (`base + ticket`) exclusively;
/// - its turn comes when no earlier ticket's byte is held: a shared lock on `[base, base + ticket)`, which
///   the kernel grants the moment the last earlier writer lets its byte go — no sleep, no polling;
/// - it lets its byte go after COMMIT or ROLLBACK, and the next ticket's wait ends at once.
/// A writer killed at any point loses its locks with its process, so it never blocks the queue; one that
/// gives up (busy timeout) lets its byte go and leaves, and those behind it wait only for those before it.
///
/// The lock file sits next to the database's real file (symlinks resolved) and is named by its device and
/// inode, so every path to one database — a symlink, a second hard link in the same directory — waits in one
/// queue. Readers never take it (WAL readers do not block writers), and it is never a reason to fail: when it
/// cannot be used, writers fall back to SQLite's own locking, which stays what keeps them apart.
///
/// A blocking `F_OFD_SETLKW` has no timeout of its own, so a wait that may last is done by a helper thread
/// while the writer waits on a semaphore for at most the busy timeout. On time-out the writer leaves with busy
/// and hands the descriptor to the helper, which closes it (letting go of everything) when its wait returns.
/// No signals (an `EINTR` from a timer would touch the whole process's signal handling) and no polling.
package final class WriterQueue {
    /// The lock file.
    package let lockPath: String
    /// The database file's permission bits: the lock file is made with the same (0600 for a desk).
    private let mode: mode_t
    /// The open lock file, opened on the first write; -1 when not open.
    private var descriptor: Int32 = -1
    /// The ticket whose byte this writer holds during its turn.
    private var ticket: off_t = 0

    /// The counter's bytes, and where the tickets' bytes begin.
    private static let counterBytes: off_t = 8
    private static let firstTicketByte: off_t = 1 << 20
    /// `F_OFD_SETLK` and `F_OFD_SETLKW` (Linux `<bits/fcntl-linux.h>`; Swift does not import them).
    fileprivate static let setLock: Int32 = 37, setLockWaiting: Int32 = 38

    /// The queue of the database at `databasePath`; nil when that is not a file (yet).
    package init?(databasePath: String) {
        guard let resolved = realpath(databasePath, nil) else { return nil }
        let real = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let directory = real.lastIndex(of: "/").map { String(real[..<$0]) } ?? "."
        lockPath = directory + "/" + Self.lockName(device: info.st_dev, inode: info.st_ino)
        mode = info.st_mode & 0o666
    }

    /// The lock file's name for the database file with this device and inode.
    static func lockName(device: dev_t, inode: ino_t) -> String {
        ".messagedesk-writers-\(String(device, radix: 16))-\(inode).lock"
    }

    /// The lock files in `directory` (whose entries are `names`) of database files no entry there is any
    /// more: a database replaced by a restore or by the next simulation has a new inode, and so a new
    /// lock file. Nobody can reach the old one again, so it may go.
    package static func staleLockFiles(in directory: String, names: [String]) -> [String] {
        let candidates = names.filter { $0.hasPrefix(".messagedesk-writers-") && $0.hasSuffix(".lock") }
        guard !candidates.isEmpty else { return [] }
        var live = Set<String>()
        for name in names where !candidates.contains(name) {
            var info = stat()
            if lstat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                live.insert(lockName(device: info.st_dev, inode: info.st_ino))
            }
        }
        return candidates.filter { !live.contains($0) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Waits for this writer's turn, at most `timeout` milliseconds.
    ///
    /// - Returns: true when the turn is taken (call `leave()` after COMMIT or ROLLBACK); false when the lock
    ///   file cannot be used, and the writer goes on to SQLite's own locking.
    /// - Throws: `SQLITE_BUSY` when the writers before it held the queue for the whole timeout.
    func enter(within timeout: Int32) throws -> Bool {
        guard let fd = openLockFile() else { return false }
        let deadline = DispatchTime.now() + .milliseconds(Int(timeout))
        // The counter is locked only while a ticket is drawn (microseconds), but a writer stopped there
        // (SIGSTOP) must not stop the others past their timeout either: the same bounded wait serves.
        switch Self.lock(fd, F_WRLCK, from: 0, length: Self.counterBytes, until: deadline) {
        case .unusable: return false
        case .timedOut: return try gaveUp(after: timeout, handingOver: fd)
        case .locked: break
        }
        var counter: off_t = 0
        let drawn = pread(fd, &counter, 8, 0) == 8 ? counter : 0
        counter = drawn &+ 1
        let written = pwrite(fd, &counter, 8, 0) == 8
        let mine = written && Self.lock(fd, F_WRLCK, from: Self.firstTicketByte + drawn, length: 1, until: .now()) == .locked
        Self.unlock(fd, from: 0, length: Self.counterBytes)
        guard mine else { return false }
        ticket = drawn
        guard drawn > 0 else { return true }
        switch Self.lock(fd, F_RDLCK, from: Self.firstTicketByte, length: drawn, until: deadline) {
        case .locked:
            // Every earlier writer is done; holding their bytes would only slow the ones after.
            Self.unlock(fd, from: Self.firstTicketByte, length: drawn)
            return true
        case .unusable:
            leave()
            return false
        case .timedOut:
            leave()  // those behind wait only for those before
            return try gaveUp(after: timeout, handingOver: fd)
        }
    }

    /// Ends this writer's turn: the next ticket's wait ends at once.
    func leave() {
        Self.unlock(descriptor, from: Self.firstTicketByte + ticket, length: 1)
    }

    /// Busy, after a wait whose helper now owns the descriptor (the next write opens a new one).
    private func gaveUp(after timeout: Int32, handingOver fd: Int32) throws -> Bool {
        if descriptor == fd { descriptor = -1 }
        throw DatabaseError(extendedCode: SQLITE_BUSY,
                            message: "another writer held the writer queue (\(lockPath)) past the busy timeout of \(timeout) ms")
    }

    /// The lock file, created with the database's mode if missing; nil when it cannot be opened.
    private func openLockFile() -> Int32? {
        if descriptor >= 0 { return descriptor }
        // O_NOFOLLOW: a symlink planted at the lock's name is refused, never followed.
        var fd = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd >= 0 {
            fchmod(fd, mode)  // the umask may have narrowed it; the lock is shared by whoever shares the database
        } else if errno == EEXIST {
            fd = open(lockPath, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else { return nil }
        descriptor = fd
        return fd
    }

    // MARK: - Byte-range locks

    private enum Outcome { case locked, unusable, timedOut }

    fileprivate static func range(_ type: Int32, from start: off_t, length: off_t) -> Glibc.flock {
        var range = Glibc.flock()
        range.l_type = Int16(type)
        range.l_whence = Int16(SEEK_SET)
        range.l_start = start
        range.l_len = length
        return range  // l_pid stays 0, as OFD locks require
    }

    private static func unlock(_ fd: Int32, from start: off_t, length: off_t) {
        var unlocking = range(F_UNLCK, from: start, length: length)
        _ = fcntl(fd, setLock, &unlocking)
    }

    /// Takes a lock at once if free, else waits for it on a helper thread until `deadline`. On time-out the
    /// helper owns `fd` and closes it when its wait returns.
    private static func lock(_ fd: Int32, _ type: Int32, from start: off_t, length: off_t,
                             until deadline: DispatchTime) -> Outcome {
        var wanted = range(type, from: start, length: length)
        if fcntl(fd, setLock, &wanted) == 0 { return .locked }
        guard errno == EAGAIN || errno == EACCES else { return .unusable }
        guard deadline > .now() else { return .timedOut }
        let wait = Wait(descriptor: fd, type: type, start: start, length: length)
        Thread { wait.block() }.start()
        return wait.outcome(until: deadline)
    }

    /// One blocking wait for a lock, shared by the writer and the helper thread that does the waiting.
    private final class Wait: Sendable {
        enum State { case waiting, locked, failed, abandoned }
        let descriptor: Int32
        let type: Int32, start: off_t, length: off_t
        let state = Mutex(State.waiting)
        let done = DispatchSemaphore(value: 0)

        init(descriptor: Int32, type: Int32, start: off_t, length: off_t) {
            self.descriptor = descriptor
            (self.type, self.start, self.length) = (type, start, length)
        }

        /// On the helper thread: blocks until the lock is ours (or fails), and tells the writer — or, when
        /// the writer gave up, closes the descriptor, which lets every lock on it go.
        func block() {
            var wanted = WriterQueue.range(type, from: start, length: length)
            var rc: Int32
            repeat { rc = fcntl(descriptor, WriterQueue.setLockWaiting, &wanted) } while rc != 0 && errno == EINTR
            let outcome: State = rc == 0 ? .locked : .failed
            let abandoned = state.withLock { state in
                if state == .abandoned { return true }
                state = outcome
                return false
            }
            if abandoned { close(descriptor) } else { done.signal() }
        }

        func outcome(until deadline: DispatchTime) -> Outcome {
            _ = done.wait(timeout: deadline)
            let settled = state.withLock { state -> State in
                if state == .waiting { state = .abandoned }
                return state
            }
            switch settled {
            case .locked: return .locked
            case .failed: return .unusable
            case .waiting, .abandoned: return .timedOut
            }
        }
    }
}

