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
                Prints what each check found, and exits non-zero on any problem: 65 when the integrity \
                (CHECK constraints included) or foreign key check fails (restore from a backup), 78 when a \
                newer MessageDesk wrote the database. Nothing is changed: pending migrations are reported, \
                not applied. A file that is not a desk is refused as every command refuses it (66 empty or \
                missing, 65 another program's). The file's mode is reported: other users able to read or \
                change it is worth fixing, but is not a failed check.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let path = try DeskContext.databasePath(global, environment)
            let check = try DeskCheck.run(on: path, busyTimeoutMilliseconds: try DeskContext.busyTimeout(environment))
            let mode = FileMode.of(path)
            if output.json {
                var members: [(String, JSONValue)] = [("database", .string(path))]
                if case .object(let fields) = CheckOutput.json(check) { members += fields }
                members += [("mode", mode.map { .string($0.octal) } ?? .null),
                            ("owner_only", mode.map { .bool($0.isOwnerOnly) } ?? .null)]
                Output.line(JSONValue.object(members).rendered(pretty: true))
            } else {
                Output.print(CheckOutput.lines(check, database: path, mode: mode).map { TerminalText.sanitized($0) + "\n" }.joined())
            }
            if let problem = DeskCheck.problem(check, path: path) { throw problem }
        }
    }
}
