import Foundation
import Testing

/// CSV that a spreadsheet opens cleanly: a UTF-8 BOM on request (Excel on a Japanese PC reads CSV
/// without one as Shift_JIS), text carried as given to a file or a pipe, and harmless on a terminal.
@Suite struct CSVForExcelTests {
    static let header = "id,owner,state,urgent,priority,due_at,overdue,repeat_count,attempts,caller,company,phone,message,wants,opened_at,closed_at,buyer_type,prepare_details,sensitive,routed_from\r\n"

    func deskWithOneMessage(_ message: String) throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "03-1234-5678", "--message", message])
        return desk
    }

    func row(_ message: String) -> String {
        "1,tanaka,open,0,0.00,2026-11-20T18:00:00+09:00,0,0,0,山田,,03-1234-5678,\(message),callback,2026-11-20T10:15:00+09:00,,unknown,0,0,\r\n"
    }

    @Test func bomStartsTheCSVWithTheUTF8ByteOrderMark() throws {
        var desk = try deskWithOneMessage("見積")
        let withBOM = try desk.run(["callbacks", "--csv", "--bom"])
        #expect(withBOM == DeskResult(status: 0, stdout: "\u{FEFF}" + Self.header + row("見積"), stderr: ""))
        #expect(Array(withBOM.stdout.utf8.prefix(5)) == [0xEF, 0xBB, 0xBF, 0x69, 0x64])
        #expect(try desk.run(["callbacks", "--csv"]) == DeskResult(status: 0, stdout: Self.header + row("見積"), stderr: ""))
        desk.extraEnvironment["DESK_CSV_BOM"] = "1"
        #expect(try desk.run(["callbacks", "--csv"]).stdout == "\u{FEFF}" + Self.header + row("見積"))
        #expect(try desk.run(["board", "--csv"]).stdout.hasPrefix("\u{FEFF}handle,name,"))
        // The BOM belongs to CSV only: JSON and tables never carry it.
        #expect(try desk.run(["callbacks", "--json"]).stdout.hasPrefix("[\n"))
        desk.extraEnvironment["DESK_CSV_BOM"] = "0"
        #expect(try desk.run(["callbacks", "--csv"]).stdout == Self.header + row("見積"))
    }

    @Test func bomWithoutCSVIsAUsageError() throws {
        let desk = try deskWithOneMessage("見積")
        #expect(try desk.run(["callbacks", "--bom"]) == DeskResult(status: 64, stdout: "",
            stderr: "desk: error: --bom only applies to CSV; add --csv (see `desk callbacks --help`)\n"))
    }

    /// To a file or a pipe, TAB, ESC and the other controls are the caller's text, kept byte for byte; only
    /// the formula guard changes a cell.
    @Test func csvToAPipeCarriesTextAsGiven() throws {
        let desk = try deskWithOneMessage("a\tb\u{1B}[31mc\u{7}")
        #expect(try desk.run(["callbacks", "--csv"]) == DeskResult(status: 0, stdout: Self.header + row("a\tb\u{1B}[31mc\u{7}"), stderr: ""))
        let formula = try deskWithOneMessage("\t=HYPERLINK(\"x\")")
        #expect(try formula.run(["callbacks", "--csv"]).stdout == Self.header + row("\"'\t=HYPERLINK(\"\"x\"\")\""))
    }

    /// On a terminal (`script` gives one), the same CSV shows the controls as symbols, like every table.
    @Test func csvOnATerminalShowsControlCharactersHarmlessly() throws {
        let desk = try deskWithOneMessage("a\tb\u{1B}[31mc")
        let onTerminal = try desk.run([], executable: URL(fileURLWithPath: "/usr/bin/script"),
                                      prefix: ["-qec", "\(deskExecutable.path) callbacks --csv", "/dev/null"])
        #expect(onTerminal.status == 0)
        #expect(onTerminal.stdout.contains(",a␉b␛[31mc,"))
        #expect(!onTerminal.stdout.contains("\u{1B}"))
    }
}
