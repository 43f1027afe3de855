import Foundation
import MessageDesk
import Testing

/// What `desk` reported as saved survives `kill -9` of any desk process at any moment.
@Suite struct CrashSafetyTests {
    /// Rounds of five writers: four are killed with SIGKILL — the loop and the `desk log` it is
    /// running at that moment — each when a fifth, the pacer, has reported a seeded-random number of
    /// further saves; then the pacer is killed too. Pacing one writer's death by another's progress
    /// puts the kill at an unrelated point of the victim's current `desk log`: starting, waiting for
    /// the lock, inserting, committing or printing. Two victims of each round write 64 KB messages,
    /// so their commits span many pages. Afterwards every id a writer printed as saved is in the
    /// database, no record is half written, and `desk check` passes.
    @Test func everySaveReportedBeforeAKillIsInTheDatabaseAndTheCheckPasses() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        var random = SeededGenerator(seed: 20_261_120)
        var printed: [Int] = []
        var kills = 0, killsOfARunningDesk = 0
        for round in 0..<4 {
            let victims = try (1...4).map { index in
                try WriterLoop(desk, number: round * 10 + index, messageBytes: index % 2 == 0 ? TextLimit.message.maximum : 0)
            }
            let pacer = try WriterLoop(desk, number: round * 10 + 5)
            var pace = 0
            for victim in victims {
                pace += Int.random(in: 1...3, using: &random)
                #expect(pacer.waitForSaves(pace))
                if victim.isRunningDesk { killsOfARunningDesk += 1 }
                victim.kill()
                kills += 1
            }
            pacer.kill()
            kills += 1
            for writer in victims + [pacer] {
                writer.finish()
                #expect(writer.process.terminationReason == .uncaughtSignal)
                printed += writer.savedIDs
            }
        }
        #expect(kills == 20)
        // Most kills hit a `desk log` mid-run, not the shell between two of them.
        #expect(killsOfARunningDesk >= 1)
        #expect(Set(printed).count == printed.count)
        let stored = Set(try sqlite(desk.database, "SELECT id FROM callbacks").split(separator: "\n").compactMap { Int($0) })
        #expect(Set(printed).subtracting(stored) == [], "saved but missing after kill -9")
        // All or nothing: no callback without its message and event, no call without its message.
        #expect(try sqlite(desk.database, """
            SELECT count(*) FROM callbacks c
            WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.callback_id = c.id)
               OR NOT EXISTS (SELECT 1 FROM events e WHERE e.subject = 'callback' AND e.subject_id = c.id AND e.kind = 'callback.opened')
            """) == "0\n")
        #expect(try sqlite(desk.database, "SELECT count(*) FROM calls c WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.call_id = c.id)") == "0\n")
        #expect(try desk.run(["check"]) == DeskResult(status: 0, stdout: """
            database:      \(desk.database)
            integrity:     ok
            foreign keys:  ok
            schema:        current (\(latestMigration))
            mode:          0600 (owner only)
            settings:      ok

            """, stderr: ""))
        // And the desk carries on.
        try desk.ok(["log", "--for", "tanaka", "--caller", "後の顧客", "--phone", "03-9999-0001", "--message", "再開"])
        print("kill test: \(kills) kills (\(killsOfARunningDesk) of a running desk log), \(printed.count) saves reported, \(stored.count) callbacks stored (\(stored.count - printed.count) committed but killed before printing)")
    }
}
