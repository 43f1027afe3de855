import Foundation

/// Which file a path names, as the kernel sees it: device and inode, after following symlinks.
///
/// Two paths name the same file when their identities are equal, however they are spelled
/// (`./desk.sqlite`, a symlink, a hard link, `/tmp/../tmp/desk.sqlite`); comparing path strings
/// would miss all of those.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    /// True for a directory.
    let isDirectory: Bool
    /// The size in bytes.
    let size: Int64

    /// The identity of the file at `path`, or nil when nothing is there.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        size = Int64(info.st_size)
    }

    /// True when `path` names this file.
    func isSameFile(as path: String) -> Bool {
        guard let other = FileIdentity(path: path) else { return false }
        return other.device == device && other.inode == inode
    }
}
