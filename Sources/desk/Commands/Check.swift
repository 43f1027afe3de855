import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk check`: is the database intact, and can this desk use it?
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database: SQLite's integrity and foreign key checks, and its schema version.",
            discussion: """
                Prints what each check found, and exits non-zero on any problem: 65 when the integrity or \
                foreign key check fails (restore from a backup), 78 when a newer MessageDesk wrote the \
                database. Nothing is changed: pending migrations are reported, not applied.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let path = try DeskContext.databasePath(global, environment)
            let check = try DeskCheck.run(on: path, busyTimeoutMilliseconds: try DeskContext.busyTimeout(environment))
            if output.json {
                var members: [(String, JSONValue)] = [("database", .string(path))]
                if case .object(let fields) = CheckOutput.json(check) { members += fields }
                Output.line(JSONValue.object(members).rendered(pretty: true))
            } else {
                Output.print(CheckOutput.lines(check, database: path).map { TerminalText.sanitized($0) + "\n" }.joined())
            }
            if let problem = DeskCheck.problem(check, path: path) { throw problem }
        }
    }
}
