import Testing
@testable import MessageDesk

@Test func escapeSequencesBecomeVisible() {
    #expect(TerminalText.sanitized("\u{1B}[2J") == "␛[2J")
}

@Test func carriageReturnCannotOverwriteTheLine() {
    #expect(TerminalText.sanitized("a\rb") == "a␍b")
    #expect(TerminalText.sanitized("a\rb", keepNewlines: true) == "a␍b")
}

@Test func c0ControlsBecomeControlPictures() {
    #expect(TerminalText.sanitized("\u{0}\u{7}\u{8}\t") == "␀␇␈␉")
    #expect(TerminalText.sanitized("\u{1F}") == "␟")
    #expect(TerminalText.sanitized("\u{7F}") == "␡")
}

@Test func c1ControlsAreShownAsCodePoints() {
    #expect(TerminalText.sanitized("\u{9B}31m") == "⟨U+009B⟩31m")
    #expect(TerminalText.sanitized("\u{85}") == "⟨U+0085⟩")
}

@Test func bidiControlsCannotReorderText() {
    #expect(TerminalText.sanitized("\u{202E}abc") == "⟨U+202E⟩abc")
    #expect(TerminalText.sanitized("\u{2066}x\u{2069}\u{200F}\u{61C}")
        == "⟨U+2066⟩x⟨U+2069⟩⟨U+200F⟩⟨U+061C⟩")
}

@Test func invisibleSeparatorsAreShownAsCodePoints() {
    #expect(TerminalText.sanitized("a\u{2028}b\u{2029}c\u{FEFF}") == "a⟨U+2028⟩b⟨U+2029⟩c⟨U+FEFF⟩")
}

@Test func newlinesArePicturesUnlessKept() {
    #expect(TerminalText.sanitized("山田\n太郎") == "山田␊太郎")
    #expect(TerminalText.sanitized("山田\n太郎", keepNewlines: true) == "山田\n太郎")
}

@Test func keptNewlinesFoldCRLFIntoOneNewline() {
    #expect(TerminalText.sanitized("a\r\nb", keepNewlines: true) == "a\nb")
    #expect(TerminalText.sanitized("a\r\nb") == "a␍␊b")
}

@Test func japaneseAndEmojiAreKeptAsIs() {
    let text = "山田太郎 ＡＢＣ商事 ｶﾅ ①※… 👨‍👩‍👧 é"
    #expect(TerminalText.sanitized(text).unicodeScalars.elementsEqual(text.unicodeScalars))
}

@Test func noControlSurvivesSanitizing() {
    let all = String(String.UnicodeScalarView((0...0x9F).compactMap { Unicode.Scalar(UInt32($0)) }))
    #expect(all.unicodeScalars.count == 0xA0)
    let isControl: (Unicode.Scalar) -> Bool = { $0.value <= 0x1F || (0x7F...0x9F).contains($0.value) }
    #expect(!TerminalText.sanitized(all).unicodeScalars.contains(where: isControl))
    let kept = TerminalText.sanitized(all, keepNewlines: true).unicodeScalars
    #expect(kept.filter(isControl).map(\.value) == [0x0A])
}
