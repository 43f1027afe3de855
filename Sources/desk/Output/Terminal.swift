import Foundation

/// What the terminal on stdout can show.
struct Terminal {
    /// Colour only on a terminal, never with `NO_COLOR` set (https://no-color.org) or `TERM=dumb`.
    let colour: Bool
    /// East Asian Ambiguous characters (①※…) take two columns: `DESK_AMBIGUOUS_WIDTH=2`, for
    /// terminals set up for CJK. Most terminals draw them narrow, which is the default.
    let ambiguousIsWide: Bool

    /// The columns a table must fit in so that no row wraps: `COLUMNS` when set (also on a pipe, so that
    /// `COLUMNS=120 desk callbacks | less` fits 120), else the terminal's width on stdout; nil on a pipe or a file,
    /// where rows are whole.
    let width: Int?

    init(environment: [String: String]) {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        colour = isatty(STDOUT_FILENO) == 1 && !noColour
        ambiguousIsWide = environment["DESK_AMBIGUOUS_WIDTH"] == "2"
        width = Self.width(environment: environment)
    }

    private static func width(environment: [String: String]) -> Int? {
        if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
            return columns
        }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The width a table of a command with `--wide` is fitted to: none when `wide`.
    func tableWidth(wide: Bool) -> Int? {
        wide ? nil : width
    }

    /// `text` in a colour (SGR code), when colour is on.
    func paint(_ text: String, _ sgr: String) -> String {
        colour ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
    }
}
