import Foundation
import MessageDesk
import Testing
@testable import desk

/// A callback for tanaka from a caller whose name, company and message hold wide, half-width and control text.
func rankedCallback(sensitive: Bool = false) throws -> RankedCallback {
    let store = try makeOffice()
    let now = try at(friday)
    let new = NewMessage(forHandle: "tanaka", callerName: "山田\u{1B}[31m太郎", phone: try PhoneNumber(parsing: "03-1234-5678"),
                         company: "ｶﾌﾞｼｷｶﾞｲｼｬ ＡＢＣ", body: "見積の件\n至急", urgent: true,
                         notAfter: try at("2026-11-20T17:30:00+09:00"), sensitive: sensitive)
    _ = try store.takeMessage(new, actor: "tanaka", at: now)
    return try #require(try store.callbacks(CallbackFilter(), at: now).first)
}

@Test func aTableRowShowsTheCallbackAsTheDeskReadsIt() throws {
    let ranked = try rankedCallback()
    let output = CallbackOutput(times: try fridayTimes())
    #expect(output.tableRow(ranked) == [
        "1", "8.00", "17:30", "open urgent", "tanaka", "山田\u{1B}[31m太郎",
        "ｶﾌﾞｼｷｶﾞｲｼｬ ＡＢＣ", "03-1234-5678", "見積の件\n至急",
    ])
    // The row's text is made safe by the table, which aligns the shown form.
    let table = TextTable(columns: CallbackOutput.tableHeader.map { TextTable.Column($0) }, rows: [output.tableRow(ranked)])
    #expect(table.rendered() == """
        ID  PRI   DUE    STATE        OWNER   CALLER         COMPANY            PHONE         MESSAGE
        1   8.00  17:30  open urgent  tanaka  山田␛[31m太郎  ｶﾌﾞｼｷｶﾞｲｼｬ ＡＢＣ  03-1234-5678  見積の件␊至急

        """)
}

@Test func aSensitiveMessageIsNotInTheRowOrTheCSV() throws {
    let ranked = try rankedCallback(sensitive: true)
    let output = CallbackOutput(times: try fridayTimes())
    #expect(output.tableRow(ranked).last == "(sensitive — see desk show 1)")
    #expect(output.csvRow(ranked)[12] == "(sensitive — see desk show 1)")
}

@Test func theCSVRowMatchesItsHeader() throws {
    let ranked = try rankedCallback()
    let row = CallbackOutput(times: try fridayTimes()).csvRow(ranked)
    #expect(row.count == CallbackOutput.csvHeader.count)
    #expect(CSV.render(header: CallbackOutput.csvHeader, rows: [row], toTerminal: true) == """
        id,owner,state,urgent,priority,due_at,overdue,repeat_count,attempts,caller,company,phone,message,wants,opened_at,\
        closed_at,buyer_type,prepare_details,sensitive,routed_from\r
        1,tanaka,open,1,8.00,2026-11-20T17:30:00+09:00,0,0,0,山田␛[31m太郎,\
        ｶﾌﾞｼｷｶﾞｲｼｬ ＡＢＣ,03-1234-5678,"見積の件
        至急",callback,2026-11-20T10:15:00+09:00,,unknown,0,0,\r

        """)
}

@Test func theStateCellNamesEveryFlagInOrder() {
    #expect(CallbackOutput.stateText(.open, urgent: false, overdue: false, repeatCount: 0) == "open")
    #expect(CallbackOutput.stateText(.acknowledged, urgent: false, overdue: false, repeatCount: 0) == "ack")
    #expect(CallbackOutput.stateText(.open, urgent: true, overdue: true, repeatCount: 2, prepareDetails: true)
            == "open urgent overdue ×3 prepare details")
    #expect(CallbackOutput.stateText(.done, urgent: false, overdue: false, repeatCount: 1) == "done ×2")
}

@Test func priorityTextAndJSONRoundTheSameWay() {
    #expect(CallbackOutput.priorityText(12.345) == "12.35")
    #expect(CallbackOutput.rounded(12.345) == 12.35)
    #expect(CallbackOutput.priorityText(0.004) == "0.00")
    #expect(CallbackOutput.priorityText(-1.005) == "-1.00")
    #expect(CallbackOutput.priorityText(7) == "7.00")
}
