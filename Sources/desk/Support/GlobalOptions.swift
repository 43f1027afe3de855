import ArgumentParser

/// Options every command that touches the database takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The desk database (default: $DESK_DB, else $XDG_DATA_HOME/messagedesk/desk.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Who is making the change, for the event log (default: $DESK_USER, else your login).", valueName: "handle"))
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

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together; choose one") }
    }
}
