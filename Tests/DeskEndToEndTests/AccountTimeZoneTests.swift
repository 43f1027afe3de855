import Foundation
import Testing

/// An account's own time zone (issue 15, migration 0013): `desk account add|set --time-zone`, shown by
/// `desk account show`, and the zone its usage months run in; without one, the desk's.
@Suite struct AccountTimeZoneTests {
    /// acme keeps the desk's zone (Asia/Tokyo); beta, a client in London, counts its months in Europe/London.
    static func twoZones() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.ok(["init", "--account", "acme"])
        try desk.ok(["account", "add", "beta", "--name", "ベータ商事", "--greeting", "はい、ベータ商事でございます",
                     "--time-zone", "Europe/London"])
        return desk
    }

    @Test func theZoneIsSetCheckedAndShown() throws {
        let desk = try Self.twoZones()
        #expect(try desk.ok(["account", "show", "beta"]).stdout == """
            beta — ベータ商事
            greeting:  はい、ベータ商事でございます
            reading:   -
            aliases:   -
            lines:     -
            notes:     -
            time zone: Europe/London
            state:     open

            """)
        #expect(try desk.ok(["account", "show", "beta", "--json"]).stdout.contains("""
              "notes": null,
              "time_zone": "Europe/London",
            """))
        // acme has none: its show is as before, with no time zone line.
        #expect(try !desk.ok(["account", "show", "acme"]).stdout.contains("time zone"))
        #expect(try desk.run(["account", "set", "acme", "--time-zone", "Mars/Olympus"]) == DeskResult(status: 65, stdout: "", stderr: """
            desk: error: --time-zone: 'Mars/Olympus' is not a time zone: use an IANA name such as Asia/Tokyo

            """))
        try desk.ok(["account", "set", "acme", "--time-zone", "Asia/Tokyo"])
        #expect(try desk.sql("SELECT code, coalesce(time_zone, '-') FROM accounts ORDER BY id") == "acme|Asia/Tokyo\nbeta|Europe/London\n")
        try desk.ok(["account", "set", "acme", "--time-zone", "-"])
        #expect(try desk.sql("SELECT code, coalesce(time_zone, '-') FROM accounts ORDER BY id") == "acme|-\nbeta|Europe/London\n")
        #expect(try desk.sql("SELECT kind, after FROM events WHERE kind = 'account.changed' ORDER BY id DESC LIMIT 1") == """
            account.changed|{"code":"acme","name":"acme","greeting":null,"reading":null,"aliases":[],"notes":null}

            """)
    }

    /// 2026-12-01 08:30 in Tokyo is 2026-11-30 23:30 in London: the same moment's call is December's for acme and
    /// November's for beta, in the month's usage and in the invoicing CSV.
    @Test func theMonthRunsInTheAccountsZone() throws {
        var desk = try Self.twoZones()
        desk.now = "2026-12-01T08:30:00+09:00"
        for code in ["acme", "beta"] {
            try desk.ok(["log", "--account", code, "--outcome", "sales", "--phone", "03-9999-0001"])
        }
        desk.now = "2026-12-02T12:00:00+09:00"
        // The CSV's lines end in CRLF (RFC 4180).
        func csv(_ arguments: [String]) throws -> [String] {
            try desk.ok(["usage"] + arguments + ["--month", "2026-11", "--csv"]).stdout.split(separator: "\r\n").map(String.init)
        }
        #expect(try csv(["--account", "beta"]) == ["call_id,at,category,recorded_as,billable", "2,2026-12-01T08:30:00+09:00,sales,sales,no"])
        #expect(try csv(["--account", "acme"]) == ["call_id,at,category,recorded_as,billable"])
        #expect(try csv(["--all"]).map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") } == [
            "month,account,name,closed,message,sales",
            "2026-11,acme,acme,yes,0,0",
            "2026-11,beta,ベータ商事,yes,0,1",
        ])
        #expect(try desk.ok(["usage", "--account", "acme", "--month", "2026-12", "--csv"]).stdout.contains("\r\n1,2026-12-01T08:30:00+09:00,sales"))
    }
}
