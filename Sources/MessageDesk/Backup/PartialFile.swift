import DeskStorage
import Foundation

/// A temporary copy being written (`.NAME.partial-` and six random characters), and the lock that says a live process is
/// writing it: `flock(LOCK_EX)` on the file itself, held until the copy is placed or discarded.
///
/// Why a lock and not the pid in the name: the kernel drops the lock when its process dies, however
/// it dies (SIGKILL, a power cut), while a pid can be reused by another process, or belong to
/// another host sharing the directory. So a partial file whose lock can be taken belongs to a run
/// that was killed, and `removeAbandoned(in:)` removes it — with the `-journal`, `-wal` and `-shm`
/// SQLite may have left beside it. (`flock` locks are apart from the POSIX locks SQLite takes, and
/// this descriptor is closed only after every connection to the file is.)
final class PartialFile {
    /// What every partial file's name holds after the destination's name.
    static let marker = ".partial-"

    let path: String
    private var descriptor: Int32

    /// Takes the lock of the file `fd` has open at `path`; nil, with `fd` closed, when `path` no
    /// longer names that file (a cleanup removed it before the lock was taken).
    init?(path: String, lockingDescriptor fd: Int32) {
        var opened = stat(), named = stat()
        guard flock(fd, LOCK_EX | LOCK_NB) == 0, fstat(fd, &opened) == 0, stat(path, &named) == 0,
              opened.st_dev == named.st_dev, opened.st_ino == named.st_ino else {
            close(fd)
            return nil
        }
        self.path = path
        self.descriptor = fd
    }

    /// Drops the lock: after the file was renamed into place or removed.
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// Removes the file and the journal files SQLite may have left beside it, then drops the lock.
    func discard() {
        for suffix in [""] + Self.companions {
            DurableFile.removeIfPresent(path + suffix)
        }
        release()
    }

    deinit { release() }

    // MARK: - Abandoned partial files

    /// The suffixes of the files SQLite keeps beside a database.
    static let companions = ["-journal", "-wal", "-shm"]

    /// Removes, from `directory`, the partial files no live process holds, their companions, and the
    /// writer-queue lock files of databases that are gone.
    static func removeAbandoned(in directory: String) -> AbandonedFiles {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []   // nothing to list: nothing to remove
        var removed: [String] = [], bytes: Int64 = 0
        func remove(_ name: String) {
            let path = directory + "/" + name
            let size = FileIdentity(path: path)?.size ?? 0
            if unlink(path) == 0 {
                removed.append(name)
                bytes += size
            }
        }
        let partials = names.filter(isPartialName)
        for name in partials where !companions.contains(where: { name.hasSuffix($0) }) {
            let fd = open(directory + "/" + name, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            // Held: a live backup or restore is writing it.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            remove(name)
            for suffix in companions where names.contains(name + suffix) { remove(name + suffix) }
        }
        // Companions whose partial file is gone: their writer is gone too.
        for name in partials where !removed.contains(name) {
            guard let suffix = companions.first(where: { name.hasSuffix($0) }) else { continue }
            if FileIdentity(path: directory + "/" + String(name.dropLast(suffix.count))) == nil { remove(name) }
        }
        // The writer queue's lock files of databases replaced since (restores, simulations): empty
        // housekeeping, not a killed run's work, so not reported.
        for name in WriterQueue.staleLockFiles(in: directory, names: names) { unlink(directory + "/" + name) }
        return AbandonedFiles(directory: directory, names: removed.sorted(), bytes: bytes)
    }

    /// `.NAME.partial-` and six characters, with or without a companion's suffix: only names this
    /// type makes, never a file of someone else's.
    static func isPartialName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: marker, options: .backwards) else { return false }
        var rest = name[range.upperBound...]
        if let suffix = companions.first(where: { rest.hasSuffix($0) }) { rest = rest.dropLast(suffix.count) }
        return rest.count == 6 && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
