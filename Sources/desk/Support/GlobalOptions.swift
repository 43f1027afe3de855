import ArgumentParser
import Foundation

/// Options every command that touches the database takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The desk database (default: $DESK_DB, else $XDG_DATA_HOME/messagedesk/desk.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Who is making the change, for the event log (default: $DESK_USER, else your login).", valueName: "handle"),
        completion: DeskCompletion.staffHandles)
    var actor: String?
}

/// How a command prints: a table for people, or JSON / CSV for scripts.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (stable snake_case fields, ISO-8601 times with offset).")
    var json = false
}

/// Output options of lists, which also offer CSV.
struct ListOutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (stable snake_case fields, ISO-8601 times with offset).")
    var json = false

    @Flag(help: "Print CSV for a spreadsheet.")
    var csv = false

    @Flag(help: "Begin the CSV with a UTF-8 byte order mark, so Excel reads it as UTF-8 (default when $DESK_CSV_BOM=1).")
    var bom = false

    @Flag(help: "Show long columns whole in the table; by default they are cut with … to fit the terminal ($COLUMNS).")
    var wide = false

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together; choose one") }
        if bom && !csv { throw ValidationError("--bom only applies to CSV; add --csv") }
    }

    /// The CSV of these rows, with a BOM when `--bom` or `$DESK_CSV_BOM=1` asks, shown harmlessly when
    /// standard output is a terminal and carried as given to a file or a pipe.
    func csvDocument(header: [String], rows: [[String]]) -> String {
        let byteOrderMark = bom || ProcessInfo.processInfo.environment["DESK_CSV_BOM"] == "1"
        return CSV.render(header: header, rows: rows, byteOrderMark: byteOrderMark, toTerminal: isatty(STDOUT_FILENO) == 1)
    }
}
