import Foundation
import Testing

/// `desk log --outcome`, block lists, plans, `desk usage` and `desk usage strike`: what they print, refuse and store.
@Suite struct UsageCommandTests {
    func failure(_ message: String) -> DeskResult {
        DeskResult(status: 65, stdout: "", stderr: "desk: error: \(message)\n")
    }

    /// acme (the first account, a plan of 3 calls with messages and sales billed) and beta (no plan), each with
    /// tanaka; on Friday 2026-11-20 acme gets a call of every category, beta one message from the same number.
    static func twoClients() throws -> DeskSandbox {
        var desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "はい、ベータ商事でございます"])
        try desk.ok(["staff", "add", "boss", "--name", "部長", "--role", "manager"])
        try desk.ok(["staff", "add", "sato", "--name", "佐藤", "--role", "operator"])
        for code in ["acme", "beta"] { try desk.ok(["staff", "add", "tanaka", "--name", "田中", "--account", code]) }
        try desk.ok(["account", "plan", "acme", "--fee", "30000", "--included", "3", "--extra", "400",
                     "--billable", "message,sales", "--strike-cap", "34%", "--as", "boss"])
        try desk.ok(["account", "block", "acme", "03-6666-0000", "--note", "しつこい営業", "--as", "boss"])
        func log(_ clock: String, _ arguments: [String]) throws {
            desk.now = "2026-11-20T\(clock):00+09:00"
            try desk.ok(["log", "--as", "sato"] + arguments)
        }
        let message = ["--for", "tanaka", "--caller", "山田太郎", "--message", "見積の件で折り返しください"]
        try log("10:01", ["--account", "acme", "--phone", "03-1234-5678"] + message)                   // 1
        try log("10:02", ["--account", "beta", "--phone", "03-1234-5678"] + message)                   // 2
        try log("10:03", ["--account", "acme", "--outcome", "sales", "--phone", "03-9999-0001"])        // 3
        try log("10:04", ["--account", "acme", "--outcome", "wrong-number", "--phone", "03-9999-0002"]) // 4
        try log("10:05", ["--account", "acme", "--outcome", "silent"])                                  // 5
        try log("10:06", ["--account", "acme", "--outcome", "spam", "--phone", "03-9999-0003"])         // 6
        try log("10:07", ["--account", "acme", "--outcome", "test", "--phone", "03-9999-0004"])         // 7
        try log("10:08", ["--account", "acme", "--phone", "03-6666-0000"] + message)                   // 8, blocked
        try log("10:09", ["--account", "acme", "--phone", "06-1111-2222"] + message)                   // 9
        try log("10:10", ["--account", "acme", "--outcome", "sales", "--phone", "03-9999-0005"])        // 10
        desk.now = "2026-11-20T11:00:00+09:00"
        return desk
    }

    @Test func aMonthWithEveryCategory() throws {
        let desk = try Self.twoClients()
        #expect(try desk.run(["usage", "--account", "acme", "--month", "2026-11"]) == DeskResult(status: 0, stdout: """
            acme (acme): usage of 2026-11, so far, as of 2026-11-20 11:00
            plan: ¥30,000 a month, 3 calls included, ¥400 per extra call; billable: message, sales; strikes up to 34% (1)

            category      calls  billed  calls
            message           2  yes     #1 2026-11-20 10:01, #9 2026-11-20 10:09
            sales             2  yes     #3 2026-11-20 10:03, #10 2026-11-20 10:10
            wrong-number      1  no      #4 2026-11-20 10:04
            silent            1  no      #5 2026-11-20 10:05
            spam              1  no      #6 2026-11-20 10:06
            test              1  no      #7 2026-11-20 10:07
            blocked           1  no      #8 2026-11-20 10:08

            billable 4, not billable 5, struck 0
            included 3, overage 1 × ¥400 = ¥400
            amount ¥30,400 (fee ¥30,000 + overage ¥400)

            """, stderr: ""))
        #expect(try desk.run(["usage", "--account", "acme", "--month", "2026-11", "--csv"]).stdout == """
            call_id,at,category,recorded_as,billable\r
            1,2026-11-20T10:01:00+09:00,message,message,yes\r
            3,2026-11-20T10:03:00+09:00,sales,sales,yes\r
            4,2026-11-20T10:04:00+09:00,wrong_number,wrong_number,no\r
            5,2026-11-20T10:05:00+09:00,silent,silent,no\r
            6,2026-11-20T10:06:00+09:00,spam,spam,no\r
            7,2026-11-20T10:07:00+09:00,test,test,no\r
            8,2026-11-20T10:08:00+09:00,blocked,blocked,no\r
            9,2026-11-20T10:09:00+09:00,message,message,yes\r
            10,2026-11-20T10:10:00+09:00,sales,sales,yes\r

            """)
        // The calls that left no message opened no callback; the blocked one is stored as blocked.
        #expect(try desk.sql("SELECT id, outcome, ifnull(phone, '-') FROM screened_calls ORDER BY id") == """
            3|sales|+81399990001
            4|wrong_number|+81399990002
            5|silent|-
            6|spam|+81399990003
            7|test|+81399990004
            8|blocked|+81366660000
            10|sales|+81399990005

            """)
        #expect(try desk.sql("SELECT count(*) FROM callbacks") == "3\n")
    }

    @Test func aBlockedNumberIsRecordedAsBlocked() throws {
        var desk = try Self.twoClients()
        desk.now = "2026-11-20T11:01:00+09:00"
        #expect(try desk.run(["log", "--account", "acme", "--as", "sato", "--for", "tanaka", "--caller", "営業", "--phone", "03-6666-0000",
                              "--message", "社長いますか"])
                == DeskResult(status: 0, stdout: "recorded call 11 as blocked: 03-6666-0000 is on acme's block list; no callback opened\n", stderr: ""))
        #expect(try desk.run(["log", "--account", "acme", "--as", "sato", "--outcome", "sales", "--phone", "03-6666-0000"]).stdout
                == "recorded call 12 as blocked: 03-6666-0000 is on acme's block list; no callback opened\n")
        // The number is acme's to block: beta takes its message.
        #expect(try desk.run(["log", "--account", "beta", "--as", "sato", "--for", "tanaka", "--caller", "営業", "--phone", "03-6666-0000",
                              "--message", "社長いますか"]).stdout.hasPrefix("saved: "))
        #expect(try desk.run(["account", "blocked", "acme"]).stdout == "03-6666-0000  since 10:15  しつこい営業\n")
        #expect(try desk.run(["account", "unblock", "acme", "03-6666-0000", "--as", "boss"]).stdout == "unblocked 03-6666-0000 for acme\n")
        #expect(try desk.run(["account", "unblock", "acme", "03-6666-0000", "--as", "boss"])
                == failure("03-6666-0000 is not on acme's block list; see `desk account blocked acme`"))
        #expect(try desk.run(["log", "--account", "acme", "--as", "sato", "--outcome", "sales"])
                == DeskResult(status: 64, stdout: "",
                              stderr: "desk: error: missing --phone: a sales call needs the caller's number (only a silent caller may have none) (see `desk log --help`)\n"))
    }

    @Test func aClosedMonthIsUnchangedAfterLaterEvents() throws {
        var desk = try Self.twoClients()
        desk.now = "2026-12-01T00:00:00+09:00"
        let closed = try desk.ok(["usage", "--account", "acme", "--month", "2026-11", "--json"]).stdout
        let invoice = try desk.ok(["usage", "--all", "--month", "2026-11", "--csv"]).stdout
        #expect(closed.contains("\"closed\": true"))
        // December: a strike of a November call is refused, the plan changes, calls come in and one is struck.
        desk.now = "2026-12-01T09:00:00+09:00"
        #expect(try desk.run(["usage", "strike", "9", "--account", "acme", "--reason", "いたずら", "--as", "boss"])
                == failure("call 9 is of 2026-11, a closed month whose usage no longer changes; strike only this month's calls"))
        try desk.ok(["account", "plan", "acme", "--fee", "50000", "--included", "100", "--extra", "300", "--as", "boss"])
        try desk.ok(["log", "--account", "acme", "--as", "sato", "--outcome", "spam", "--phone", "03-9999-0009"])
        try desk.ok(["log", "--account", "acme", "--as", "sato", "--for", "tanaka", "--caller", "山田太郎", "--phone", "03-1234-5678",
                     "--message", "再度"])
        #expect(try desk.run(["usage", "strike", "12", "--account", "acme", "--reason", "いたずら", "--as", "boss"]).stdout
                == "struck call 12: message → spam\n")
        desk.now = "2026-12-15T12:00:00+09:00"
        #expect(try desk.run(["usage", "--account", "acme", "--month", "2026-11", "--json"]).stdout == closed)
        #expect(try desk.run(["usage", "--all", "--month", "2026-11", "--csv"]).stdout == invoice)
        #expect(try desk.run(["usage", "--account", "acme", "--month", "2026-12", "--csv"]).stdout == """
            call_id,at,category,recorded_as,billable\r
            11,2026-12-01T09:00:00+09:00,spam,spam,no\r
            12,2026-12-01T09:00:00+09:00,spam,message,no\r

            """)
        #expect(try desk.run(["usage", "--month", "2027-01", "--account", "acme"])
                == failure("2027-01 has not begun yet (it is 2026-12-15 now); give this month or an earlier one"))
    }

    @Test func everyAccountOnOneRowForInvoicing() throws {
        var desk = try Self.twoClients()
        desk.now = "2026-12-01T08:00:00+09:00"
        #expect(try desk.run(["usage", "--all", "--month", "2026-11", "--csv"]) == DeskResult(status: 0, stdout: """
            month,account,name,closed,message,sales,wrong_number,silent,spam,test,blocked,billable,not_billable,strikes,fee_yen,calls_included,overage,extra_call_yen,overage_yen,amount_yen\r
            2026-11,acme,acme,yes,2,2,1,1,1,1,1,4,5,0,30000,3,1,400,400,30400\r
            2026-11,beta,ベータ商事,yes,1,0,0,0,0,0,0,1,0,0,,,,,,\r

            """, stderr: ""))
        #expect(try desk.run(["usage", "--all", "--month", "2026-11"]).stdout == """
            usage of 2026-11, closed

            account              billable  not billable  overage  amount
            acme                        4             5        1  ¥30,400
            beta                        1             0        -  no plan

            """)
    }

    @Test func strikesAreCappedAndOneAccountNeverSeesAnothersCalls() throws {
        let desk = try Self.twoClients()
        #expect(try desk.run(["usage", "strike", "10", "--account", "acme", "--reason", "自動音声", "--as", "boss"])
                == DeskResult(status: 0, stdout: "struck call 10: sales → spam\n", stderr: ""))
        #expect(try desk.run(["usage", "strike", "9", "--account", "acme", "--reason", "いたずら", "--as", "boss"])
                == failure("acme has 1 strike in 2026-11, its plan's cap (34% of 3 calls included); call 9 stays message"))
        #expect(try desk.run(["usage", "strike", "2", "--account", "acme", "--reason", "x", "--as", "boss"])
                == failure("no call 2 of account acme; see `desk usage --month …` for its calls"))
        #expect(try desk.sql("SELECT call_id, reason FROM call_strikes") == "10|自動音声\n")
        #expect(try desk.sql("SELECT subject_id, before, after, reason FROM events WHERE kind = 'call.struck'")
                == "10|{\"category\":\"sales\"}|{\"category\":\"spam\"}|自動音声\n")
        let acme = try desk.run(["usage", "--account", "acme", "--month", "2026-11", "--csv"]).stdout
        #expect(acme.contains("10,2026-11-20T10:10:00+09:00,spam,sales,no\r\n"))
        #expect(!acme.contains("\n2,"))
        #expect(try desk.run(["usage", "--account", "beta", "--month", "2026-11"]).stdout == """
            beta (ベータ商事): usage of 2026-11, so far, as of 2026-11-20 11:00
            plan: none (nothing is charged; set one with desk account plan)

            category      calls  billed  calls
            message           1  yes     #2 2026-11-20 10:02
            sales             0  no
            wrong-number      0  no
            silent            0  no
            spam              0  no
            test              0  no
            blocked           0  no

            billable 1, not billable 0, struck 0

            """)
    }
}
