import ArgumentParser
import MessageDesk

extension Desk {
    /// `desk report`: the daily summary a manager reads at the end of the day.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "The daily summary: per person and for the office, calls, callbacks opened, done, open and overdue by priority.",
            discussion: """
                The day runs from midnight to midnight in the business time zone. Figures come from the \
                event log as of the end of the day (or now, while the day lasts), so a past day's report \
                does not change later. Priority bands: high \(Int(PriorityBand.highFrom)) or more, medium \
                \(Int(PriorityBand.mediumFrom)) to under \(Int(PriorityBand.highFrom)), low under \
                \(Int(PriorityBand.mediumFrom)). Staff with nothing that day are left out. No message words are shown.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: ListOutputOptions
        @Option(help: ArgumentHelp("The day: YYYY-MM-DD, today or yesterday (business time zone).", valueName: "day"))
        var date = "today"

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let day: LocalDay
            do {
                day = try LocalDay(parsing: date, now: context.now, calendar: context.calendar)
            } catch {
                throw DeskError(.badInput, "--date: \(error.message)")
            }
            let forms = ReportOutput(report: try context.store.dailyReport(for: day, at: context.now), calendar: context.calendar,
                                     notificationsFailed: try context.store.permanentlyFailedNotificationCount())
            if output.json {
                Output.line(forms.json().rendered(pretty: true))
            } else if output.csv {
                Output.print(output.csvDocument(header: ReportOutput.csvHeader, rows: forms.csvRows()))
            } else {
                let terminal = Terminal(environment: context.environment)
                Output.print(forms.text(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.tableWidth(wide: output.wide)))
            }
        }
    }
}
