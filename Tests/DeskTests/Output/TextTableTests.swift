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

@Test func halfwidthKanaWithVoicingMarksIsOneColumnPerMark() {
    // ｶﾞ is one Character of two scalars (ｶ and the half-width voicing mark ﾞ), drawn in two columns.
    let table = TextTable(columns: [.init("カナ"), .init("件", alignment: .right)],
                          rows: [["ｶﾞｲｼｬ", "1"], ["ガイシャ", "10"], ["ｱ", "100"]])
    #expect(table.rendered() == """
        カナ       件
        ｶﾞｲｼｬ       1
        ガイシャ   10
        ｱ         100

        """)
}

@Test func controlSequencesInCellsAreMadeVisible() {
    let table = TextTable(columns: [.init("A"), .init("B")], rows: [["\u{1B}[2J", "x"], ["a\nb", "y"]])
    #expect(table.rendered() == "A     B\n␛[2J  x\na␊b   y\n")
}

@Test func hiddenAndReorderingCharactersAreShownAndCounted() {
    // A C1 CSI, a zero-width space inside a name, a right-to-left override, DEL and TAB: each is shown, and
    // the shown form is what the columns are aligned by.
    let table = TextTable(columns: [.init("caller"), .init("#")],
                          rows: [["\u{9B}2J", "1"], ["山田\u{200B}太郎", "2"], ["\u{202E}abc", "3"], ["a\u{7F}\tb", "4"]])
    #expect(table.rendered() == """
        caller            #
        ⟨U+009B⟩2J        1
        山田⟨U+200B⟩太郎  2
        ⟨U+202E⟩abc       3
        a␡␉b              4

        """)
}

@Test func fittingCutsALongColumnWithEllipsisAndKeepsAlignment() {
    let table = TextTable(columns: [.init("名前", shrinks: true), .init("件")], rows: [["山田太郎", "1"], ["ab", "2"]])
    #expect(table.rendered(width: 8) == "名前  件\n山…   1\nab    2\n")
    // Without a width (a pipe, a file, --wide) every cell is whole.
    #expect(table.rendered() == "名前      件\n山田太郎  1\nab        2\n")
}

@Test func truncationNeverSplitsAWideCharacterAcrossTheLimit() {
    // At 5 columns: 山田 (4) and … fit; 山田太 (6) would not. Half-width kana fit one per column.
    let table = TextTable(columns: [.init("名前", shrinks: true), .init("x")], rows: [["山田太郎", "1"], ["ｶﾀｶﾅｶﾀｶﾅ", "2"]])
    #expect(table.rendered(width: 8) == "名前   x\n山田…  1\nｶﾀｶﾅ…  2\n")
}

@Test func fittingCutsTheWidestLongColumnFirstAndNeverTheOthers() {
    let table = TextTable(columns: [.init("ID"), .init("CALLER", shrinks: true), .init("MESSAGE", shrinks: true)],
                          rows: [["1", "山田太郎", "見積の件で折り返しください"]])
    // 2 + 2 + 8 + 2 + 26 = 40 columns whole; at 30 the message gives up 10 before the caller gives any.
    #expect(table.rendered(width: 30) == "ID  CALLER    MESSAGE\n1   山田太郎  見積の件で折り…\n")
    // At 20 both are cut, to their headers' widths (6 and 7 columns); the ID column never is.
    let narrow = table.rendered(width: 20)
    #expect(narrow.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 20 })
    #expect(narrow == "ID  CALLER   MESSAGE\n1   山田太…  見積の…\n")
}

@Test func halfWidthKanaWithVoicingMarksAlignTheNextColumn() {
    // ｶﾌﾞｼｷｶﾞｲｼｬ is 10 columns: each ﾞ takes one of its own, as terminals draw it.
    let table = TextTable(columns: [.init("COMPANY"), .init("PHONE")],
                          rows: [["ｶﾌﾞｼｷｶﾞｲｼｬ", "03-1234-5678"], ["株式会社", "06-1111-2222"], ["ｶﾌﾞ", "045-987-6543"]])
    #expect(table.rendered() == """
        COMPANY     PHONE
        ｶﾌﾞｼｷｶﾞｲｼｬ  03-1234-5678
        株式会社    06-1111-2222
        ｶﾌﾞ         045-987-6543

        """)
}

@Test func missingCellsAreEmptyAndTrailingSpacesTrimmed() {
    let table = TextTable(columns: [.init("A"), .init("B")], rows: [["only"], ["x", "y", "extra"]])
    #expect(table.rendered() == "A     B\nonly\nx     y\n")
}
