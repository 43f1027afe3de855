import ArgumentParser
import MessageDesk

extension Desk {
    /// `desk calendar`: the office's own calendar — the days it is closed and why, and its hours.
    struct CalendarCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Show or change the office's calendar: holidays, closures, dates opened, hours by weekday or date.",
            discussion: """
                Due times, the priority's overdue term, the overdue ladder's business-hours clock, the daily \
                report and the board all follow this calendar. The national holidays (国民の祝日, 1973-2099) \
                close the office unless it opens on one (open DATE) or switches them off (holidays off). The \
                year-end closure (年末年始) is the setting year_end_closure, default 12-29..01-03.
                """,
            subcommands: [Show.self, Close.self, Open.self, Hours.self, Entries.self, Remove.self, YearEnd.self, Holidays.self],
            defaultSubcommand: Show.self)
    }
}

/// Reads what the user typed, turning a refusal into bad data (exit 65) named after the argument.
private func parsed<T>(_ what: String, _ body: () throws(InputError) -> T) throws -> T {
    do { return try body() } catch { throw DeskError(.badInput, "\(what): \(error.message)") }
}

extension Desk.CalendarCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "List the days the office is closed and why, and its hours (this year by default).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption
        @Option(help: ArgumentHelp("A year, e.g. 2026.", valueName: "year")) var year: String?
        @Option(help: ArgumentHelp("A month, YYYY-MM, e.g. 2026-08.", valueName: "month")) var month: String?

        func run() throws {
            let (context, _) = try self.scope.open(global, .read)
            let calendar = context.calendar
            let period = try parsed(month != nil && year == nil ? "--month" : "--year") { () throws(InputError) in
                try CalendarPeriod(year: year, month: month, now: context.now, calendar: calendar)
            }
            let forms = CalendarOutput(calendar: calendar, period: period, today: LocalDay(containing: context.now, calendar: calendar))
            if output.json {
                Output.line(forms.json().rendered(pretty: true))
            } else {
                Output.print(forms.text(ambiguousIsWide: Terminal(environment: context.environment).ambiguousIsWide))
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Close the office on a date, a range of dates, or days of every year (recorded in the event log).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption
        @Argument(help: ArgumentHelp("2026-08-13, 2026-08-13..2026-08-16, or 08-13..08-16 for every year.", valueName: "days"))
        var days: String
        @Option(help: "Why, e.g. お盆.") var note = ""

        func run() throws {
            let span = try parsed("days") { () throws(InputError) in try ClosedSpan(parsing: days) }
            let (context, scope) = try self.scope.open(global)
            let entry = try context.store.close(span, note: note, for: scope, actor: context.actor, at: context.now)
            context.warnIfClockWasBehind()
            CalendarOutput.printEntry(entry, json: output.json)
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open", abstract: "Open the office on a date it would be closed, with that day's usual hours (recorded in the event log).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption
        @Argument(help: ArgumentHelp("The date, e.g. 2026-11-23.", valueName: "date")) var date: String

        func run() throws {
            let opened = try parsed("date") { () throws(InputError) in try OpenedDate(parsing: date) }
            let (context, scope) = try self.scope.open(global)
            let entry = try context.store.open(opened, hours: nil, for: scope, actor: context.actor, at: context.now)
            context.warnIfClockWasBehind()
            CalendarOutput.printEntry(entry, json: output.json)
        }
    }

    struct Hours: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hours",
            abstract: "Set the hours of a date (a half day), or of weekdays in place of business_hours (recorded in the event log).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption
        @Argument(help: ArgumentHelp("A date (2026-12-28), or weekdays (sat, mon-fri).", valueName: "day"))
        var day: String
        @Argument(help: ArgumentHelp("HH:MM-HH:MM, e.g. 09:00-12:00; for weekdays also closed.", valueName: "hours"))
        var hours: String

        func run() throws {
            let closed = hours.trimmed.lowercased() == "closed"
            let parsedHours = closed ? nil : try parsed("hours") { () throws(InputError) in try BusinessHours(parsing: hours) }
            let startsWithDigit = day.precomposedStringWithCompatibilityMapping.trimmed.first?.isNumber ?? false
            if startsWithDigit {
                let date = try parsed("day") { () throws(InputError) in try OpenedDate(parsing: day) }
                guard let parsedHours else {
                    throw DeskError(.badInput, "hours: closed is for weekdays; to close \(date) use `desk calendar close \(date)`")
                }
                let (context, scope) = try self.scope.open(global)
                let entry = try context.store.open(date, hours: parsedHours, for: scope, actor: context.actor, at: context.now)
                context.warnIfClockWasBehind()
                CalendarOutput.printEntry(entry, json: output.json)
                return
            }
            let weekdays = try parsed("day") { () throws(InputError) in try Weekday.parseSet(day) }
            let (context, scope) = try self.scope.open(global)
            let entries = try context.store.inOneTransaction {
                try Weekday.mondayFirst.filter(weekdays.contains).map { weekday in
                    try context.store.setHours(of: weekday, to: parsedHours, for: scope, actor: context.actor, at: context.now)
                }
            }
            context.warnIfClockWasBehind()
            CalendarOutput.printEntries(entries, json: output.json)
        }
    }

    struct Entries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entries", abstract: "List the office's calendar entries in force, with the ids `remove` takes.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption

        func run() throws {
            let (context, scope) = try self.scope.open(global, .read)
            let entries = scope == .service ? try context.store.calendarEntries() : try context.store.calendarEntries(of: scope)
            if output.json {
                Output.line(JSONValue.array(entries.map(CalendarOutput.json)).rendered(pretty: true))
                return
            }
            let table = TextTable(
                columns: [TextTable.Column("ID", alignment: .right), TextTable.Column("KIND"), TextTable.Column("DAYS"),
                          TextTable.Column("HOURS"), TextTable.Column("NOTE")],
                rows: entries.map { [String($0.id), $0.kind, $0.days, CalendarOutput.hoursText($0), $0.note ?? ""] })
            Output.print(table.rendered(ambiguousIsWide: Terminal(environment: context.environment).ambiguousIsWide))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a calendar entry by its id (see `desk calendar entries`; recorded in the event log).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption
        @Argument(help: ArgumentHelp("The entry's id.", valueName: "id")) var id: Int

        func run() throws {
            let (context, scope) = try self.scope.open(global)
            let entry = try context.store.removeCalendarEntry(id, for: scope, actor: context.actor, at: context.now)
            context.warnIfClockWasBehind()
            if output.json {
                Output.line(JSONValue.object([("removed", CalendarOutput.json(entry))]).rendered(pretty: true))
            } else {
                Output.line(TerminalText.sanitized("removed #\(entry.id): \(CalendarOutput.sentence(entry))"))
            }
        }
    }

    struct YearEnd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "year-end",
            abstract: "Change the closure of every year (default 年末年始 12-29..01-03), or remove it with none (the setting year_end_closure).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption
        @Argument(help: ArgumentHelp("MM-DD..MM-DD, e.g. 12-28..01-04, or none.", valueName: "days")) var days: String

        func run() throws {
            try SettingChange.run(.yearEndClosure, to: days, global: global, scope: scope, json: output.json)
        }
    }

    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "holidays",
            abstract: "Close the office on the national holidays (on, the default) or work on them (off); the setting national_holidays.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: SettingScopeOption
        @Argument(help: ArgumentHelp("on: closed on the national holidays (the default); off: they are working days.",
                                      valueName: "on|off"))
        var state: String

        func run() throws {
            try SettingChange.run(.nationalHolidays, to: state, global: global, scope: scope, json: output.json)
        }
    }
}
