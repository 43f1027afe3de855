import Foundation

/// stdout or stderr, written with write(2).
///
/// swift-corelibs-foundation's `FileHandle.write` traps on a full disk, a closed descriptor or a pipe
/// whose reader has gone — after the command may already have saved its change. Here a failure is
/// the system's error code, for the caller to report.
enum StandardStream {
    case output, error

    var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// stdout and stderr when desk was started with them closed.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Holds closed descriptors 0–2 open on /dev/null, and remembers that stdout or stderr was closed.
    ///
    /// Otherwise the next file desk opens (the notifier's lock, a backup) takes descriptor 1, and what is
    /// printed lands in that file. Writes to a held stream still fail, with EBADF, as they would have.
    static func holdClosedDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
            if descriptor != STDIN_FILENO { closedAtStart.insert(descriptor) }
        }
    }

    /// Writes all of `text`, again after a signal or a partial write; the `errno` of a failure, else nil.
    func write(_ text: String) -> Int32? {
        if Self.closedAtStart.contains(descriptor) { return EBADF }
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    // Someone made the descriptor non-blocking (a shared terminal or pipe): wait until it takes more.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return nil
        }
    }
}
