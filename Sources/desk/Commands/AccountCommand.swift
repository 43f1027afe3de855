import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk account …`: the client companies the desk answers for.
    struct AccountCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "account",
            abstract: "Add, change, list, show and close the client accounts and their lines.",
            discussion: """
                An account is a client company: its code, name, the greeting (名乗り) the operator says, its reading \
                and aliases, operator notes, and the lines (dialled numbers) that forward to the desk. Salespeople \
                and callers belong to an account; operators and managers to the service, answering every account. \
                A closed account keeps its history, read-only; nothing is deleted.
                """,
            subcommands: [Add.self, List.self, Show.self, Set.self, Line.self, Close.self])
    }
}

extension Desk.AccountCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a client account.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Short code: lower-case letters, digits, '_', '-' (acme).") var code: String
        @Option(help: "The company's name (株式会社アクメ).") var name: String
        @Option(help: "What the operator says on answering (はい、アクメでございます).") var greeting: String
        @Option(help: "The reading (furigana) of the name or greeting.") var reading: String?
        @Option(help: "Another name callers use for the company (repeatable).") var alias: [String] = []
        @Option(help: "Operator notes: what may be told to callers, how to handle sales calls.") var notes: String?
        @Option(help: "A number that forwards to the desk (repeatable).") var line: [String] = []

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            let lines = try line.map { try context.phone($0, option: "--line") }
            let account = try context.store.addAccount(
                NewAccount(code: code, name: name, greeting: greeting, reading: reading, aliases: alias, notes: notes, lines: lines),
                actor: context.actor, at: context.now)
            printAccount(account, context, output, verb: "added")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts, open and closed.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try DeskContext.open(global, .read)
            let accounts = try context.store.accounts()
            let forms = AccountOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if output.json {
                Output.line(JSONValue.array(accounts.map(forms.json)).rendered(pretty: true))
            } else {
                let terminal = Terminal(environment: context.environment)
                let table = TextTable(columns: AccountOutput.tableHeader.map { TextTable.Column($0) },
                                      rows: accounts.map(forms.tableRow))
                Output.print(table.rendered(ambiguousIsWide: terminal.ambiguousIsWide))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one account.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The account's code.") var code: String

        func run() throws {
            let context = try DeskContext.open(global, .read)
            printAccount(try context.store.account(code: code), context, output, verb: nil)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change an open account's details; '-' clears --reading or --notes.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The account's code.") var code: String
        @Option(help: "The company's name.") var name: String?
        @Option(help: "What the operator says on answering.") var greeting: String?
        @Option(help: "The reading (furigana), or '-' to clear it.") var reading: String?
        @Option(help: "The names callers use, replacing the list (repeatable).") var alias: [String] = []
        @Flag(name: .customLong("no-aliases"), help: "Clear the aliases.") var noAliases = false
        @Option(help: "Operator notes, or '-' to clear them.") var notes: String?

        func validate() throws {
            if noAliases && !alias.isEmpty { throw ValidationError("--alias and --no-aliases cannot be used together; choose one") }
        }

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            let change = AccountChange(
                name: name, greeting: greeting, reading: reading.map { $0 == "-" ? nil : $0 },
                aliases: noAliases ? [] : (alias.isEmpty ? nil : alias), notes: notes.map { $0 == "-" ? nil : $0 })
            let account = try context.store.updateAccount(code, change, actor: context.actor, at: context.now)
            printAccount(account, context, output, verb: "updated")
        }
    }

    struct Line: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "line", abstract: "Add or remove a line (a number that forwards to the desk).",
            subcommands: [AddLine.self, RemoveLine.self])
    }

    /// The account and the number `line add` and `line remove` take.
    struct LineArguments: ParsableArguments {
        @Argument(help: "The account's code.") var code: String
        @Argument(help: "The dialled number (03-5000-0001).") var phone: String
    }

    struct AddLine: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a line to an account.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var line: LineArguments

        func run() throws {
            try changeLine(global, output, line, verb: "added line %@ to") { $0.addLine }
        }
    }

    struct RemoveLine: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a line from an account.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var line: LineArguments

        func run() throws {
            try changeLine(global, output, line, verb: "removed line %@ from") { $0.removeLine }
        }
    }

    /// Adds or removes the line, and says so.
    private static func changeLine(
        _ global: GlobalOptions, _ output: OutputOptions, _ line: LineArguments, verb: String,
        _ change: (DeskStore) -> (PhoneNumber, String, String, Date) throws -> Account
    ) throws {
        let context = try DeskContext.open(global, .write(.accounts))
        let number = try context.phone(line.phone, option: "PHONE")
        let account = try change(context.store)(number, line.code, context.actor, context.now)
        printAccount(account, context, output, verb: verb.replacingOccurrences(of: "%@", with: number.national))
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Close an account whose callbacks are all closed; its history stays, read-only.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The account's code.") var code: String

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            let account = try context.store.closeAccount(code, actor: context.actor, at: context.now)
            printAccount(account, context, output, verb: "closed")
        }
    }
}

/// Prints an account as JSON, as its details (`verb` nil), or as one line saying what was done to it.
private func printAccount(_ account: Account, _ context: DeskContext, _ output: OutputOptions, verb: String?) {
    let forms = AccountOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
    if output.json {
        Output.line(forms.json(account).rendered(pretty: true))
    } else if let verb {
        Output.line(TerminalText.sanitized("\(verb) \(account.code) (\(account.name))"))
    } else {
        Output.print(forms.lines(account).map { TerminalText.sanitized($0) + "\n" }.joined())
    }
}
