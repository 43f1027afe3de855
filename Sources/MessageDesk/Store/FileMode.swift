import DeskStorage
import Foundation

/// Who may read and change a database file, as its mode bits say.
///
/// A desk holds callers' names, numbers and messages: it is created owner-only (0600), and SQLite
/// gives the `-wal` and `-shm` it makes beside a database the database's own mode. A file that was
/// made wider by hand (0666, 0644, 0660) hands every later `-wal` the same access without a word,
/// so commands that open it warn, and `desk check` reports it. A shared desk's files (`desk init --group`)
/// are the group's, 0660: only what users outside the group may do is warned about.
public struct FileMode: Sendable, Equatable {
    /// The permission bits (0o600 …).
    public let bits: Int
    /// The group whose shared directory holds the file (`FileSharing`); nil for an owner-only desk.
    public let sharedGroup: String?

    public init(bits: Int, sharedGroup: String? = nil) {
        self.bits = bits & 0o777
        self.sharedGroup = sharedGroup
    }

    /// The mode of the file at `path`, and the group its directory shares it with; nil when there is no file.
    public static func of(_ path: String) -> FileMode? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard case .group(let gid) = FileSharing.ofNewFile(at: path) else { return FileMode(bits: Int(info.st_mode)) }
        let group = getgrgid(gid).map { String(cString: $0.pointee.gr_name) } ?? String(gid)
        return FileMode(bits: Int(info.st_mode), sharedGroup: group)
    }

    /// True when nobody but the owner may read or change the file.
    public var isOwnerOnly: Bool { bits & 0o077 == 0 }

    /// The mode to give it back: `600`, or `660` on a shared desk.
    private var fix: String { sharedGroup == nil ? "600" : "660" }

    /// `0600`.
    public var octal: String { "0" + String(bits, radix: 8) }

    /// What others may do: `read`, `change`, or `read and change`; nil when owner-only.
    var othersMay: String? {
        let others = sharedGroup == nil ? 0o077 : 0o007
        let read = bits & others & 0o044 != 0, change = bits & others & 0o022 != 0
        switch (read, change) {
        case (true, true): return "read and change"
        case (true, false): return "read"
        case (false, true): return "change"
        case (false, false): return nil
        }
    }

    /// For `desk check`: `0600 (owner only)`, `0660 (shared with group G)`, or `0666 (other users can read and
    /// change it; chmod 600 PATH)`.
    public func summary(of path: String) -> String {
        guard let othersMay else { return sharedGroup.map { "\(octal) (shared with group \($0))" } ?? "\(octal) (owner only)" }
        return "\(octal) (other users can \(othersMay) it; chmod \(fix) \(path))"
    }

    /// The warning a command that opens the database at `path` prints, or nil when it is owner-only.
    public func warning(for path: String) -> String? {
        guard let othersMay else { return nil }
        return "\(path) is mode \(octal): other users can \(othersMay) it, and SQLite gives its -wal and -shm the same mode; chmod \(fix) \(path)"
    }
}
