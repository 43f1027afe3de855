import Foundation

/// Who a desk's files are for: their owner alone (0700 directory, 0600 files), or the Unix group that shares
/// the desk (`desk init --group`: a setgid 2770 directory, 0660 files, all of the group).
///
/// A new file's sharing is read from the directory it is made in, so every part of the desk — the database,
/// SQLite's `-wal` and `-shm` (SQLite gives them the database's mode), the writer queue's lock, backups —
/// agrees without being told. The setgid bit makes the kernel give each new file the directory's group, and
/// each file is given its mode with `fchmod` once created, so no umask narrows it.
package enum FileSharing: Equatable, Sendable {
    case ownerOnly
    case group(gid_t)

    /// 0600, or 0660 for a group.
    package var fileMode: mode_t { self == .ownerOnly ? 0o600 : 0o660 }
    /// 0700, or 02770 (setgid) for a group.
    package var directoryMode: mode_t { self == .ownerOnly ? 0o700 : 0o2770 }

    /// How files made in `directory` are shared: with its group when it is setgid and its group may read,
    /// write and enter it; owner-only otherwise (and when it cannot be looked at).
    package static func ofDirectory(_ directory: String) -> FileSharing {
        var info = stat()
        guard stat(directory, &info) == 0 else { return .ownerOnly }
        return info.st_mode & (S_ISGID | 0o070) == S_ISGID | 0o070 ? .group(info.st_gid) : .ownerOnly
    }

    /// How a file made at `path` is shared: as its directory says.
    package static func ofNewFile(at path: String) -> FileSharing {
        ofDirectory(PathParts(path).directory)
    }

    /// Gives the file open as `fd` this sharing's mode, whatever the umask made it; the errno when refused.
    package func applyMode(toDescriptor fd: Int32) -> Int32? {
        fchmod(fd, fileMode) == 0 ? nil : errno
    }

    /// Makes the existing directory or file at `path` this sharing's: its group, then its mode; the errno when
    /// refused (only the owner, or root, may). Owner-only leaves the group alone.
    package func apply(to path: String, isDirectory: Bool) -> Int32? {
        if case .group(let gid) = self, chown(path, uid_t.max, gid) != 0 { return errno }
        return chmod(path, isDirectory ? directoryMode : fileMode) == 0 ? nil : errno
    }
}
