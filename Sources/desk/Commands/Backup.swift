import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk backup DEST`: a checked copy of the live database, made while others keep writing.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the live database to DEST while others keep writing; check the copy, then put it in place.",
            discussion: """
                The copy is written to a hidden temporary file beside DEST (mode 0600), flushed to the disk, \
                checked (integrity_check, foreign_key_check), and only then renamed to DEST; the directory is \
                flushed too. A failed backup leaves DEST as it was. The live database is never migrated or \
                changed. Prints the size, the time taken and the check.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The backup file to write; its directory must exist.", valueName: "dest"))
        var destination: String
        @Flag(help: "Replace DEST when it exists (never the live database).") var overwrite = false

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let report = try DeskBackup.make(
                of: try DeskContext.databasePath(global, environment), to: destination, replacing: overwrite,
                busyTimeoutMilliseconds: try DeskContext.busyTimeout(environment), clock: ContinuousClock())
            SavedChanges.record(.backup(destination: report.destination))
            if output.json {
                Output.line(JSONValue.object([
                    ("source", .string(report.source)), ("destination", .string(report.destination)),
                    ("bytes", .int(Int(report.bytes))), ("duration_ms", .int(report.duration.wholeMilliseconds)),
                    ("check", CheckOutput.json(report.check)),
                ]).rendered(pretty: true))
            } else {
                Output.line(TerminalText.sanitized(
                    "backed up \(report.source) to \(report.destination): \(report.bytes) bytes in \(report.duration.wholeMilliseconds) ms; \(CheckOutput.summary(report.check))"))
            }
        }
    }
}
