import MessageDesk

/// A plain-text table aligned by terminal display width, so Japanese full-width names line up.
///
/// Every cell is sanitized first: caller text with ESC or newlines can neither inject
/// terminal sequences nor break the alignment. Colour is the caller's concern.
struct TextTable {
    /// Which side of its column a cell hugs.
    enum Alignment: Sendable {
        case left, right
    }

    /// A column's header and alignment.
    struct Column: Sendable {
        var header: String
        var alignment: Alignment

        init(_ header: String, alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    var columns: [Column]
    /// Rows of cells; missing cells print as empty, cells beyond the columns are ignored.
    var rows: [[String]]

    init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Header line then one line per row, each ending in "\n"; `maxWidths[i]` truncates column `i` with "…".
    func rendered(ambiguousIsWide: Bool = false, maxWidths: [Int?]? = nil) -> String {
        let lines = [columns.map(\.header)] + rows
        let cells: [[String]] = lines.map { line in
            columns.indices.map { index in
                let raw = index < line.count ? line[index] : ""
                var cell = TerminalText.sanitized(raw)
                if let maxWidths, index < maxWidths.count, let limit = maxWidths[index] {
                    cell = DisplayWidth.truncated(cell, to: limit, ambiguousIsWide: ambiguousIsWide)
                }
                return cell
            }
        }
        let widths = columns.indices.map { index in
            cells.map { DisplayWidth.of($0[index], ambiguousIsWide: ambiguousIsWide) }.max() ?? 0
        }
        var output = ""
        for line in cells {
            let padded = columns.indices.map { index in
                DisplayWidth.padded(
                    line[index], to: widths[index],
                    alignRight: columns[index].alignment == .right,
                    ambiguousIsWide: ambiguousIsWide)
            }
            var text = padded.joined(separator: "  ")
            // Trailing blanks from a padded last column only cause diff noise and wrapped lines.
            while text.last == " " { text.removeLast() }
            output += text + "\n"
        }
        return output
    }
}
