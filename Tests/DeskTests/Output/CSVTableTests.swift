import Testing
@testable import desk

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

@Test func csvKeepsWideAndHalfwidthTextAsItIs() {
    // No padding, no width games: a spreadsheet aligns its own columns.
    #expect(CSV.render(header: ["会社", "カナ"], rows: [["ＡＢＣ商事", "ｶﾌﾞｼｷｶﾞｲｼｬ"], ["①※…", ""]])
            == "会社,カナ\r\nＡＢＣ商事,ｶﾌﾞｼｷｶﾞｲｼｬ\r\n①※…,\r\n")
}

@Test func csvShowsHiddenCharactersAndQuotesACommaAfterThem() {
    #expect(CSV.field("山田\u{200B}太郎") == "山田⟨U+200B⟩太郎")
    #expect(CSV.field("\u{9B}x,y") == "\"⟨U+009B⟩x,y\"")
    #expect(CSV.field("a\u{7F}") == "a␡")
}
