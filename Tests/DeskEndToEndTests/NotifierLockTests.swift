import Foundation
import MessageDesk
import Testing

/// One notifier per database file, however the path to it is spelled.
@Suite struct NotifierLockTests {
    @Test func aNotifierThroughASymlinkOrAHardLinkFindsTheLockTaken() throws {
        let desk = try GatewayTests().officeWithTwoNotifications()
        let ready = try Fifo(desk.directory + "/ready", asWriterToo: true)
        let gate = try Fifo(desk.directory + "/gate", asWriterToo: true)
        let sent = desk.directory + "/sent.jsonl"
        // The holder's gateway takes its notification, says so, and waits until the test lets it go.
        let (holder, holderOutput) = try desk.start(["notify", "--exec", "cat >> '\(sent)'; echo held > '\(ready.path)'; read go < '\(gate.path)'"])
        defer {
            // Whatever happened above, let every gateway of the holder finish.
            gate.write("go\ngo\n")
            holder.waitUntilExit()
        }
        #expect(ready.readLine() == "held")

        let symlink = desk.directory + "/symlink.sqlite", hardLink = desk.directory + "/hardlink.sqlite"
        #expect(Foundation.symlink(desk.database, symlink) == 0)
        #expect(Foundation.link(desk.database, hardLink) == 0)
        for path in [symlink, hardLink] {
            #expect(try desk.run(["notify", "--db", path, "--exec", "cat >> '\(sent)'"]) == DeskResult(
                status: 75, stdout: "",
                stderr: "desk: error: another `desk notify` is running; try again when it has finished\n"), "\(path)")
        }
        // The notifier's lock is its own: SQLite's locks on the same file are untouched, so the desk reads and writes on.
        try desk.ok(["callbacks"])
        try desk.ok(["log", "--for", "suzuki", "--caller", "佐々木", "--phone", "0311112222", "--message", "折り返しください"])

        gate.write("go\n")
        #expect(ready.readLine() == "held")
        gate.write("go\n")
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        #expect(String(decoding: holderOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .hasSuffix("notify: 2 delivered, 0 failed\n"))
        let ids = try String(contentsOfFile: sent, encoding: .utf8).split(separator: "\n").map { line in
            try JSONValue.parse(String(line))["id"]
        }
        #expect(ids == [1, 2], "each notification handed to a gateway exactly once")
        // The message logged while the lock was held is told in its own notification (#3), for the next run.
        #expect(try desk.sql("SELECT id, attempts, delivered_at IS NOT NULL FROM notifications ORDER BY id") == "1|1|1\n2|1|1\n3|0|0\n")
        #expect(try desk.sql("SELECT count(*) FROM events WHERE kind = 'notification.delivered'") == "2\n")
    }
}
