import DeskStorage
import Foundation

/// The Unix group a desk is shared with (`desk init --group NAME`), so that several users of one host take
/// messages on it: the directory is setgid 2770 and every file of the desk 0660, all the group's
/// (`FileSharing`). Without a group a desk stays owner-only.
public struct SharedGroup: Sendable, Equatable {
    public let name: String
    let id: gid_t

    /// The group called `name` in the system's group database; refused (78) when there is none.
    public init(named name: String) throws {
        guard let entry = getgrnam(name) else {
            throw DeskError(.configuration,
                "--group \(name): no such group; create it (groupadd \(name)) and add the staff to it (usermod -aG \(name) USER)")
        }
        self.name = name
        id = entry.pointee.gr_gid
    }

    /// Creates the directory that will hold the desk at `path` when missing, and makes it the group's (setgid
    /// 2770), so that the database created in it, and every file made beside it later, is the group's too.
    public func prepareDirectory(for path: String) throws {
        do {
            try DatabaseEngine.prepareDirectory(for: path)
        } catch {
            throw DeskError(error, path: path)
        }
        let directory = PathParts(path).directory
        if let refused = FileSharing.group(id).apply(to: directory, isDirectory: true) {
            throw DeskError.system(refused, "cannot give \(directory) to group \(name)", hint: "check the directory")
        }
    }

    /// Gives the desk's files that exist already (an owner-only desk being shared) the group and 0660.
    func shareFiles(of path: String) throws {
        let companions = [path, path + "-wal", path + "-shm"] + [WriterQueue(databasePath: path)?.lockPath].compactMap { $0 }
        for file in companions where FileManager.default.fileExists(atPath: file) {
            if let refused = FileSharing.group(id).apply(to: file, isDirectory: false) {
                throw DeskError.system(refused, "cannot give \(file) to group \(name)", hint: "check the file")
            }
        }
    }

    // MARK: - Refusals

    /// The refusal of a desk's file this user may not open, naming the group to join; nil unless the file is in a
    /// shared desk's directory whose group this process lacks.
    static func refusal(toOpen path: String) -> DeskError? {
        guard case .group(let gid) = FileSharing.ofNewFile(at: path), let entry = getgrgid(gid) else { return nil }
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        if count > 0 { _ = getgroups(count, &groups) }
        guard getegid() != gid, !groups.contains(gid) else { return nil }
        let group = String(cString: entry.pointee.gr_name)
        let user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? String(geteuid())
        var members: [String] = []
        var member = entry.pointee.gr_mem
        while let name = member?.pointee {
            members.append(String(cString: name))
            member = member?.advanced(by: 1)
        }
        if members.contains(user) {
            return DeskError(.permission,
                "no permission to open \(path): the desk is shared with group \(group), which \(user) joined after logging in; log in again")
        }
        return DeskError(.permission,
            "no permission to open \(path): the desk is shared with group \(group), and \(user) is not in it; ask an administrator to run `usermod -aG \(group) \(user)`, then log in again")
    }
}
