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
                newer MessageDesk wrote the database or a stored setting is not in force (its default applies; \
                fix it with `desk config set`). Nothing is changed: pending migrations are reported, not \
                applied. A file that is not a desk is refused as every command refuses it (66 empty or \
                missing, 65 another program's). The file's mode is reported: other users able to read or \
                change it is worth fixing, but is not a failed check.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let path = try DeskContext.databasePath(global, environment)
            let busyTimeout = try DeskContext.busyTimeout(environment)
            let check = try DeskCheck.run(on: path, busyTimeoutMilliseconds: busyTimeout)
            let settings = check.isUsable ? try DeskCheck.settingProblems(on: path, busyTimeoutMilliseconds: busyTimeout) : []
            let mode = FileMode.of(path)
            if output.json {
                var members: [(String, JSONValue)] = [("database", .string(path))]
                if case .object(let fields) = CheckOutput.json(check) { members += fields }
                members += [("mode", mode.map { .string($0.octal) } ?? .null),
                            ("owner_only", mode.map { .bool($0.isOwnerOnly) } ?? .null),
                            ("shared_group", mode?.sharedGroup.map(JSONValue.string) ?? .null),
                            ("settings_not_in_force", .array(settings.map { .string($0.message) }))]
                Output.line(JSONValue.object(members).rendered(pretty: true))
            } else {
                var lines = CheckOutput.lines(check, database: path, mode: mode)
                if check.isUsable {
                    lines.append("settings:      " + (settings.isEmpty ? "ok" : "\(settings.flatMap(\.settings).count) not in force"))
                    lines += settings.map { "  " + $0.message }
                }
                Output.print(lines.map { TerminalText.sanitized($0) + "\n" }.joined())
            }
            if let problem = DeskCheck.problem(check, path: path) { throw problem }
            let count = settings.flatMap(\.settings).count
            if count > 0 {
                throw DeskError(.configuration,
                    "\(count) stored setting\(count == 1 ? " is" : "s are") not in force (listed above); fix \(count == 1 ? "it" : "them") with `desk config set`")
            }
        }
    }
}
