import DeskStorage
import Foundation

/// The file operations that make a copy survive a crash or a power cut: owner-only temporary
/// files beside their destination, `fsync` of the file, `rename` into place, `fsync` of the directory.
///
/// `rename(2)` replaces the destination atomically — a reader sees the old file or the new one,
/// never half of either — but only the directory's `fsync` makes the new name durable.
enum DurableFile {
    /// Creates an empty file (0600 by `mkstemp`; 0660 beside a shared desk, `FileSharing`) with a unique name in the directory of `path`, and
    /// takes its lock (see `PartialFile`).
    ///
    /// The name starts with a dot, `.NAME.partial-` and six random characters, so nobody mistakes it for a
    /// finished backup and globs such as `desk-*.sqlite` skip it.
    static func makeTemporary(beside path: String) throws -> PartialFile {
        let directory = directory(of: path)
        let name = PathParts(path).name
        while true {
            // mkstemp replaces the trailing six X's of its template with a unique suffix.
            var template = Array("\(directory)/.\(name)\(PartialFile.marker)\(String(repeating: "X", count: 6))".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return mkstemp(base)
            }
            guard fd >= 0 else {
                throw DeskError.system(errno, "cannot create a file in \(directory)", hint: "check that it exists and that you may write there")
            }
            let created = template.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { String(cString: $0) } ?? ""
            }
            // Beside a shared desk the copy is the group's (0660), like the desk itself.
            if let refused = FileSharing.ofNewFile(at: created).applyMode(toDescriptor: fd) {
                close(fd)
                DurableFile.removeIfPresent(created)
                throw DeskError.system(refused, "cannot set the mode of \(created)", hint: "check the directory's owner and mode")
            }
            if let partial = PartialFile(path: created, lockingDescriptor: fd) { return partial }
            // Another run's cleanup took it for abandoned between mkstemp and the lock: make another.
        }
    }

    /// Flushes the file's data to the disk.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DeskError.system(errno, "cannot open \(path) to flush it", hint: "check the disk") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw DeskError.system(errno, "cannot flush \(path) to the disk", hint: "check the disk") }
    }

    /// Flushes the directory holding `path`, so that a rename or a new file in it is durable.
    static func syncDirectory(of path: String) throws {
        let directory = directory(of: path)
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw DeskError.system(errno, "cannot open directory \(directory) to flush it", hint: "check the disk") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw DeskError.system(errno, "cannot flush directory \(directory)", hint: "check the disk") }
    }

    /// Renames `source` to `destination` (replacing it atomically) and flushes the directory.
    static func moveIntoPlace(_ source: String, at destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw DeskError.system(errno, "cannot rename \(source) to \(destination)", hint: "check the directory's owner and mode")
        }
        try syncDirectory(of: destination)
    }

    /// Removes `path` when it exists; a missing file is not an error (cleanup after a failure).
    static func removeIfPresent(_ path: String) {
        _ = unlink(path)
    }

    /// Removes the rollback journal, WAL and shared-memory files SQLite may keep beside the database `path`.
    static func removeJournals(of path: String) {
        for suffix in ["-journal", "-wal", "-shm"] { removeIfPresent(path + suffix) }
    }

    /// The directory part of `path`, `.` for a bare file name.
    static func directory(of path: String) -> String {
        PathParts(path).directory
    }
}
