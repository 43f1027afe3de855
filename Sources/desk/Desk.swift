import ArgumentParser
import Foundation
import MessageDesk

/// The `desk` command: a message desk for a telephone-answering office.
struct Desk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "MessageDesk: take messages, owe and close callbacks, prove what happened.",
        discussion: """
            The database comes from --db, else $DESK_DB, else $XDG_DATA_HOME/messagedesk/desk.sqlite \
            (~/.local/share/messagedesk/desk.sqlite). DESK_NOW (ISO-8601) overrides the clock. \
            --account CODE, else $DESK_ACCOUNT, chooses the client account when the desk has several; \
            acme/tanaka names a person of another account. \
            Times: 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 来週月曜 10:00, 11/24 15:00, 今日中, tomorrow 10:00, or ISO-8601.
            Exit codes: 0 ok, 64 usage, 65 bad data, 66 no database, 73 cannot create, 74 I/O, \
            75 busy (try again), 77 permission, 78 schema or configuration.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, AccountCommand.self, StaffCommand.self, Away.self, Back.self, Board.self, Incoming.self, Take.self, Log.self, Callbacks.self, Show.self,
            Ack.self, Attempt.self, Done.self, Reply.self, Reassign.self, Cancel.self, Reopen.self, Escalate.self, Correct.self, History.self, Report.self, Usage.self,
            Config.self, CalendarCommand.self, Sweep.self, CronLinesCommand.self, Simulate.self, Notifications.self, Notify.self, Backup.self, Check.self, Restore.self,
        ]
    )
}

@main
enum DeskMain {
    static func main() {
        // A parent may start us with signals blocked (threads of a thread pool often block them, and
        // the mask is inherited by exec): Ctrl-C must reach the form, and a gateway we start must be
        // stoppable. Start from a clean mask.
        var nothingBlocked = sigset_t()
        sigemptyset(&nothingBlocked)
        sigprocmask(SIG_SETMASK, &nothingBlocked, nil)
        // A pipe whose reader has gone must be an error desk handles (EPIPE: exit 141, saying whether a
        // change was saved), not a silent death half-way through a command.
        signal(SIGPIPE, SIG_IGN)
        StandardStream.holdClosedDescriptors()
        do {
            var command = try Desk.parseAsRoot(Desk.Board.withWatchDefault(Array(CommandLine.arguments.dropFirst())))
            try command.run()
            SavedChanges.closeStores()
        } catch let error as DeskError {
            fail(error.message, code: error.exitCode)
        } catch let cancelled as Desk.Cancelled {
            Output.error("desk: \(cancelled.notice)\n")
            SavedChanges.closeStores()
            exit(1)
        } catch {
            let code = Desk.exitCode(for: error)
            if code == .success || error is CleanExit {
                // Help and --version, printed through the writer that reports a stdout it cannot write.
                let text = Desk.fullMessage(for: error)
                if !text.isEmpty { Output.line(text) }
                exit(code.rawValue)
            }
            fail("\(oneLine(Desk.message(for: error))) (see `\(helpCommand())`)",
                 code: code == .validationFailure ? 64 : code.rawValue)
        }
    }

    /// The parser's message on one line: a list of allowed values is folded into "a, b, c".
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let items = lines.filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }
        guard let first = lines.first else { return message }
        return items.isEmpty ? lines.joined(separator: " ") : "\(first) \(items.joined(separator: ", "))"
    }

    /// `desk log --help` for the subcommand the user was running, as far as it is a real one.
    static func helpCommand() -> String {
        var words = ["desk"]
        var command: any ParsableCommand.Type = Desk.self
        for argument in CommandLine.arguments.dropFirst() {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            words.append(argument)
            command = sub
        }
        return (words + ["--help"]).joined(separator: " ")
    }

    /// Prints one line on stderr, free of control characters, and exits (with the code, even when stderr is gone).
    static func fail(_ message: String, code: Int32) -> Never {
        let line = TerminalText.sanitized(message.replacingOccurrences(of: "\n", with: "; "))
        Output.error("desk: error: \(line)\n")
        SavedChanges.closeStores()
        exit(code)
    }
}
