import Testing
@testable import MessageDesk

@Test func kanjiNamesAreTwoColumnsPerCharacter() {
    #expect(DisplayWidth.of("山田太郎") == 8)
}

@Test func fullwidthLatinAndKanjiAreTwoColumnsEach() {
    #expect(DisplayWidth.of("ＡＢＣ商事") == 10)
}

/// Swift joins ｶ and the half-width voicing mark ﾞ into one Character (ﾞ and ﾟ are Grapheme_Extend),
/// but terminals draw each in its own column (wcwidth 1): ｶﾞ takes two.
@Test func halfwidthVoicingMarksTakeTheirOwnColumn() {
    #expect(DisplayWidth.of("ｶﾞｲｼｬ") == 5)
    #expect(DisplayWidth.of("ﾊﾟﾝ") == 3)
    #expect(DisplayWidth.of("ﾞ") == 1)
    #expect(DisplayWidth.padded("ｶﾞ", to: 4) == "ｶﾞ  ")
    // A cut never separates the mark from its kana: at 3 columns ｶﾞ (2) and … fit, ｶﾞｲ (3) would not.
    #expect(DisplayWidth.truncated("ｶﾞｲｼｬ", to: 3) == "ｶﾞ…")
}

@Test func halfwidthKatakanaIsOneColumn() {
    #expect(DisplayWidth.of("ｶﾅ") == 2)
}

@Test func kanaAndHangulAreWide() {
    #expect(DisplayWidth.of("ひらがなカタカナ") == 16)
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.of("「、。」") == 8)
}

@Test func ambiguousCharactersFollowTheTerminalSetting() {
    #expect(DisplayWidth.of("①※…") == 3)
    #expect(DisplayWidth.of("①※…", ambiguousIsWide: true) == 6)
    #expect(DisplayWidth.of("○■§αЖ") == 5)
    #expect(DisplayWidth.of("○■§αЖ", ambiguousIsWide: true) == 10)
}

@Test func asciiIsOneColumnAndUnaffectedByAmbiguousSetting() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("abc", ambiguousIsWide: true) == 3)
    #expect(DisplayWidth.of("") == 0)
}

@Test func combiningMarksAddNoWidthComposedOrNot() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("\u{E9}") == 1)
    #expect(DisplayWidth.of("か\u{3099}") == 2)
}

@Test func emojiSequencesAreOneWideCluster() {
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("🇯🇵") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)
}

@Test func zeroWidthCharactersTakeNoColumns() {
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
    #expect(DisplayWidth.of("\u{FE0F}") == 0)
}

@Test func paddingFillsByDisplayWidth() {
    #expect(DisplayWidth.padded("山田", to: 6) == "山田  ")
    #expect(DisplayWidth.padded("山田", to: 6, alignRight: true) == "  山田")
    #expect(DisplayWidth.padded("①", to: 3) == "①  ")
    #expect(DisplayWidth.padded("①", to: 3, ambiguousIsWide: true) == "① ")
}

@Test func paddingNeverCutsTextAlreadyWideEnough() {
    #expect(DisplayWidth.padded("山田太郎", to: 4) == "山田太郎")
    #expect(DisplayWidth.padded("abc", to: 3) == "abc")
}

@Test func truncationKeepsTextThatFits() {
    #expect(DisplayWidth.truncated("山田太郎", to: 8) == "山田太郎")
    #expect(DisplayWidth.truncated("abc", to: 10) == "abc")
}

@Test func truncationEndsWithEllipsis() {
    #expect(DisplayWidth.truncated("abcdef", to: 4) == "abc…")
    #expect(DisplayWidth.truncated("山田太郎", to: 7) == "山田太…")
    #expect(DisplayWidth.truncated("ＡＢＣ商事", to: 5) == "ＡＢ…")
}

@Test func truncationNeverSplitsAWideCharacter() {
    // 山田太 + … would be 7 columns, so 太 is dropped whole and the result is narrower.
    let cut = DisplayWidth.truncated("山田太郎", to: 6)
    #expect(cut == "山田…")
    #expect(DisplayWidth.of(cut) == 5)
}

@Test func truncationCountsAWideEllipsisOnAmbiguousWideTerminals() {
    #expect(DisplayWidth.truncated("山田太郎", to: 6, ambiguousIsWide: true) == "山田…")
    #expect(DisplayWidth.truncated("abcdef", to: 4, ambiguousIsWide: true) == "ab…")
    #expect(DisplayWidth.truncated("abc", to: 1, ambiguousIsWide: true) == "a")
}

@Test func truncationKeepsGraphemeClustersWhole() {
    #expect(DisplayWidth.truncated("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
    #expect(DisplayWidth.truncated("👨‍👩‍👧👨‍👩‍👧", to: 3) == "👨‍👩‍👧…")
}

@Test func truncationToTinyWidths() {
    #expect(DisplayWidth.truncated("山田", to: 1) == "…")
    #expect(DisplayWidth.truncated("山田", to: 0) == "")
    #expect(DisplayWidth.truncated("山田", to: -3) == "")
}

/// What TerminalText shows as ⟨U+…⟩ takes no columns raw (the terminal would draw nothing), and its
/// shown form is measured like any text: both sides agree on what is there.
@Test func hiddenCharactersTakeNoColumnsRawAndTheirLabelsAreMeasured() {
    for value: UInt32 in [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x202E, 0x2066, 0xE0001, 0xE0041, 0x180E, 0x110BD] {
        guard let scalar = Unicode.Scalar(value) else { continue }
        #expect(DisplayWidth.of("山\(scalar)田") == 4, "U+\(String(value, radix: 16))")
        let label = TerminalText.sanitized(String(scalar))
        #expect(DisplayWidth.of(TerminalText.sanitized("山\(scalar)田")) == 4 + label.unicodeScalars.count)
    }
    #expect(DisplayWidth.of(TerminalText.sanitized("山田\u{200B}太郎")) == 16)
    #expect(DisplayWidth.of(TerminalText.sanitized("a\u{E0041}")) == 10)
}
