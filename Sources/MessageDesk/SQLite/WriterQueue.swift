import CSQLite
import Foundation
import Synchronization

/// The queue writers wait in before `BEGIN IMMEDIATE`: an exclusive `flock(2)` on a lock file of our own.
///
/// SQLite's busy handler sleeps and retries (1, 2, 5 … then 100 ms at a time): a writer that has waited
/// long sleeps while newcomers take the lock in the gaps, so under 32 writers a few waited past the busy
/// timeout (issue 12, item 13). A writer blocked in `flock` is woken by the kernel the moment the holder
/// lets go, with no sleep in between, and the busy handler is then left with nothing to wait for.
///
/// The lock file sits next to the database's real file (symlinks resolved) and is named by its device and
/// inode, so every path to one database — a symlink, a second hard link in the same directory — waits in one
/// queue. Readers never take it (WAL readers do not block writers), and it is never a reason to fail: when it
/// cannot be opened, writers fall back to SQLite's own locking, which stays what keeps them apart.
///
/// A `flock` that blocks has no timeout of its own, so a wait that may last is done by a helper thread while
/// the writer waits on a semaphore for at most the busy timeout. On time-out the writer leaves with busy and
/// hands the descriptor to the helper, which closes it (and so lets go of the lock) whenever its `flock`
/// returns. No signals (an `EINTR` from a timer would touch the whole process's signal handling) and no polling.
final class WriterQueue {
    /// The lock file.
    let lockPath: String
    /// The database file's permission bits: the lock file is made with the same (0600 for a desk).
    private let mode: mode_t
    /// The open lock file, opened on the first write; -1 when not open.
    private var descriptor: Int32 = -1

    /// The queue of the database at `databasePath`; nil when that is not a file (yet).
    init?(databasePath: String) {
        guard let resolved = realpath(databasePath, nil) else { return nil }
        let real = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let directory = real.lastIndex(of: "/").map { String(real[..<$0]) } ?? "."
        lockPath = directory + "/.messagedesk-writers-\(String(info.st_dev, radix: 16))-\(info.st_ino).lock"
        mode = info.st_mode & 0o666
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Waits for this writer's turn, at most `timeout` milliseconds.
    ///
    /// - Returns: true when the turn is taken (call `leave()` after COMMIT or ROLLBACK); false when the lock
    ///   file cannot be used, and the writer goes on to SQLite's own locking.
    /// - Throws: `SQLITE_BUSY` when another writer held the queue for the whole timeout.
    func enter(within timeout: Int32) throws -> Bool {
        guard let fd = openLockFile() else { return false }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
        guard errno == EWOULDBLOCK else { return false }
        if timeout > 0 {
            let wait = Wait(descriptor: fd)
            Thread { wait.block() }.start()
            if let entered = wait.outcome(within: timeout) { return entered }
            // The helper owns the descriptor now; the next write opens a new one.
            descriptor = -1
        }
        throw DatabaseError(extendedCode: SQLITE_BUSY,
                            message: "another writer held the writer queue (\(lockPath)) past the busy timeout of \(timeout) ms")
    }

    /// Ends this writer's turn: the kernel wakes the next waiter at once.
    func leave() {
        flock(descriptor, LOCK_UN)
    }

    /// The lock file, created with the database's mode if missing; nil when it cannot be opened.
    private func openLockFile() -> Int32? {
        if descriptor >= 0 { return descriptor }
        // O_NOFOLLOW: a symlink planted at the lock's name is refused, never followed.
        var fd = open(lockPath, O_RDONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd >= 0 {
            fchmod(fd, mode)  // the umask may have narrowed it; the lock is shared by whoever shares the database
        } else if errno == EEXIST {
            fd = open(lockPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else { return nil }
        descriptor = fd
        return fd
    }

    /// One blocking wait for the lock, shared by the writer and the helper thread that does the waiting.
    private final class Wait: Sendable {
        enum State { case waiting, entered, failed, abandoned }
        let descriptor: Int32
        let state = Mutex(State.waiting)
        let done = DispatchSemaphore(value: 0)

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        /// On the helper thread: blocks until the lock is ours (or fails), and tells the writer — or, when
        /// the writer gave up, closes the descriptor, which lets the lock go.
        func block() {
            var rc: Int32
            repeat { rc = flock(descriptor, LOCK_EX) } while rc != 0 && errno == EINTR
            let outcome: State = rc == 0 ? .entered : .failed
            let abandoned = state.withLock { state in
                if state == .abandoned { return true }
                state = outcome
                return false
            }
            if abandoned { close(descriptor) } else { done.signal() }
        }

        /// True when entered, false when `flock` failed (SQLite's locking then serves), nil after the timeout.
        func outcome(within milliseconds: Int32) -> Bool? {
            _ = done.wait(timeout: .now() + .milliseconds(Int(milliseconds)))
            let settled = state.withLock { state -> State in
                if state == .waiting { state = .abandoned }
                return state
            }
            switch settled {
            case .entered: return true
            case .failed: return false
            case .waiting, .abandoned: return nil
            }
        }

    }
}
