import Testing
@testable import desk

@Test func csvUsesCRLFAndQuotesOnlyWhenNeeded() {
    let csv = CSV.render(
        header: ["name", "note"],
        rows: [["山田太郎", #"say "hi", ok"#], ["a", "line1\r\nline2"], ["b", "lf\nonly"], ["", "plain"]], toTerminal: true)
    // On a terminal a CR LF inside a field is shown as one line break (LF); CR alone would move the cursor.
    #expect(csv == "name,note\r\n山田太郎,\"say \"\"hi\"\", ok\"\r\na,\"line1\nline2\"\r\nb,\"lf\nonly\"\r\n,plain\r\n")
    // To a file, the field is the text as given.
    #expect(CSV.render(header: ["h"], rows: [["line1\r\nline2"]], toTerminal: false) == "h\r\n\"line1\r\nline2\"\r\n")
}

@Test func csvStartsWithAByteOrderMarkWhenAsked() {
    #expect(Array(CSV.render(header: ["h"], rows: [["山田"]], byteOrderMark: true, toTerminal: false).utf8)
            == [0xEF, 0xBB, 0xBF] + Array("h\r\n山田\r\n".utf8))
}

@Test func csvGuardsAgainstFormulaInjection() {
    let rows = [["=1+2"], ["+x"], ["-5"], ["@SUM(A1)"], ["\tTab"], ["\rX"], ["a=b"]]
    // To a file, a leading TAB or CR is guarded like = + - @ (and a CR is quoted).
    #expect(CSV.render(header: ["h"], rows: rows, toTerminal: false)
            == "h\r\n'=1+2\r\n'+x\r\n'-5\r\n'@SUM(A1)\r\n'\tTab\r\n\"'\rX\"\r\na=b\r\n")
    // On a terminal, TAB and CR are shown as ␉ and ␍, which no spreadsheet reads as the start of a formula.
    #expect(CSV.render(header: ["h"], rows: rows, toTerminal: true) == "h\r\n'=1+2\r\n'+x\r\n'-5\r\n'@SUM(A1)\r\n␉Tab\r\n␍X\r\na=b\r\n")
}

@Test func csvShowsControlCharactersHarmlessly() {
    #expect(CSV.render(header: ["h"], rows: [["\u{1B}[2J 山田"]], toTerminal: true) == "h\r\n␛[2J 山田\r\n")
}

@Test func csvKeepsWideAndHalfwidthTextAsItIs() {
    // No padding, no width games: a spreadsheet aligns its own columns.
    #expect(CSV.render(header: ["会社", "カナ"], rows: [["ＡＢＣ商事", "ｶﾌﾞｼｷｶﾞｲｼｬ"], ["①※…", ""]], toTerminal: false)
            == "会社,カナ\r\nＡＢＣ商事,ｶﾌﾞｼｷｶﾞｲｼｬ\r\n①※…,\r\n")
}

@Test func csvShowsHiddenCharactersAndQuotesACommaAfterThem() {
    #expect(CSV.field("山田\u{200B}太郎", toTerminal: true) == "山田⟨U+200B⟩太郎")
    #expect(CSV.field("\u{9B}x,y", toTerminal: true) == "\"⟨U+009B⟩x,y\"")
    #expect(CSV.field("a\u{7F}", toTerminal: true) == "a␡")
}
