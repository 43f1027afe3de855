import ArgumentParser
import MessageDesk

/// Which callbacks to list, as typed on the command line.
enum StateArgument: String, ExpressibleByArgument, CaseIterable {
    case open, acknowledged, done, cancelled, all, live

    var states: Set<CallbackRequest.State> {
        switch self {
        case .open: [.open]
        case .acknowledged: [.acknowledged]
        case .done: [.done]
        case .cancelled: [.cancelled]
        case .all: Set(CallbackRequest.State.allCases)
        case .live: [.open, .acknowledged]
        }
    }
}

extension Desk {
    /// `desk callbacks`: the callbacks owed, most pressing first.
    struct Callbacks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "callbacks",
            abstract: "List callbacks: by default open and acknowledged ones, highest priority first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: ListOutputOptions
        @Option(name: .customLong("for"), help: "Only those owed by this handle.", completion: DeskCompletion.staffHandles) var owner: String?
        @Option(help: "open, acknowledged, done, cancelled, live (open and acknowledged) or all.")
        var state: StateArgument = .live
        @Flag(help: "Only those past their due time.") var overdue = false
        @Flag(help: "Only urgent ones.") var urgent = false
        @Option(help: "At most this many.") var limit: Int?

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let filter = CallbackFilter(owner: owner, states: state.states, overdueOnly: overdue, urgentOnly: urgent, limit: limit)
            let list = try context.store.callbacks(filter, at: context.now)
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            let forms = CallbackOutput(times: times)
            if output.json {
                Output.line(JSONValue.array(list.map(forms.json)).rendered(pretty: true))
            } else if output.csv {
                Output.print(output.csvDocument(header: CallbackOutput.csvHeader, rows: list.map(forms.csvRow)))
            } else if list.isEmpty {
                Output.line("no callbacks")
            } else {
                let terminal = Terminal(environment: context.environment)
                let table = TextTable(
                    columns: TextTable.columns(CallbackOutput.tableHeader, right: ["ID", "PRI"]), rows: list.map(forms.tableRow))
                let rendered = table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.tableWidth(wide: output.wide))
                // Overdue rows in red, urgent ones bold: colour only on a terminal.
                var lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for (index, ranked) in list.enumerated() where index + 1 < lines.count {
                    if ranked.callback.isOverdue(at: context.now) {
                        lines[index + 1] = terminal.paint(lines[index + 1], "31")
                    } else if ranked.callback.urgent {
                        lines[index + 1] = terminal.paint(lines[index + 1], "1")
                    }
                }
                Output.print(lines.joined(separator: "\n"))
            }
        }
    }
}
