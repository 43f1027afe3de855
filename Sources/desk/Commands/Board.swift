import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk board`: the presence board (行先掲示板) with what each person owes.
    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board",
            abstract: "Show the presence board: where everyone is, until when, and the callbacks they owe.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: ListOutputOptions
        @Option(name: .customLong("watch"), parsing: .upToNextOption,
                help: ArgumentHelp("Redraw in place every SECONDS (default 5) until Ctrl-C; terminals only.",
                                   valueName: "seconds"))
        var watch: [Int] = []

        /// True when --watch was given.
        private var watching: Bool { !watch.isEmpty }

        /// `--watch` may stand without its number (`desk board --watch`); the parser needs one, so the
        /// default is put in before parsing.
        static func withWatchDefault(_ arguments: [String]) -> [String] {
            guard arguments.first == "board", let index = arguments.firstIndex(of: "--watch") else { return arguments }
            let next = arguments.index(after: index)
            if next < arguments.endIndex, Int(arguments[next]) != nil { return arguments }
            var adjusted = arguments
            adjusted.insert("5", at: next)
            return adjusted
        }

        func validate() throws {
            if watch.count > 1 { throw ValidationError("--watch takes one number of seconds") }
            if let seconds = watch.first, !(1...3600).contains(seconds) {
                throw ValidationError("--watch takes 1 to 3600 seconds")
            }
        }

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            guard watching else {
                Output.print(try render(context, now: context.now))
                return
            }
            guard isatty(STDOUT_FILENO) == 1, !output.json, !output.csv else {
                throw ValidationError("--watch redraws a terminal; run it on one, without --json or --csv")
            }
            let seconds = watch.first ?? 5
            Output.print("\u{1B}[2J")
            while true {
                let now = try DeskContext.clock(context.environment)
                // Home, draw, clear what is left below: no flicker, no scrolling.
                Output.print("\u{1B}[H" + (try render(context, now: now)).replacingOccurrences(of: "\n", with: "\u{1B}[K\n") + "\u{1B}[J")
                Thread.sleep(forTimeInterval: TimeInterval(seconds))
            }
        }

        private func render(_ context: DeskContext, now: Date) throws -> String {
            let board = try context.store.board(at: now)
            let owed = try context.store.owedCounts(at: now)
            let times = TimeDisplay(calendar: context.calendar, now: now)
            let labels = Labels.forLocale(context.environment)
            let rows = board.map { entry in
                BoardRow(staff: entry.staff, presence: entry.presence, owed: owed[entry.staff.handle]?.owed ?? 0,
                         overdue: owed[entry.staff.handle]?.overdue ?? 0)
            }
            if output.json {
                return JSONValue.array(rows.map { $0.json(times) }).rendered(pretty: true) + "\n"
            }
            if output.csv {
                return output.csvDocument(header: BoardRow.csvHeader, rows: rows.map { $0.csvRow(times) })
            }
            let terminal = Terminal(environment: context.environment)
            let table = TextTable(
                columns: TextTable.columns(BoardRow.tableHeader, right: ["OWED", "OVERDUE"]),
                rows: rows.map { $0.tableRow(times, labels: labels) })
            return "\(times.short(now))\(TerminalText.sanitized(Self.closedToday(context.calendar, now: now)))\n"
                + table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.tableWidth(wide: output.wide))
        }

        /// "  closed today: 勤労感謝の日" or "  closed today: 年末年始" when the office is closed today (the weekday's name when it is its weekday); else nothing.
        static func closedToday(_ calendar: BusinessCalendar, now: Date) -> String {
            let today = LocalDay(containing: now, calendar: calendar)
            switch calendar.officeDay(today) {
            case .open: return ""
            case .closed(let reason): return "  closed today: \(CalendarOutput.why(reason, weekday: today.weekday))"
            }
        }
    }
}

/// One line of the presence board.
struct BoardRow {
    let staff: Staff
    let presence: Presence
    let owed: Int
    let overdue: Int

    static let tableHeader = ["HANDLE", "NAME", "WHERE", "UNTIL", "NOTE", "SUBSTITUTE", "OWED", "OVERDUE"]
    static let csvHeader = ["handle", "name", "status", "until", "note", "substitute", "owed", "overdue"]

    func tableRow(_ times: TimeDisplay, labels: Labels) -> [String] {
        let bare = Presence(status: presence.status, since: presence.since)
        return [staff.handle, staff.displayName, labels.presence(bare, times: times), presence.until.map(times.short) ?? "",
                presence.note ?? "", staff.substitute ?? "", String(owed), overdue > 0 ? String(overdue) : ""]
    }

    func csvRow(_ times: TimeDisplay) -> [String] {
        [staff.handle, staff.displayName, presence.status.rawValue, presence.until.map(times.iso) ?? "", presence.note ?? "",
         staff.substitute ?? "", String(owed), String(overdue)]
    }

    func json(_ times: TimeDisplay) -> JSONValue {
        .object([
            ("handle", .string(staff.handle)), ("name", .string(staff.displayName)),
            ("presence", StaffOutput(times: times).json(presence)),
            ("substitute", staff.substitute.map(JSONValue.string) ?? .null),
            ("owed", .int(owed)), ("overdue", .int(overdue)),
        ])
    }
}
