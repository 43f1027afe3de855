import MessageDesk

/// RFC 4180 CSV for spreadsheets: CRLF line ends, quoting only where needed.
enum CSV {
    /// The header record then one record per row, each ending in CRLF.
    static func render(header: [String], rows: [[String]]) -> String {
        var output = ""
        for record in [header] + rows {
            output += record.map(field).joined(separator: ",")
            output += "\r\n"
        }
        return output
    }

    /// One field, formula-guarded and quoted when it holds a quote, comma, CR or LF.
    ///
    /// CSV is often printed to a terminal, so control characters are made visible as everywhere
    /// else (line breaks stay, inside quotes); `--json` is the lossless form.
    static func field(_ value: String) -> String {
        var text = TerminalText.sanitized(value, keepNewlines: true)
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
