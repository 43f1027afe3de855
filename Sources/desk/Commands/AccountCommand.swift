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
            subcommands: [Add.self, List.self, Show.self, Set.self, Line.self, ChannelCommand.self, Close.self, PlanCommand.self,
                          Block.self, Unblock.self, Blocked.self])
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
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(
            "Its own time zone, which its usage months run in (default: the desk's).", valueName: "zone"))
        var timeZone: String?

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            let lines = try line.map { try context.phone($0, option: "--line") }
            let account = try context.store.addAccount(
                NewAccount(code: code, name: name, greeting: greeting, reading: reading, aliases: alias, notes: notes, lines: lines,
                           timeZone: timeZone),
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
                let table = TextTable(columns: TextTable.columns(AccountOutput.tableHeader), rows: accounts.map(forms.tableRow))
                Output.print(table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.width))
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
            commandName: "set", abstract: "Change an open account's details; '-' clears --reading, --notes or --time-zone.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The account's code.") var code: String
        @Option(help: "The company's name.") var name: String?
        @Option(help: "What the operator says on answering.") var greeting: String?
        @Option(help: "The reading (furigana), or '-' to clear it.") var reading: String?
        @Option(help: "The names callers use, replacing the list (repeatable).") var alias: [String] = []
        @Flag(name: .customLong("no-aliases"), help: "Clear the aliases.") var noAliases = false
        @Option(help: "Operator notes, or '-' to clear them.") var notes: String?
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(
            "Its own time zone, which its usage months run in, or '-' for the desk's.", valueName: "zone"))
        var timeZone: String?

        func validate() throws {
            if noAliases && !alias.isEmpty { throw ValidationError("--alias and --no-aliases cannot be used together; choose one") }
        }

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            let change = AccountChange(
                name: name, greeting: greeting, reading: reading.map { $0 == "-" ? nil : $0 },
                aliases: noAliases ? [] : (alias.isEmpty ? nil : alias), notes: notes.map { $0 == "-" ? nil : $0 },
                timeZone: timeZone.map { $0 == "-" ? nil : $0 })
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

extension Desk.AccountCommand {
    /// `desk account plan`: the plan is the account's, as its lines are, so it is set where the account is.
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "Set an account's plan: monthly fee, calls included, price per extra call.",
            discussion: """
                Money is in yen. --billable lists the categories counted against the allowance and billed past it \
                (message, sales, wrong-number, silent, spam, test, blocked; default message). A plan change applies \
                from the month it is made in: a closed month keeps the plan it ended with.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's code.") var code: String
        @Option(help: ArgumentHelp("The monthly fee in yen.", valueName: "yen")) var fee: Int
        @Option(help: ArgumentHelp("The calls included each month.", valueName: "calls")) var included: Int
        @Option(help: ArgumentHelp("The price of each billable call past those included, in yen.", valueName: "yen")) var extra: Int
        @Option(help: ArgumentHelp("The billable categories, comma-separated.", valueName: "categories")) var billable = "message"
        @Option(name: .customLong("strike-cap"),
                help: ArgumentHelp("The strikes a month may have, as a share of the calls included.", valueName: "percent"))
        var strikeCap = "10%"

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            var categories: Swift.Set<CallCategory> = []
            for name in billable.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let category = CallCategory(argument: name) else {
                    throw DeskError(.badInput, "--billable: '\(name)' is not a category; use message, sales, wrong-number, silent, spam, test or blocked")
                }
                categories.insert(category)
            }
            let digits = strikeCap.hasSuffix("%") ? String(strikeCap.dropLast()) : strikeCap
            guard let percent = Int(digits) else {
                throw DeskError(.badInput, "--strike-cap: '\(strikeCap)' is not a percentage; write it as 10%")
            }
            let plan = try context.store.setPlan(
                MessageDesk.Plan(monthlyFeeYen: fee, callsIncluded: included, extraCallYen: extra, billable: categories,
                                 strikeCapPercent: percent), for: code, actor: context.actor, at: context.now)
            Output.line(TerminalText.sanitized("\(code) " + UsageOutput(times: TimeDisplay(calendar: context.calendar, now: context.now)).planLine(plan)))
        }
    }

    /// The account and the number `block` and `unblock` take.
    struct BlockArguments: ParsableArguments {
        @Argument(help: "The account's code.") var code: String
        @Argument(help: "The caller's number (03-1234-5678).") var phone: String
    }

    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "block", abstract: "Put a caller's number on an account's block list: its calls are recorded as blocked.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var number: BlockArguments
        @Option(help: "Why it is blocked.") var note: String?

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            let phone = try context.phone(number.phone, option: "PHONE")
            try context.store.block(phone, for: number.code, note: note, actor: context.actor, at: context.now)
            Output.line("blocked \(phone.national) for \(number.code)")
        }
    }

    struct Unblock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unblock", abstract: "Take a number off an account's block list.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var number: BlockArguments

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            let phone = try context.phone(number.phone, option: "PHONE")
            try context.store.unblock(phone, for: number.code, actor: context.actor, at: context.now)
            Output.line("unblocked \(phone.national) for \(number.code)")
        }
    }

    struct Blocked: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "blocked", abstract: "List an account's blocked numbers.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's code.") var code: String

        func run() throws {
            let context = try DeskContext.open(global, .read)
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            for entry in try context.store.blockedNumbers(of: code) {
                Output.line(TerminalText.sanitized("\(entry.phone.national)  since \(times.short(entry.addedAt))"
                                                   + (entry.note.map { "  \($0)" } ?? "")))
            }
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
