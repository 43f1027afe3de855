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
                Something that is not a desk (an empty file, another program's database) is not backed up. \
                Unless --allow-shrink, a copy with fewer events than the backup it replaces or than \
                --previous, or less than half its size, fails (65): the database lost data or was replaced. \
                Temporary files that killed backups left beside DEST are removed first.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The backup file to write; its directory must exist.", valueName: "dest"))
        var destination: String
        @Flag(help: "Replace DEST when it exists (never the live database).") var overwrite = false
        @Option(help: ArgumentHelp("An earlier backup the copy must not have fewer events than, nor less than half the size of.", valueName: "backup"))
        var previous: String?
        @Flag(help: "Accept a copy with fewer events or less than half the size of the previous backup (after a restore).")
        var allowShrink = false

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let source = try DeskContext.databasePath(global, environment)
            let report = try DeskBackup.make(
                of: source, to: destination, replacing: overwrite, previous: previous, allowingShrink: allowShrink,
                busyTimeoutMilliseconds: try DeskContext.busyTimeout(environment), clock: ContinuousClock())
            SavedChanges.record(.backup(destination: report.destination))
            DeskContext.warnAboutMode(of: source)
            if output.json {
                Output.line(JSONValue.object([
                    ("source", .string(report.source)), ("destination", .string(report.destination)),
                    ("bytes", .int(Int(report.bytes))), ("duration_ms", .int(report.duration.wholeMilliseconds)),
                    ("check", CheckOutput.json(report.check)),
                    ("removed_temporary_files", .array(report.removed.names.map(JSONValue.string))),
                ]).rendered(pretty: true))
            } else {
                Output.print(([
                    "backed up \(report.source) to \(report.destination): \(report.bytes) bytes in \(report.duration.wholeMilliseconds) ms; \(CheckOutput.summary(report.check))",
                ] + CheckOutput.removed(report.removed)).map { TerminalText.sanitized($0) + "\n" }.joined())
            }
        }
    }
}
