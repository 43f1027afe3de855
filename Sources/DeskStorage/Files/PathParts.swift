/// A path given by a user split into its directory and its file name, the way `dirname(1)` and
/// `basename(1)` split it, for any string at all.
///
/// swift-corelibs-foundation's `deletingLastPathComponent` traps on some strings (`"a"`, a database
/// named with one character), so the desk splits paths itself. Only `/` separates; nothing is resolved
/// (`..`, symlinks) and nothing is read from the disk.
package struct PathParts: Equatable, Sendable, CustomStringConvertible {
    /// The directory: `.` for a bare name (or an empty path), `/` for a name at the root.
    package let directory: String
    /// The last component, without slashes; empty when the path names no file (`""`, `/`, `//`).
    package let name: String

    package init(_ path: String) {
        // Trailing slashes name the same place: "/a/b/" is "/a/b".
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.isEmpty || trimmed == "/" {
            (directory, name) = (trimmed.isEmpty ? "." : "/", "")
            return
        }
        guard let slash = trimmed.lastIndex(of: "/") else {
            (directory, name) = (".", String(trimmed))
            return
        }
        name = String(trimmed[trimmed.index(after: slash)...])
        var parent = trimmed[..<slash]
        while parent.hasSuffix("/") { parent.removeLast() }
        directory = parent.isEmpty ? "/" : String(parent)
    }

    package var description: String { "(directory: \(directory.debugDescription), name: \(name.debugDescription))" }
}
