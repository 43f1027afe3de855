import Foundation
import MessageDesk
import Testing

/// A desk shared by several Unix users of one host (`desk init --group NAME`): real users and a real group,
/// made for the run and removed after it, whatever happens.
@Suite(.serialized) struct SharedDeskTests {
    /// Two members of a new group and one outsider, with names of this run; nil (with the reason printed)
    /// when the machine cannot make them. In CI (`CI=true`) that is a failure, never a skip.
    final class Office {
        let group: String, alice: String, bob: String, carol: String
        private var made: [(String, [String])] = []

        init?() throws {
            guard getuid() == 0 else {
                let reason = "the shared desk test makes Unix users and a group: it needs root"
                if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: reason)) }
                print("SharedDeskTests skipped: \(reason)")
                return nil
            }
            let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            (group, alice, bob, carol) = ("mdg\(run)", "mda\(run)", "mdb\(run)", "mdc\(run)")
            try make("/usr/sbin/groupadd", [group], undo: ["/usr/sbin/groupdel", group])
            for (user, groups) in [(alice, ["-G", group]), (bob, ["-G", group]), (carol, [])] {
                try make("/usr/sbin/useradd", ["-M", "-N", "-s", "/usr/sbin/nologin"] + groups + [user],
                         undo: ["/usr/sbin/userdel", user])
            }
        }

        private func make(_ tool: String, _ arguments: [String], undo: [String]) throws {
            let status = try Self.run(tool, arguments)
            guard status == 0 else { throw CocoaError(.executableLoad, userInfo: ["tool": tool, "status": status]) }
            made.append((undo[0], Array(undo.dropFirst())))
        }

        static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// Users first, then the group: each undone in the reverse order of its making.
        deinit {
            for (tool, arguments) in made.reversed() {
                let status = (try? Self.run(tool, arguments)) ?? -1
                if status != 0 { print("SharedDeskTests: \(tool) \(arguments.joined(separator: " ")) exited \(status)") }
            }
        }

        var gid: gid_t { getgrnam(group)?.pointee.gr_gid ?? 0 }
    }

    /// Runs `desk` as `user` (with its groups) under umask 077, so the modes the desk gives are its own.
    func run(_ desk: DeskSandbox, as user: String, _ arguments: [String]) throws -> DeskResult {
        try desk.run(arguments, executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                     prefix: ["--reuid=\(user)", "--regid=\(user == "root" ? "root" : "users")", "--init-groups",
                              "/bin/sh", "-c", "umask 077; exec \"$0\" \"$@\"", deskExecutable.path])
    }

    /// Every entry of the desk's directory: mode and group, e.g. `desk.sqlite 0660 mdg…`.
    func listing(_ directory: String) throws -> [String] {
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0 else { continue }
            let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? String(info.st_gid)
            lines.append("\(name.hasPrefix(".messagedesk-writers-") ? ".messagedesk-writers-….lock" : name) 0\(String(info.st_mode & 0o7777, radix: 8)) \(group)")
        }
        return lines
    }

    func directoryMode(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? String(info.st_gid)
        return "0\(String(info.st_mode & 0o7777, radix: 8)) \(group)"
    }

    /// A sandbox whose DESK_DB is `office/desk.sqlite`, in a directory `desk init` will create.
    func officeDesk() throws -> (desk: DeskSandbox, directory: String, database: String) {
        var desk = try DeskSandbox()
        let directory = desk.directory + "/office"
        desk.extraEnvironment["DESK_DB"] = directory + "/desk.sqlite"
        return (desk, directory, directory + "/desk.sqlite")
    }

    @Test func twoMembersShareOneDeskAndAnOutsiderIsRefusedWith77() throws {
        guard let office = try Office() else { return }
        let (desk, directory, database) = try officeDesk()
        let g = office.group
        #expect(try run(desk, as: "root", ["init", "--group", g]) == DeskResult(status: 0, stdout: database + "\n", stderr: ""))
        #expect(directoryMode(directory) == "02770 \(g)")
        let shared = ["desk.sqlite 0660 \(g)", ".messagedesk-writers-….lock 0660 \(g)"].sorted()
        #expect(try listing(directory) == shared)
        #expect(try run(desk, as: "root", ["check"]).stdout.contains("mode:          0660 (shared with group \(g))\n"))
        let checked = try JSONValue.parse(try run(desk, as: "root", ["check", "--json"]).stdout)
        #expect(checked["shared_group"] == .string(g))
        #expect(checked["owner_only"] == .bool(false))
        #expect(try sqlite(database, "SELECT value FROM settings WHERE key = 'shared_group' AND account_id IS NULL") == g + "\n")

        #expect(try run(desk, as: office.alice, ["staff", "add", "tanaka", "--name", "田中"])
                == DeskResult(status: 0, stdout: "added tanaka (田中), salesperson\n", stderr: ""))
        #expect(try listing(directory) == shared)
        #expect(try run(desk, as: office.alice, ["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678",
                                                 "--message", "見積"]).status == 0)
        #expect(try listing(directory) == shared)
        #expect(try run(desk, as: office.bob, ["log", "--for", "tanaka", "--caller", "佐藤", "--phone", "03-1234-0000",
                                               "--message", "納期"]).status == 0)
        #expect(try listing(directory) == shared)
        for member in [office.alice, office.bob] {
            let list = try run(desk, as: member, ["callbacks", "--csv"])
            #expect(list.status == 0 && list.stderr == "")
            #expect(list.stdout.contains(",山田,") && list.stdout.contains(",佐藤,"), "\(list)")
            #expect(try listing(directory) == shared)
        }
        // A backup beside the desk is the desk's too: the group may read it.
        #expect(try run(desk, as: office.bob, ["backup", directory + "/backup.sqlite"]).status == 0)
        #expect(try listing(directory) == (shared + ["backup.sqlite 0660 \(g)"]).sorted())

        #expect(try run(desk, as: office.carol, ["callbacks"]) == DeskResult(status: 77, stdout: "", stderr: """
            desk: error: no permission to open \(database): the desk is shared with group \(g), and \(office.carol) is not in it; \
            ask an administrator to run `usermod -aG \(g) \(office.carol)`, then log in again

            """))
        #expect(try listing(directory) == (shared + ["backup.sqlite 0660 \(g)"]).sorted())

        // The log names the Unix user behind each change, whatever $USER claims (the sandbox sets USER=tester).
        #expect(try sqlite(database, "SELECT actor, kind FROM events ORDER BY id") == """
            user:root|setting.changed
            user:\(office.alice)|staff.added
            user:\(office.alice)|caller.added
            user:\(office.alice)|call.taken
            user:\(office.alice)|callback.opened
            user:\(office.bob)|caller.added
            user:\(office.bob)|call.taken
            user:\(office.bob)|callback.opened

            """)
    }

    /// `desk init --group` on an owner-only desk shares what is there; run again, it changes nothing.
    @Test func anOwnerOnlyDeskIsSharedByInitAndASecondRunChangesNothing() throws {
        guard let office = try Office() else { return }
        let (desk, directory, database) = try officeDesk()
        let g = office.group
        #expect(try run(desk, as: "root", ["init"]).status == 0)
        #expect(try run(desk, as: "root", ["staff", "add", "tanaka", "--name", "田中"]).status == 0)
        #expect(directoryMode(directory) == "0700 root")
        #expect(try listing(directory) == ["desk.sqlite 0600 root", ".messagedesk-writers-….lock 0600 root"].sorted())
        #expect(try run(desk, as: office.bob, ["callbacks"]).status == 77)
        for _ in 1...2 {
            #expect(try run(desk, as: "root", ["init", "--group", g]) == DeskResult(status: 0, stdout: database + "\n", stderr: ""))
            #expect(directoryMode(directory) == "02770 \(g)")
            #expect(try listing(directory) == ["desk.sqlite 0660 \(g)", ".messagedesk-writers-….lock 0660 \(g)"].sorted())
        }
        #expect(try sqlite(database, "SELECT actor, kind, after FROM events WHERE kind = 'setting.changed'")
                == "user:root|setting.changed|{\"key\":\"shared_group\",\"value\":\"\(g)\"}\n")
        #expect(try run(desk, as: office.bob, ["staff", "show", "tanaka"]).status == 0)
    }

    @Test func aGroupThatDoesNotExistIsRefused() throws {
        let desk = try DeskSandbox()
        #expect(try desk.run(["init", "--group", "no-such-group-md"]) == DeskResult(status: 78, stdout: "", stderr: """
            desk: error: --group no-such-group-md: no such group; create it (groupadd no-such-group-md) and add the staff to it (usermod -aG no-such-group-md USER)

            """))
        #expect(!FileManager.default.fileExists(atPath: desk.database))
    }

    @Test func withoutAGroupTheDeskStaysOwnerOnlyWhateverTheUmask() throws {
        let desk = try DeskSandbox()
        var nested = desk
        let directory = desk.directory + "/own"
        nested.extraEnvironment["DESK_DB"] = directory + "/desk.sqlite"
        let result = try nested.run(["init"], executable: URL(fileURLWithPath: "/bin/sh"),
                                    prefix: ["-c", "umask 000; exec \"$0\" \"$@\"", deskExecutable.path])
        #expect(result.status == 0)
        try nested.ok(["staff", "add", "tanaka", "--name", "田中"])
        var info = stat()
        #expect(stat(directory, &info) == 0 && info.st_mode & 0o7777 == 0o700)
        #expect(stat(directory + "/desk.sqlite", &info) == 0 && info.st_mode & 0o7777 == 0o600)
        #expect(try sqlite(directory + "/desk.sqlite", "SELECT count(*) FROM settings WHERE key = 'shared_group'") == "0\n")
    }
}
