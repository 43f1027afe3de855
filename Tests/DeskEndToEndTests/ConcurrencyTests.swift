import Foundation
import Testing

/// Several operators at several terminals: separate processes writing at once lose nothing.
@Suite struct ConcurrencyTests {
    @Test func eightOperatorsLoggingFiftyCallsEachAtOnceLoseNothing() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        let baseline = Int(try desk.sql("SELECT count(*) FROM events").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        // Each operator is one shell running 50 `desk log` processes one after another.
        let operators = (1...8).map { number in
            let script = """
                for i in $(seq 1 50); do
                  "$0" log --for tanaka --caller "顧客$i" --phone "03-500$1-$(printf %04d $i)" --message "伝言 $1-$i" || exit 1
                done
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script, deskExecutable.path, String(number)]
            process.environment = desk.environment
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for process in operators { try process.run() }
        for process in operators { process.waitUntilExit() }
        #expect(operators.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        #expect(try desk.sql("SELECT count(*), count(DISTINCT caller_id) FROM callbacks") == "400|400\n")
        #expect(try desk.sql("SELECT count(*) FROM messages") == "400\n")
        // One event per change: a new caller, the call, the opened callback.
        let events = Int(try desk.sql("SELECT count(*) FROM events").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(events - baseline == 1200)
        #expect(try desk.sql("SELECT kind, count(*) FROM events WHERE id > \(baseline) GROUP BY kind ORDER BY kind")
                == "call.taken|400\ncallback.opened|400\ncaller.added|400\n")
        #expect(try desk.sql("PRAGMA integrity_check") == "ok\n")
    }
}
