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

// MARK: - Invisible characters

@Test func invisibleCharactersInANameAreShown() {
    #expect(TerminalText.sanitized("山田\u{200B}太郎") == "山田⟨U+200B⟩太郎")
    #expect(TerminalText.sanitized("山田\u{200C}太郎\u{200D}様") == "山田⟨U+200C⟩太郎⟨U+200D⟩様")
    #expect(TerminalText.sanitized("田中\u{2060}一郎\u{00AD}") == "田中⟨U+2060⟩一郎⟨U+00AD⟩")
    #expect(TerminalText.sanitized("\u{FEFF}請求\u{202A}x\u{202C}\u{2067}y\u{2069}")
        == "⟨U+FEFF⟩請求⟨U+202A⟩x⟨U+202C⟩⟨U+2067⟩y⟨U+2069⟩")
}

/// Tag characters spell hidden ASCII ("ASCII smuggling"); each is shown, with five hex digits.
@Test func tagCharactersAreShown() {
    let smuggled = "OK" + String(String.UnicodeScalarView("pay".unicodeScalars.compactMap { Unicode.Scalar($0.value + 0xE0000) }))
    #expect(TerminalText.sanitized(smuggled) == "OK⟨U+E0070⟩⟨U+E0061⟩⟨U+E0079⟩")
    #expect(TerminalText.sanitized("\u{E0001}\u{E007F}\u{E0000}") == "⟨U+E0001⟩⟨U+E007F⟩⟨U+E0000⟩")
    // Even in the three flags that use them: a tag sequence can carry any text.
    #expect(TerminalText.sanitized("🏴\u{E0067}\u{E0062}\u{E007F}") == "🏴⟨U+E0067⟩⟨U+E0062⟩⟨U+E007F⟩")
}

@Test func everyFormatCharacterIsShown() {
    var formats: [Unicode.Scalar] = []
    // Format characters live in planes 0, 1 and 14 only (UnicodeData.txt); scanning just those keeps the test fast.
    for value in Array(UInt32(0)...0x1FFFF) + Array(UInt32(0xE0000)...0xEFFFF) {
        if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .format { formats.append(scalar) }
    }
    #expect(formats.count > 150)
    for scalar in formats {
        let shown = TerminalText.sanitized("a\(scalar)b")
        #expect(!shown.unicodeScalars.contains { $0.properties.generalCategory == .format },
                "U+\(String(scalar.value, radix: 16, uppercase: true)) passed through")
        #expect(shown.hasPrefix("a⟨U+") && shown.hasSuffix("⟩b"))
    }
}

/// The one judgement call: a ZWJ that joins two emoji into one picture (👨‍👩‍👧, 🏳️‍🌈) is kept, because
/// showing it would break every such emoji; a ZWJ anywhere else is shown.
@Test func aJoinerIsKeptOnlyBetweenEmoji() {
    for emoji in ["👨‍👩‍👧", "🏳️‍🌈", "👩🏽‍💻", "❤️‍🔥"] {
        #expect(TerminalText.sanitized(emoji).unicodeScalars.elementsEqual(emoji.unicodeScalars), "\(emoji)")
    }
    #expect(TerminalText.sanitized("👨\u{200D}山") == "👨⟨U+200D⟩山")
    #expect(TerminalText.sanitized("山\u{200D}👨") == "山⟨U+200D⟩👨")
    #expect(TerminalText.sanitized("a\u{200D}\u{301}") == "a⟨U+200D⟩\u{301}")
    #expect(TerminalText.sanitized("👨\u{200D}") == "👨⟨U+200D⟩")
    #expect(TerminalText.sanitized("\u{200D}") == "⟨U+200D⟩")
}

/// Variation selectors are marks, not format characters: an ideographic variant in a name (葛󠄀) and
/// emoji presentation (❤️) stay as typed.
@Test func variationSelectorsAreKept() {
    for text in ["葛\u{E0100}城", "❤\u{FE0F}", "辻\u{FE00}"] {
        #expect(TerminalText.sanitized(text).unicodeScalars.elementsEqual(text.unicodeScalars))
    }
}
