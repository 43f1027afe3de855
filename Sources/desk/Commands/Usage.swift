import ArgumentParser
import MessageDesk

extension Desk {
    /// `desk usage`: a month's calls by category and what they cost under the account's plan; `strike`.
    struct Usage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "usage",
            abstract: "A month's calls by category, the plan's allowance and overage; strike a call to spam.",
            discussion: """
                The month runs from the 1st at midnight to the next 1st in the business time zone. The calls are \
                counted with the strikes and the plan as they stood at the month's end (or now, while it lasts), \
                so a closed month's usage does not change later.
                """,
            subcommands: [Month.self, Strike.self], defaultSubcommand: Month.self)
    }
}

extension Desk.Usage {
    struct Month: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "month", abstract: "Show one account's usage of a month, or every account's (--all).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: ListOutputOptions
        @Option(help: ArgumentHelp("The month: YYYY-MM (default: this month).", valueName: "month")) var month: String?
        @Flag(help: "One row per account, for invoicing.") var all = false

        func validate() throws {
            if all && scope.code != nil { throw ValidationError("--all and --account cannot be used together; choose one") }
        }

        func run() throws {
            let context = try all ? DeskContext.open(global, .read) : DeskContext.open(global, scope, .read)
            var chosen = LocalMonth(containing: context.now, calendar: context.calendar)
            if let month {
                do { chosen = try LocalMonth(parsing: month, calendar: context.calendar) } catch {
                    throw DeskError(.badInput, "--month: \(error.message)")
                }
            }
            let forms = UsageOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if all {
                let usages = try context.store.monthlyUsageOfAllAccounts(chosen, at: context.now)
                if output.json {
                    Output.line(JSONValue.array(usages.map { forms.json($0, withCalls: false) }).rendered(pretty: true))
                } else if output.csv {
                    Output.print(output.csvDocument(header: UsageOutput.invoiceHeader, rows: usages.map(forms.invoiceRow)))
                } else {
                    Output.print(forms.invoiceText(usages, month: chosen, closed: context.now >= chosen.end))
                }
                return
            }
            let usage = try context.store.monthlyUsage(chosen, at: context.now)
            if output.json {
                Output.line(forms.json(usage, withCalls: true).rendered(pretty: true))
            } else if output.csv {
                Output.print(output.csvDocument(header: UsageOutput.callsHeader, rows: forms.callRows(usage)))
            } else {
                Output.print(forms.text(usage))
            }
        }
    }

    struct Strike: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "strike",
            abstract: "Move a call of this month to spam, so it is not billed; capped by the plan.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @Argument(help: ArgumentHelp("The call's id (desk usage lists them).", valueName: "call-id")) var callID: Int
        @Option(help: "Why the call is not billed.") var reason: String

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.accounts))
            let call = try context.store.strike(call: callID, reason: reason, actor: context.actor, at: context.now)
            Output.line("struck call \(call.id): \(call.struckFrom?.argument ?? "?") → spam")
        }
    }
}
