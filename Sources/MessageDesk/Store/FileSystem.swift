import DeskStorage
import Foundation

/// Facts about the file system a path is on.
enum FileSystem {
    /// True when the file system holding `path` — or, for a path that does not exist yet, its
    /// nearest existing parent directory — is mounted read-only (`statvfs`'s `ST_RDONLY`).
    static func isReadOnly(at path: String) -> Bool {
        var candidate = path.isEmpty ? "." : path
        while true {
            var info = statvfs()
            if statvfs(candidate, &info) == 0 { return info.f_flag & UInt(ST_RDONLY) != 0 }
            guard errno == ENOENT || errno == ENOTDIR else { return false }
            let parent = PathParts(candidate).directory
            if parent == candidate { return false }
            candidate = parent
        }
    }
}
