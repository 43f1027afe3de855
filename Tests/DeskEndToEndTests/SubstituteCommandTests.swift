import Foundation
import MessageDesk
import Testing

/// Routing to the substitute through the built binary: what the operator reads, joining, `reassign --back`.
@Suite struct SubstituteCommandTests {
    @Test func aCallbackForSomeoneOnADayOffIsRoutedAndSaysSo() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["away", "tanaka", "--until", "2026-11-24 09:00", "--reason", "off"])
        let first = try desk.run(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                                  "--message", "見積の件"])
        #expect(first == DeskResult(status: 0, stdout: """
            saved: opened callback #1 for suzuki (鈴木花子), due 18:00
            routed to suzuki (substitute; tanaka is on a day off until 11-24 09:00)

            """, stderr: ""))
        // The caller rings again for tanaka: the call joins the callback suzuki now owes.
        let again = try desk.run(["log", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--phone", "0312345678",
                                  "--message", "まだですか", "--json"])
        let joined = try JSONValue.parse(again.stdout)
        #expect(joined["joined"] == true && joined["routed"] == false)
        #expect(joined["callback"]?["id"] == 1 && joined["callback"]?["owner"] == "suzuki")
        #expect(joined["callback"]?["routed_from"] == "tanaka")
        #expect(joined["substitute"] == "suzuki")
        #expect(try desk.sql("SELECT count(*), max(repeat_count) FROM callbacks") == "1|1\n")
        #expect(try desk.run(["history", "1"]).stdout.contains("""
            callback.routed  owner: tanaka → suzuki; routed_from: - → tanaka
            """))
        #expect(try desk.sql("SELECT reason FROM events WHERE kind = 'callback.routed'")
                == "tanaka is away (day_off) until 2026-11-24 09:00, past the due time; to the substitute\n")
        #expect(try desk.ok(["show", "1"]).stdout.contains("Owner:     suzuki (鈴木花子), routed from tanaka (away at the call)\n"))

        // Monday: tanaka is back (the day off ended by itself); the callback comes back only when asked.
        desk.now = "2026-11-24T09:30:00+09:00"
        #expect(try desk.run(["board"]).stdout == """
            09:30
            HANDLE  NAME      WHERE          UNTIL  NOTE  SUBSTITUTE  OWED  OVERDUE
            boss    部長      in the office                              0
            sato    佐藤      in the office                              0
            suzuki  鈴木花子  in the office                              1        1
            tanaka  田中一郎  in the office               suzuki         0

            """)
        #expect(try desk.run(["reassign", "1", "--back", "--as", "tanaka"]) == DeskResult(status: 0, stdout: """
            reassigned callback #1 — open, owner tanaka, due 11-20 18:00

            """, stderr: ""))
        #expect(try desk.sql("SELECT kind, before, after, reason FROM events WHERE kind = 'callback.reassigned'") == """
            callback.reassigned|{"owner":"suzuki","routed_from":"tanaka"}|{"owner":"tanaka","routed_from":null}|back to the owner it was routed from

            """)
        #expect(try desk.run(["reassign", "1", "--back"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: callback #1 was not routed to a substitute, so it has no owner to go back to; give it to someone with --to HANDLE

            """))
        #expect(try desk.run(["reassign", "1"]).status == 64)
        #expect(try desk.run(["reassign", "1", "--to", "boss", "--back"]).status == 64)
    }

    @Test func anAbsenceEndingBeforeTheDueTimeKeepsTheCallbackWithTheOwner() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["away", "tanaka", "--until", "15:00", "--reason", "out"])
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "x"]).stdout == """
            saved: opened callback #1 for tanaka (田中一郎), due 18:00
            tanaka is out until 15:00
            substitute: suzuki

            """)
        // A substitute away past the due time too: it stays with tanaka, and the operator says when he is back.
        try desk.ok(["away", "suzuki", "--reason", "leave"])
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "高橋", "--phone", "0612345678", "--message", "y",
                              "--urgent"]).stdout == """
            saved: opened callback #2 for tanaka (田中一郎), due 10:45
            tanaka is out until 15:00
            substitute: suzuki (also away: on leave)

            """)
    }

    @Test func aTypeTwoBuyerWaitsForTheOwner() throws {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["away", "tanaka", "--reason", "leave"])
        #expect(try desk.run(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "導入検討",
                              "--vendors", "none"]).stdout == """
            saved: opened callback #1 for tanaka (田中一郎), due 18:00
            tanaka is on leave
            stays with tanaka: buyer type ② wants the right person — prepare details

            """)
    }
}
