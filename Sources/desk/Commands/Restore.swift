import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk restore SRC`: replaces the live database with a backup, keeping the old one.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Replace the live database with the backup SRC, keeping the current one as a dated copy.",
            discussion: """
                SRC is checked first (integrity, foreign keys, a schema this desk knows); a damaged SRC, or one \
                from a newer MessageDesk, is refused and nothing changes. The current database is kept as \
                DB.before-restore-YYYYMMDDTHHMMSSZ (UTC), then SRC is written into it in one transaction, \
                so desks that have it open see the old database or the restored one, never a mix. \
                Without --force, a database with writes newer than SRC (its last event is not in SRC) is \
                not replaced. Ids go on above the highest the replaced database handed out, so an id printed \
                before the restore never names another record after it. Only the --keep newest \
                before-restore copies are kept (default 3); temporary files of killed runs are removed.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The backup to restore (made by `desk backup`).", valueName: "src"))
        var source: String
        @Flag(help: "Restore even when the database has writes newer than SRC, or cannot be read.") var force = false
        @Option(help: ArgumentHelp("How many DB.before-restore-* copies to keep, the newest (at least 1).", valueName: "n"))
        var keep = DeskRestore.defaultKept

        func validate() throws {
            if keep < 1 { throw ValidationError("--keep must be at least 1: the copy this restore makes is always kept") }
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let live = try DeskContext.databasePath(global, environment)
            let report = try DeskRestore.restore(
                from: source, into: live, force: force, now: try DeskContext.clock(environment), keep: keep,
                busyTimeoutMilliseconds: try DeskContext.busyTimeout(environment), clock: ContinuousClock())
            SavedChanges.record(.restore)
            DeskContext.warnAboutMode(of: live)
            if output.json {
                Output.line(JSONValue.object([
                    ("database", .string(report.database)), ("source", .string(report.source)),
                    ("bytes", .int(Int(report.bytes))), ("duration_ms", .int(report.duration.wholeMilliseconds)),
                    ("check", CheckOutput.json(report.check)),
                    ("kept_as", report.keptAs.map(JSONValue.string) ?? .null),
                    ("undone", report.undone.map(Self.json) ?? .null),
                    ("migrated", .array(report.migrated.map(JSONValue.string))),
                    ("removed_copies", .array(report.removedCopies.map(JSONValue.string))),
                    ("removed_temporary_files", .array(report.removed.names.map(JSONValue.string))),
                ]).rendered(pretty: true))
                return
            }
            var lines = [
                "restored \(report.database) from \(report.source): \(report.bytes) bytes in \(report.duration.wholeMilliseconds) ms; \(CheckOutput.summary(report.check))",
            ]
            if let kept = report.keptAs {
                var line = "the database as it was is kept as \(kept)"
                if let undone = report.undone {
                    line += undone.diverged
                        ? " (its history differs from the backup's)"
                        : " (with \(undone.eventsAfterBackup == 1 ? "1 event" : "\(undone.eventsAfterBackup) events") the backup lacks)"
                }
                lines.append(line)
            }
            if !report.migrated.isEmpty {
                lines.append("applied migrations the backup lacked: \(report.migrated.joined(separator: ", "))")
            }
            if !report.removedCopies.isEmpty {
                lines.append("removed older copies (keeping the \(keep) newest): \(report.removedCopies.joined(separator: ", "))")
            }
            lines += CheckOutput.removed(report.removed)
            Output.print(lines.map { TerminalText.sanitized($0) + "\n" }.joined())
        }

        /// What the restore undid: `{"last_event", "backup_last_event", "events_after_backup", "diverged"}`.
        static func json(_ undone: NewerWrites) -> JSONValue {
            func event(_ event: LastEvent) -> JSONValue {
                .object([("id", .int(event.id)), ("at", .string(event.at)), ("kind", .string(event.kind))])
            }
            return .object([
                ("last_event", event(undone.liveLast)),
                ("backup_last_event", undone.backupLast.map(event) ?? .null),
                ("events_after_backup", .int(undone.eventsAfterBackup)),
                ("diverged", .bool(undone.diverged)),
            ])
        }
    }
}
