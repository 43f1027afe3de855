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
    /// Text is not otherwise sanitized: CSV is data, and the caller's words are kept as given.
    static func field(_ value: String) -> String {
        var text = value
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
