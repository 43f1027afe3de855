/// Makes untrusted text (callers' names, messages) safe to print on a terminal.
///
/// Text is stored exactly as given; only its printed form is changed, and visibly, so an operator
/// sees that something odd was there instead of having the screen cleared or a name reordered.
public enum TerminalText {
    /// `text` with every control and every text-hiding or reordering format character made visible.
    ///
    /// C0 controls and DEL become Control Pictures (ESC → ␛); C1 controls and bidi/format
    /// characters become `⟨U+` and the hex code `⟩`. With `keepNewlines`, LF (and CR LF) stays a newline.
    public static func sanitized(_ text: String, keepNewlines: Bool = false) -> String {
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
                output.append(Unicode.Scalar(0x2400 + value)!)
            } else if value == 0x7F {
                output.append("\u{2421}")  // ␡
            } else if isHiddenFormat(value) {
                output.append(contentsOf: codePointLabel(value).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// True for C1 controls and format characters that can hide, reorder or split text on screen.
    ///
    /// C1 controls include CSI (U+009B), which a terminal may treat like ESC [. Bidi overrides
    /// and isolates can make "abc" display as "cba" (Trojan Source); line/paragraph separators
    /// break lines; U+FEFF and the interlinear annotation marks are invisible.
    /// Shared with `JSONValue` so both outputs escape the same set.
    static func isHiddenFormat(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0x9F,  // C1 controls
            0x061C,  // Arabic letter mark
            0x200E, 0x200F,  // LRM, RLM
            0x2028, 0x2029,  // line and paragraph separators
            0x202A...0x202E,  // embeddings and overrides
            0x2066...0x2069,  // isolates
            0x206A...0x206F,  // deprecated shaping/digit format controls
            0xFEFF,  // zero-width no-break space / BOM
            0xFFF9...0xFFFB:  // interlinear annotation: can hide the annotated text
            return true
        default:
            return false
        }
    }

    /// "⟨U+202E⟩": at least four upper-case hex digits, like the Unicode charts.
    private static func codePointLabel(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "\u{27E8}U+\(padded)\u{27E9}"
    }
}
