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

    /// A column's header and alignment, and whether it is cut to make the table fit.
    struct Column: Sendable {
        var header: String
        var alignment: Alignment
        /// A long column (message, company, names, notes) that is cut with "…" so that no row wraps.
        var shrinks: Bool

        init(_ header: String, alignment: Alignment = .left, shrinks: Bool = false) {
            self.header = header
            self.alignment = alignment
            self.shrinks = shrinks
        }
    }

    /// The headers of the long columns of desk's tables: cut first when a table does not fit.
    static let longColumns: Set<String> = [
        "CALLER", "COMPANY", "MESSAGE", "NAME", "NOTE", "CHANGE", "REASON", "WHY", "GREETING", "PRESENCE",
    ]

    /// Columns with these headers, left-aligned but for `right`, the long ones shrinking.
    static func columns(_ headers: [String], right: Set<String> = []) -> [Column] {
        headers.map { Column($0, alignment: right.contains($0) ? .right : .left, shrinks: longColumns.contains($0)) }
    }

    var columns: [Column]
    /// Rows of cells; missing cells print as empty, cells beyond the columns are ignored.
    var rows: [[String]]

    init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Header line then one line per row, each ending in "\n".
    ///
    /// With a `width` (the terminal's), the long columns are cut with "…" until every row fits in it, widest first,
    /// never below their header. Without one (`--wide`, a pipe or a file), every cell is whole.
    func rendered(ambiguousIsWide: Bool = false, width: Int? = nil) -> String {
        let lines = [columns.map(\.header)] + rows
        var cells: [[String]] = lines.map { line in
            columns.indices.map { index in TerminalText.sanitized(index < line.count ? line[index] : "") }
        }
        var widths = columns.indices.map { index in
            cells.map { DisplayWidth.of($0[index], ambiguousIsWide: ambiguousIsWide) }.max() ?? 0
        }
        if let width {
            fit(&widths, in: width, ambiguousIsWide: ambiguousIsWide)
            for row in cells.indices {
                for index in columns.indices where DisplayWidth.of(cells[row][index], ambiguousIsWide: ambiguousIsWide) > widths[index] {
                    cells[row][index] = DisplayWidth.truncated(cells[row][index], to: widths[index], ambiguousIsWide: ambiguousIsWide)
                }
            }
            // A cut wide character can leave a column narrower than its limit: measure again.
            widths = columns.indices.map { index in
                cells.map { DisplayWidth.of($0[index], ambiguousIsWide: ambiguousIsWide) }.max() ?? 0
            }
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

    /// Narrows the shrinking columns, the widest first, one column at a time, until a row of `widths` (with two
    /// spaces between columns) fits in `limit`, or every shrinking column is down to its header's width (at
    /// least 2, a character and "…"). A table with no long column to cut is left as it is.
    private func fit(_ widths: inout [Int], in limit: Int, ambiguousIsWide: Bool) {
        let floors = columns.map { max(DisplayWidth.of($0.header, ambiguousIsWide: ambiguousIsWide), 2) }
        var total = widths.reduce(0, +) + 2 * max(columns.count - 1, 0)
        while total > limit {
            let candidates = columns.indices.filter { columns[$0].shrinks && widths[$0] > floors[$0] }
            guard let widest = candidates.max(by: { (widths[$0], $1) < (widths[$1], $0) }) else { return }
            widths[widest] -= 1
            total -= 1
        }
    }
}
