import DeskStorage
import Foundation

extension DeskStore {
    /// The service's settings key that records the group a desk is shared with. Not a policy: `desk config`
    /// neither lists nor changes it (settings this version reads as policy ignore other keys).
    static let sharedGroupKey = "shared_group"

    /// The group this desk is shared with (`desk init --group`); nil for an owner-only desk.
    public func sharedGroup() throws -> String? {
        try read {
            try database.scalarText("SELECT value FROM settings WHERE account_id IS NULL AND key = ?", [.text(Self.sharedGroupKey)])
        }
    }

    /// True when the desk's directory is a shared desk's (setgid, the group's): several Unix users write it.
    public var isShared: Bool { FileSharing.ofNewFile(at: path) != .ownerOnly }

    /// Shares the desk with `group`: its files get the group and 0660, and the group is recorded with its
    /// event. Sharing with the group already recorded changes nothing. The directory comes first
    /// (`SharedGroup.prepareDirectory`), before the database is created in it.
    public func share(with group: SharedGroup, actor: String, at now: Date) throws {
        try group.shareFiles(of: path)
        try write {
            let before = try database.scalarText(
                "SELECT value FROM settings WHERE account_id IS NULL AND key = ?", [.text(Self.sharedGroupKey)])
            guard before != group.name else { return }
            let at = stamp(now, after: [(try latestTime("SELECT max(at) FROM events WHERE subject = 'setting'"),
                                         "the latest settings change")])
            if before == nil {
                try database.execute("INSERT INTO settings (account_id, key, value) VALUES (NULL, ?, ?)",
                                     [.text(Self.sharedGroupKey), .text(group.name)])
            } else {
                try database.execute("UPDATE settings SET value = ? WHERE account_id IS NULL AND key = ?",
                                     [.text(group.name), .text(Self.sharedGroupKey)])
            }
            let key: (String, JSONValue) = ("key", .string(Self.sharedGroupKey))
            try appendEvent(.settingChanged, 0, actor: actor, at: at,
                            before: .object([key, ("value", before.map(JSONValue.string) ?? .null)]),
                            after: .object([key, ("value", .string(group.name))]))
        }
    }
}
