import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk cron-lines`: the crontab lines of the sweep, the notifier and the nightly backup for a desk.
    struct CronLinesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cron-lines",
            abstract: "Print the crontab lines of the sweep, the notifier and the nightly backup for this desk.",
            discussion: """
                Nothing is opened or created. The lines write logs to log/ and backups to backups/ beside the \
                database; Scripts/setup.sh creates both. Add them with crontab -e as a user who may write the desk.
                """)

        @Option(name: .long, help: ArgumentHelp(
            "The desk database (default: $DESK_DB, else $XDG_DATA_HOME/messagedesk/desk.sqlite).", valueName: "path"))
        var db: String?

        @Option(help: ArgumentHelp("Where desk is installed: PREFIX/bin/desk, PREFIX/share/messagedesk/nightly-backup.sh.",
                                   valueName: "dir"))
        var prefix: String = CronLines.standardPrefix

        func run() throws {
            var global = GlobalOptions()
            global.db = db
            let database = try DeskContext.databasePath(global, ProcessInfo.processInfo.environment)
            // The path is the user's text: control and invisible characters are shown, not sent.
            Output.print(TerminalText.sanitized(CronLines(prefix: prefix, database: database).crontab, keepNewlines: true))
        }
    }
}
