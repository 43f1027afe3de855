import Foundation
import MessageDesk
import Testing

/// `desk backup` of a desk that four operators keep writing to.
@Suite struct BackupUnderLoadTests {
    /// 20,000 closed callbacks of earlier months, each with its caller, call, message and event,
    /// so the copy has some size (about 10 MB) and takes long enough for writers to commit during it.
    static let history = """
        BEGIN;
        CREATE TEMP TABLE n AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) SELECT x FROM n;
        INSERT INTO callers (id, phone, name, company, created_at, account_id)
          SELECT x, '+8160' || printf('%08d', x), '過去の顧客' || x, '株式会社' || x, '2026-10-01T00:00:00Z', 1 FROM n;
        INSERT INTO callbacks (id, owner_id, caller_id, state, urgent, new_contact, due_at, opened_at, closed_at)
          SELECT x, (SELECT id FROM staff WHERE handle = 'tanaka'), x, 'done', 0, 0,
                 '2026-10-01T09:00:00Z', '2026-10-01T00:00:00Z', '2026-10-01T09:00:00Z' FROM n;
        INSERT INTO calls (id, at, caller_id, for_id, caller_name, tried_mobile, outcome)
          SELECT x, '2026-10-01T00:00:00Z', x, (SELECT id FROM staff WHERE handle = 'tanaka'), '過去の顧客' || x, 0, 'message_taken' FROM n;
        INSERT INTO messages (id, call_id, callback_id, body, urgent, wants, new_contact)
          SELECT x, x, x, '過去の伝言 ' || hex(randomblob(120)), 0, 'callback', 0 FROM n;
        INSERT INTO events (at, actor, subject, subject_id, kind)
          SELECT '2026-10-01T00:00:00Z', 'sato', 'callback', x, 'callback.opened' FROM n;
        COMMIT;
        """

    @Test func aBackupWhileFourWritersCommitFinishesAndHoldsEveryEarlierCallback() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        _ = try desk.sql(Self.history)
        // The shell goes on after a failed statement: the history must really be there.
        #expect(try desk.sql("SELECT count(*) FROM messages") == "20000\n")
        let stop = desk.directory + "/stop"
        let writers = try (1...4).map { try WriterLoop(desk, number: $0, stopFile: stop) }
        defer { for writer in writers { writer.kill(); writer.finish() } }
        // Every writer has committed: the desk is busy before the backup starts.
        for writer in writers { #expect(writer.waitForSaves(2)) }
        let savesBefore = writers.map(\.savedIDs.count).reduce(0, +)
        let committedBefore = Int(try sqlite(desk.database, "SELECT max(id) FROM callbacks").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1

        let destination = desk.directory + "/backup.sqlite"
        let started = ContinuousClock.now
        let result = try desk.run(["backup", destination, "--json"])
        let elapsed = started.duration(to: .now)
        // The writers were not held up: each commits twice more after the backup.
        for (writer, count) in zip(writers, writers.map(\.savedIDs.count)) { #expect(writer.waitForSaves(count + 2)) }
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        for writer in writers { writer.finish() }
        #expect(writers.map(\.process.terminationStatus) == [0, 0, 0, 0])

        #expect(result.status == 0, "\(result)")
        let report = try JSONValue.parse(result.stdout)
        #expect(report["check"]?["ok"] == .bool(true))
        #expect(elapsed < .seconds(30), "the backup took \(elapsed)")
        #expect(try sqlite(destination, "PRAGMA integrity_check") == "ok\n")
        #expect(try sqlite(destination, "PRAGMA foreign_key_check") == "")
        // Every callback committed before the backup began is in the copy: ids 1…committedBefore.
        #expect(try sqlite(destination, "SELECT count(*), min(id) FROM callbacks WHERE id <= \(committedBefore)")
                == "\(committedBefore)|1\n")
        let inCopy = Int(try sqlite(destination, "SELECT max(id) FROM callbacks").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let inLive = Int(try sqlite(desk.database, "SELECT max(id) FROM callbacks").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        // A snapshot of one moment: the copy's rows equal the live database's up to its last id.
        #expect(try sqlite(destination, "SELECT group_concat(id || ':' || caller_id) FROM callbacks WHERE id > 20000")
                == (try sqlite(desk.database, "SELECT group_concat(id || ':' || caller_id) FROM callbacks WHERE id > 20000 AND id <= \(inCopy)")))
        #expect(inLive > inCopy)
        let savesAfter = writers.map(\.savedIDs.count).reduce(0, +)
        print("backup under load: 4 writers, \(report["bytes"].map { $0.rendered() } ?? "?") bytes in \(report["duration_ms"].map { $0.rendered() } ?? "?") ms (desk) / \(elapsed) (wall); callbacks before \(committedBefore), in copy \(inCopy), after \(inLive); saves \(savesBefore) before, \(savesAfter) in all")
    }
}
