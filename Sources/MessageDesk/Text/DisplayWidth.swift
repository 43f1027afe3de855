/// Terminal column widths of text, so tables line up with Japanese full-width text.
///
/// Widths follow Unicode's East Asian Width (UAX #11) as terminals apply it: one width per
/// grapheme cluster, taken from its first scalar that occupies columns (half-width voicing marks,
/// which terminals draw apart, add theirs). The tables are the main assigned ranges, not the whole
/// data file; unlisted scalars count as one column.
public enum DisplayWidth {
    /// The number of terminal columns `text` occupies.
    public static func of(_ text: String, ambiguousIsWide: Bool = false) -> Int {
        var total = 0
        for character in text {
            total += width(of: character, ambiguousIsWide: ambiguousIsWide)
        }
        return total
    }

    /// `text` padded with spaces to `width` columns (on the left when `alignRight`); text already that wide or wider is returned unchanged.
    public static func padded(
        _ text: String, to width: Int, alignRight: Bool = false, ambiguousIsWide: Bool = false
    ) -> String {
        let missing = width - of(text, ambiguousIsWide: ambiguousIsWide)
        guard missing > 0 else { return text }
        let padding = String(repeating: " ", count: missing)
        return alignRight ? padding + text : text + padding
    }

    /// `text` cut at a grapheme boundary to at most `width` columns, ending in "…" when anything was cut.
    public static func truncated(_ text: String, to width: Int, ambiguousIsWide: Bool = false) -> String {
        guard width > 0 else { return "" }
        if of(text, ambiguousIsWide: ambiguousIsWide) <= width { return text }
        // "…" is itself East Asian Ambiguous, so it costs 2 columns on wide-ambiguous terminals.
        let ellipsis = "…"
        let ellipsisWidth = of(ellipsis, ambiguousIsWide: ambiguousIsWide)
        // When even the ellipsis does not fit, the best we can do is the prefix alone.
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let w = self.width(of: character, ambiguousIsWide: ambiguousIsWide)
            // Stop rather than split: a wide character that would overflow is dropped whole.
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// Width of one grapheme cluster: that of its first scalar that takes columns, plus a column for each
    /// half-width voicing mark after it.
    static func width(of character: Character, ambiguousIsWide: Bool) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if width == 0 {
                width = self.width(of: scalar, ambiguousIsWide: ambiguousIsWide)
            } else if halfwidthVoicingMarks.contains(scalar.value) {
                // ﾞ and ﾟ extend the cluster (ｶﾞ is one Character) but terminals draw them in a column of their own.
                width += 1
            }
        }
        return width
    }

    /// U+FF9E ﾞ and U+FF9F ﾟ: Grapheme_Extend, yet East Asian Halfwidth and spacing (wcwidth 1).
    private static let halfwidthVoicingMarks: ClosedRange<UInt32> = 0xFF9E...0xFF9F

    /// Width of a single scalar in isolation: 0, 1 or 2.
    static func width(of scalar: Unicode.Scalar, ambiguousIsWide: Bool) -> Int {
        let value = scalar.value
        // ASCII printable is by far the common case; skip the tables.
        if value >= 0x20 && value < 0x7F { return 1 }
        // What TerminalText shows as ⟨U+…⟩ draws nothing raw: the two agree on the set.
        if contains(zeroWidth, value) || TerminalText.isHiddenFormat(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        // The stdlib carries Emoji_Presentation; emoji with it render wide (UAX #11 makes them W).
        if contains(wide, value) || scalar.properties.isEmojiPresentation { return 2 }
        if contains(ambiguous, value) { return ambiguousIsWide ? 2 : 1 }
        return 1
    }

    /// Binary search in a sorted, non-overlapping range table.
    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = table[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Scalars that take no columns although they are not marks (controls, joiners, invisible formatting).
    private static let zeroWidth: [ClosedRange<UInt32>] = [
        0x0000...0x001F, 0x007F...0x009F,  // controls: never meant to be printed as such
        0x1160...0x11FF,  // Hangul medial vowels and final consonants join the leading jamo
        0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F,
        0xD7B0...0xD7FF,  // Hangul Jamo Extended-B (medial/final)
        0xFE00...0xFE0F, 0xFEFF...0xFEFF, 0xFFF9...0xFFFB,
        0xE0000...0xE0FFF,  // tags and variation selectors supplement
    ]

    /// East Asian Wide (W) and Fullwidth (F) ranges, emoji aside (those come from Emoji_Presentation).
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo leading consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x3247,  // kana, Bopomofo, Hangul compatibility jamo, Kanbun, strokes, enclosed CJK
        0x3250...0x4DBF,  // enclosed CJK, CJK compatibility, Extension A
        0x4E00...0xA4CF,  // CJK unified ideographs, Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical forms, CJK compatibility and small forms
        0xFF00...0xFF60,  // fullwidth ASCII variants (halfwidth katakana FF61–FF9F stay narrow)
        0xFFE0...0xFFE6,  // fullwidth signs ￠￡￥
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x18CFF,  // Tangut, Khitan
        0x1AFF0...0x1B2FF,  // kana supplements and extensions, Nüshu
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F1E6...0x1F1FF,  // regional indicators: flags render as one wide glyph
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
        0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4,
        0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A,
        0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK Extensions B onwards
    ]

    /// East Asian Ambiguous (A): one column in Western locales, two in legacy CJK ones.
    private static let ambiguous: [ClosedRange<UInt32>] = [
        0x00A1...0x00A1, 0x00A4...0x00A4, 0x00A7...0x00A8, 0x00AA...0x00AA, 0x00AD...0x00AE,
        0x00B0...0x00B4, 0x00B6...0x00BA, 0x00BC...0x00BF, 0x00C6...0x00C6, 0x00D0...0x00D0,
        0x00D7...0x00D8, 0x00DE...0x00E1, 0x00E6...0x00E6, 0x00E8...0x00EA, 0x00EC...0x00ED,
        0x00F0...0x00F0, 0x00F2...0x00F3, 0x00F7...0x00FA, 0x00FC...0x00FC, 0x00FE...0x00FE,
        0x0101...0x0101, 0x0111...0x0111, 0x0113...0x0113, 0x011B...0x011B, 0x0126...0x0127,
        0x012B...0x012B, 0x0131...0x0133, 0x0138...0x0138, 0x013F...0x0142, 0x0144...0x0144,
        0x0148...0x014B, 0x014D...0x014D, 0x0152...0x0153, 0x0166...0x0167, 0x016B...0x016B,
        0x01CE...0x01CE, 0x01D0...0x01D0, 0x01D2...0x01D2, 0x01D4...0x01D4, 0x01D6...0x01D6,
        0x01D8...0x01D8, 0x01DA...0x01DA, 0x01DC...0x01DC, 0x0251...0x0251, 0x0261...0x0261,
        0x02C4...0x02C4, 0x02C7...0x02C7, 0x02C9...0x02CB, 0x02CD...0x02CD, 0x02D0...0x02D0,
        0x02D8...0x02DB, 0x02DD...0x02DD, 0x02DF...0x02DF,
        0x0391...0x03A1, 0x03A3...0x03A9, 0x03B1...0x03C1, 0x03C3...0x03C9,  // Greek
        0x0401...0x0401, 0x0410...0x044F, 0x0451...0x0451,  // Cyrillic
        0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022,
        0x2024...0x2027, 0x2030...0x2030, 0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B,
        0x203E...0x203E, 0x2074...0x2074, 0x207F...0x207F, 0x2081...0x2084, 0x20AC...0x20AC,
        0x2103...0x2103, 0x2105...0x2105, 0x2109...0x2109, 0x2113...0x2113, 0x2116...0x2116,
        0x2121...0x2122, 0x2126...0x2126, 0x212B...0x212B, 0x2153...0x2154, 0x215B...0x215E,
        0x2160...0x216B, 0x2170...0x2179, 0x2189...0x2189, 0x2190...0x2199, 0x21B8...0x21B9,
        0x21D2...0x21D2, 0x21D4...0x21D4, 0x21E7...0x21E7, 0x2200...0x2200, 0x2202...0x2203,
        0x2207...0x2208, 0x220B...0x220B, 0x220F...0x220F, 0x2211...0x2211, 0x2215...0x2215,
        0x221A...0x221A, 0x221D...0x2220, 0x2223...0x2223, 0x2225...0x2225, 0x2227...0x222C,
        0x222E...0x222E, 0x2234...0x2237, 0x223C...0x223D, 0x2248...0x2248, 0x224C...0x224C,
        0x2252...0x2252, 0x2260...0x2261, 0x2264...0x2267, 0x226A...0x226B, 0x226E...0x226F,
        0x2282...0x2283, 0x2286...0x2287, 0x2295...0x2295, 0x2299...0x2299, 0x22A5...0x22A5,
        0x22BF...0x22BF, 0x2312...0x2312,
        0x2460...0x24E9, 0x24EB...0x254B,  // enclosed alphanumerics ①, box drawing
        0x2550...0x2573, 0x2580...0x258F, 0x2592...0x2595, 0x25A0...0x25A1, 0x25A3...0x25A9,
        0x25B2...0x25B3, 0x25B6...0x25B7, 0x25BC...0x25BD, 0x25C0...0x25C1, 0x25C6...0x25C8,
        0x25CB...0x25CB, 0x25CE...0x25D1, 0x25E2...0x25E5, 0x25EF...0x25EF, 0x2605...0x2606,
        0x2609...0x2609, 0x260E...0x260F, 0x261C...0x261C, 0x261E...0x261E, 0x2640...0x2640,
        0x2642...0x2642, 0x2660...0x2661, 0x2663...0x2665, 0x2667...0x266A, 0x266C...0x266D,
        0x266F...0x266F, 0x269E...0x269F, 0x26BF...0x26BF, 0x26C6...0x26CD, 0x26CF...0x26D3,
        0x26D5...0x26E1, 0x26E3...0x26E3, 0x26E8...0x26E9, 0x26EB...0x26F1, 0x26F4...0x26F4,
        0x26F6...0x26F9, 0x26FB...0x26FC, 0x26FE...0x26FF, 0x273D...0x273D, 0x2776...0x277F,
        0x2B56...0x2B59, 0x3248...0x324F,
        0xE000...0xF8FF,  // private use: often CJK vendor glyphs
        0xFFFD...0xFFFD,
        0x1F100...0x1F10A, 0x1F110...0x1F12D, 0x1F130...0x1F169, 0x1F170...0x1F18D,
        0x1F18F...0x1F190, 0x1F19B...0x1F1AC,
        0xF0000...0xFFFFD, 0x100000...0x10FFFD,  // supplementary private use
    ]
}
