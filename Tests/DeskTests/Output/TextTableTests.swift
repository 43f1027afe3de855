import MessageDesk
import Testing
@testable import desk

private let japaneseTable = TextTable(
    columns: [.init("Name"), .init("Company"), .init("Note"), .init("Calls", alignment: .right)],
    rows: [
        ["山田太郎", "ＡＢＣ商事", "①※…", "3"],
        ["ｶﾅ", "abc", "x", "12"],
    ])

@Test func tableAlignsFullwidthHalfwidthAndAmbiguousText() {
    let expected = """
        Name      Company     Note  Calls
        山田太郎  ＡＢＣ商事  ①※…       3
        ｶﾅ        abc         x        12

        """
    #expect(japaneseTable.rendered() == expected)
}

@Test func tableWidensAmbiguousColumnsOnWideTerminals() {
    let expected = """
        Name      Company     Note    Calls
        山田太郎  ＡＢＣ商事  ①※…      3
        ｶﾅ        abc         x          12

        """
    #expect(japaneseTable.rendered(ambiguousIsWide: true) == expected)
}

@Test func everyColumnStartsAtTheSameDisplayColumn() {
    // With a right-aligned last column nothing is trimmed, so aligned lines are equally wide.
    for ambiguousIsWide in [false, true] {
        let lines = japaneseTable.rendered(ambiguousIsWide: ambiguousIsWide).split(separator: "\n")
        let widths = Set(lines.map { DisplayWidth.of(String($0), ambiguousIsWide: ambiguousIsWide) })
        #expect(widths.count == 1)
    }
}

@Test func controlSequencesInCellsAreMadeVisible() {
    let table = TextTable(columns: [.init("A"), .init("B")], rows: [["\u{1B}[2J", "x"], ["a\nb", "y"]])
    #expect(table.rendered() == "A     B\n␛[2J  x\na␊b   y\n")
}

@Test func maxWidthTruncatesWithEllipsisAndKeepsAlignment() {
    let table = TextTable(columns: [.init("名前"), .init("件")], rows: [["山田太郎", "1"], ["ab", "2"]])
    #expect(table.rendered(maxWidths: [4, nil]) == "名前  件\n山…   1\nab    2\n")
}

@Test func missingCellsAreEmptyAndTrailingSpacesTrimmed() {
    let table = TextTable(columns: [.init("A"), .init("B")], rows: [["only"], ["x", "y", "extra"]])
    #expect(table.rendered() == "A     B\nonly\nx     y\n")
}

@Test func csvUsesCRLFAndQuotesOnlyWhenNeeded() {
    let csv = CSV.render(
        header: ["name", "note"],
        rows: [["山田太郎", #"say "hi", ok"#], ["a", "line1\r\nline2"], ["b", "lf\nonly"], ["", "plain"]])
    // A CR LF inside a field is kept as one line break (LF); CR alone would move a terminal's cursor.
    #expect(csv == "name,note\r\n山田太郎,\"say \"\"hi\"\", ok\"\r\na,\"line1\nline2\"\r\nb,\"lf\nonly\"\r\n,plain\r\n")
}

@Test func csvGuardsAgainstFormulaInjection() {
    let csv = CSV.render(header: ["h"], rows: [["=1+2"], ["+x"], ["-5"], ["@SUM(A1)"], ["\tTab"], ["\rX"], ["a=b"]])
    // TAB and CR are shown as ␉ and ␍, which no spreadsheet reads as the start of a formula.
    #expect(csv == "h\r\n'=1+2\r\n'+x\r\n'-5\r\n'@SUM(A1)\r\n␉Tab\r\n␍X\r\na=b\r\n")
}

@Test func csvShowsControlCharactersHarmlessly() {
    #expect(CSV.render(header: ["h"], rows: [["\u{1B}[2J 山田"]]) == "h\r\n␛[2J 山田\r\n")
}
