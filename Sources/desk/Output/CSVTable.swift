import MessageDesk

/// RFC 4180 CSV for spreadsheets: CRLF line ends, quoting only where needed.
enum CSV {
    /// The header record then one record per row, each ending in CRLF; after a UTF-8 byte order mark when
    /// asked (Excel reads CSV without one in the PC's code page: Shift_JIS on a Japanese PC).
    static func render(header: [String], rows: [[String]], byteOrderMark: Bool = false, toTerminal: Bool) -> String {
        var output = byteOrderMark ? "\u{FEFF}" : ""
        for record in [header] + rows {
            output += record.map { field($0, toTerminal: toTerminal) }.joined(separator: ",")
            output += "\r\n"
        }
        return output
    }

    /// One field, formula-guarded and quoted when it holds a quote, comma, CR or LF.
    ///
    /// To a file or a pipe the text is the caller's, as given (TAB, ESC and all): a spreadsheet or a
    /// script reads it. On a terminal, control characters are made visible as everywhere else (line
    /// breaks stay, inside quotes).
    static func field(_ value: String, toTerminal: Bool) -> String {
        var text = toTerminal ? TerminalText.sanitized(value, keepNewlines: true) : value
        // Spreadsheets (Excel, LibreOffice, Sheets) run a cell starting with = + - @ (or a TAB/CR
        // before them) as a formula, so a caller's "message" could run =HYPERLINK(...) or DDE
        // commands on the office PC that opens the export. A leading ' makes it plain text (OWASP).
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { "\",\r\n".unicodeScalars.contains($0) }
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
