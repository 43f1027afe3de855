import Foundation

/// What the terminal on stdout can show.
struct Terminal {
    /// Colour only on a terminal, never with `NO_COLOR` set (https://no-color.org) or `TERM=dumb`.
    let colour: Bool
    /// East Asian Ambiguous characters (①※…) take two columns: `DESK_AMBIGUOUS_WIDTH=2`, for
    /// terminals set up for CJK. Most terminals draw them narrow, which is the default.
    let ambiguousIsWide: Bool

    init(environment: [String: String]) {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        colour = isatty(STDOUT_FILENO) == 1 && !noColour
        ambiguousIsWide = environment["DESK_AMBIGUOUS_WIDTH"] == "2"
    }

    /// `text` in a colour (SGR code), when colour is on.
    func paint(_ text: String, _ sgr: String) -> String {
        colour ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
    }
}
