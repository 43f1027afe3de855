/// Terminal column widths of text, so tables line up with Japanese full-width text.
///
/// Widths follow Unicode's East Asian Width (UAX #11) as terminals apply it: one width per
/// grapheme cluster, taken from its first scalar that occupies columns (half-width voicing marks,
/// which terminals draw apart, add theirs). The tables are generated from the whole data files
/// (Scripts/generate-display-width.py); Ambiguous scalars take one column unless told otherwise.
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

    /// Width of a single scalar in isolation: 0, 1 or 2, from the tables that Scripts/generate-display-width.py
    /// makes out of Unicode's EastAsianWidth.txt and UnicodeData.txt (DisplayWidth+Tables.swift).
    static func width(of scalar: Unicode.Scalar, ambiguousIsWide: Bool) -> Int {
        let value = scalar.value
        // ASCII printable is by far the common case; skip the tables.
        if value >= 0x20 && value < 0x7F { return 1 }
        // What TerminalText shows as ⟨U+…⟩ draws nothing raw: the two agree on the set.
        if contains(zeroWidthScalars, value) || TerminalText.isHiddenFormat(value) { return 0 }
        if contains(wideScalars, value) { return 2 }
        if contains(ambiguousScalars, value) { return ambiguousIsWide ? 2 : 1 }
        return 1
    }

    /// Binary search in a sorted table of inclusive bounds (first, last, first, last, …) that do not overlap.
    private static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < table[2 * mid] {
                high = mid - 1
            } else if value > table[2 * mid + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
