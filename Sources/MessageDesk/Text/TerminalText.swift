/// Makes untrusted text (callers' names, messages) safe to print on a terminal.
///
/// Text is stored exactly as given; only its printed form is changed, and visibly, so an operator
/// sees that something odd was there instead of having the screen cleared, a name reordered, or two
/// names that look the same (`山田\u{200B}太郎` and `山田太郎`).
public enum TerminalText {
    /// `text` with every control and every invisible, text-hiding or reordering character made visible.
    ///
    /// C0 controls and DEL become Control Pictures (ESC → ␛); C1 controls and format characters
    /// (zero-width spaces and joiners, soft hyphen, BOM, bidi controls, tag characters…) become `⟨U+`
    /// and the hex code `⟩`. A zero-width joiner that joins two emoji into one (👨‍👩‍👧) is kept. With
    /// `keepNewlines`, LF (and CR LF) stays a newline.
    public static func sanitized(_ text: String, keepNewlines: Bool = false) -> String {
        // Most text has nothing to show: returned as it is.
        if !text.unicodeScalars.contains(where: { needsShowing($0.value) }) { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            index += 1
            if keepNewlines {
                if value == 0x0A {
                    output.append(scalar)
                    continue
                }
                // A CR that only ends a Windows line adds nothing once the LF is kept.
                if value == 0x0D && index < scalars.count && scalars[index].value == 0x0A {
                    continue
                }
            }
            if value < 0x20 {
                // U+2400 + code is the Control Pictures block: ␀ … ␟, one column, never a control.
                output.append(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
            } else if value == 0x7F {
                output.append("\u{2421}")  // ␡
            } else if isHiddenFormat(value) && !joinsEmoji(scalars, at: index - 1) {
                output.append(contentsOf: codePointLabel(value).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether the scalar at `index` is a zero-width joiner that joins two emoji into one picture
    /// (👨‍👩‍👧, 🏳️‍🌈): an emoji follows it, and one precedes it, perhaps with a variation selector or a
    /// skin tone between (the emoji ZWJ sequences of UAX #29, rule GB11). Showing such a joiner would
    /// break every family, flag and profession emoji; any other joiner is shown.
    static func joinsEmoji<Scalars: BidirectionalCollection>(_ scalars: Scalars, at index: Scalars.Index) -> Bool
    where Scalars.Element == Unicode.Scalar {
        guard scalars[index].value == 0x200D else { return false }
        let next = scalars.index(after: index)
        guard next != scalars.endIndex, isPictograph(scalars[next]) else { return false }
        var before = index
        while before != scalars.startIndex {
            before = scalars.index(before: before)
            let scalar = scalars[before]
            if isPictograph(scalar) { return true }
            guard scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isEmojiModifier else { return false }
        }
        return false
    }

    /// An emoji other than the ASCII digits, `#` and `*` (which Unicode also counts as emoji, for keycaps).
    private static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x7F && scalar.properties.isEmoji
    }

    /// True for what `sanitized` does not print as it is.
    private static func needsShowing(_ value: UInt32) -> Bool {
        value < 0x20 || value == 0x7F || isHiddenFormat(value)
    }

    /// True for C1 controls and the characters that can hide, reorder or split text on screen.
    ///
    /// C1 controls include CSI (U+009B), which a terminal may treat like ESC [. Format characters
    /// (general category Cf) draw nothing or act on their neighbours: bidi overrides and isolates can
    /// make "abc" display as "cba" (Trojan Source); zero-width spaces, joiners, the word joiner, the soft
    /// hyphen and U+FEFF are invisible; tag characters spell hidden ASCII. Line/paragraph separators
    /// break lines. Shared with `JSONValue` and `DisplayWidth`, so all three agree on the set.
    static func isHiddenFormat(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x05FF, 0x2070...0xFEFE:
            return false  // Latin, kana, kanji, Hangul, full-width forms: no format character among them
        case 0x80...0x9F,  // C1 controls
            0x2028, 0x2029,  // line and paragraph separators
            0x2060...0x206F,  // word joiner, invisible operators, isolates, deprecated format controls (and the unassigned 2065)
            0xFFF9...0xFFFB,  // interlinear annotation: can hide the annotated text
            0xE0000...0xE007F:  // the tag block, unassigned code points included
            return true
        default:
            return Unicode.Scalar(value)?.properties.generalCategory == .format
        }
    }

    /// "⟨U+202E⟩": at least four upper-case hex digits, like the Unicode charts.
    private static func codePointLabel(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "\u{27E8}U+\(padded)\u{27E9}"
    }
}
