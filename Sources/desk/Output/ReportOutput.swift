import Foundation
import MessageDesk

/// The forms the daily summary takes: blocks of small tables for people, JSON, one CSV row per person.
///
/// No form shows message words: the summary goes to managers, and messages may be sensitive.
struct ReportOutput {
    let report: DailyReport
    let calendar: BusinessCalendar
    /// How many of the account's notifications failed for good, whatever day they were for: each is a person who
    /// was never told, until someone reads `desk notifications --failed`. Shown only when there are some, so a
    /// report of a desk that never had one reads as it always did.
    var notificationsFailed = 0

    /// Times relative to the report's day: a due time that day reads `17:30`, another day `11-19 18:00`.
    private var times: TimeDisplay { TimeDisplay(calendar: calendar, now: report.day.start) }

    // MARK: - JSON

    /// The stable JSON form; scripts depend on these names.
    func json() -> JSONValue {
        .object([
            ("date", .string(report.day.description)), ("time_zone", .string(calendar.timeZone.identifier)),
            ("start", .string(times.iso(report.day.start))), ("end", .string(times.iso(report.day.end))),
            ("as_of", .string(times.iso(report.asOf))), ("complete", .bool(report.isComplete)),
            ("office", .object(figures(report.office))),
        ] + screenedCalls + corrections + [
            ("people", .array(report.people.map { person in
                .object([("handle", .string(person.handle)), ("name", .string(person.name))] + figures(person.figures)
                        + [("open_callbacks", .array(person.open.map(json)))])
            })),
        ] + (notificationsFailed > 0 ? [("notifications_failed", .int(notificationsFailed))] : []))
    }

    /// The day's screened calls by outcome, every outcome named; only on a day that had any, so a report of a day
    /// without them is what it was before they were counted.
    private var screenedCalls: [(String, JSONValue)] {
        guard !report.screenedCalls.isEmpty else { return [] }
        return [("screened_calls", .object(CallCategory.allCases.filter { $0 != .message }
            .map { ($0.rawValue, .int(report.screenedCalls[$0] ?? 0)) }))]
    }

    /// The day's corrections and their rate per 100 messages (伝言ミス); only on a day that had any, as above.
    private var corrections: [(String, JSONValue)] {
        guard report.corrections > 0 else { return [] }
        return [("corrections", .object([
            ("count", .int(report.corrections)),
            ("per_100_messages", report.correctionsPer100Messages.map { .number(CallbackOutput.rounded($0)) } ?? .null),
        ]))]
    }

    private func figures(_ f: DailyReport.Figures) -> [(String, JSONValue)] {
        [
            ("calls_taken", .int(f.callsTaken)), ("callbacks_opened", .int(f.callbacksOpened)), ("done", .int(f.done)),
            ("done_within_window", .int(f.doneWithinWindow)),
            ("share_done_within_window", f.shareDoneWithinWindow.map { .number(CallbackOutput.rounded($0)) } ?? .null),
            ("cancelled", .int(f.cancelled)), ("open_at_end", .int(f.openAtEnd)), ("overdue_at_end", .int(f.overdueAtEnd)),
            ("open_by_priority", .object(PriorityBand.allCases.map { ($0.rawValue, .int(f.open(in: $0))) })),
            ("escalations", .int(f.escalations)),
            ("median_minutes_to_callback", Self.minutes(f.medianTimeToCallback)),
            ("p90_minutes_to_callback", Self.minutes(f.p90TimeToCallback)),
        ]
    }

    private func json(_ callback: DailyReport.OpenCallback) -> JSONValue {
        .object([
            ("id", .int(callback.id)), ("caller", .string(callback.caller)),
            ("company", callback.company.map(JSONValue.string) ?? .null), ("state", .string(callback.state.rawValue)),
            ("urgent", .bool(callback.urgent)), ("due_at", .string(times.iso(callback.dueAt))),
            ("overdue", .bool(callback.overdue)), ("repeat_count", .int(callback.repeatCount)),
            ("priority", .number(CallbackOutput.rounded(callback.priority))), ("priority_band", .string(callback.band.rawValue)),
        ])
    }

    /// Minutes to hundredths, or null.
    private static func minutes(_ seconds: TimeInterval?) -> JSONValue {
        seconds.map { .number(CallbackOutput.rounded($0 / 60)) } ?? .null
    }

    // MARK: - CSV

    static let csvHeader = [
        "date", "scope", "handle", "name", "calls_taken", "callbacks_opened", "done", "done_within_window",
        "share_done_within_window", "cancelled", "open_at_end", "overdue_at_end", "open_high", "open_medium", "open_low",
        "escalations", "median_minutes_to_callback", "p90_minutes_to_callback",
    ]

    /// The office first, then one row per person; the numbers are the JSON's.
    func csvRows() -> [[String]] {
        [csvRow(scope: "office", handle: "", name: "", report.office)]
            + report.people.map { csvRow(scope: "person", handle: $0.handle, name: $0.name, $0.figures) }
    }

    private func csvRow(scope: String, handle: String, name: String, _ f: DailyReport.Figures) -> [String] {
        let number = { (value: JSONValue) in value == .null ? "" : value.rendered() }
        return [report.day.description, scope, handle, name]
            + [f.callsTaken, f.callbacksOpened, f.done, f.doneWithinWindow].map(String.init)
            + [number(f.shareDoneWithinWindow.map { .number(CallbackOutput.rounded($0)) } ?? .null)]
            + [f.cancelled, f.openAtEnd, f.overdueAtEnd].map(String.init)
            + PriorityBand.allCases.map { String(f.open(in: $0)) }
            + [String(f.escalations), number(Self.minutes(f.medianTimeToCallback)), number(Self.minutes(f.p90TimeToCallback))]
    }

    // MARK: - Text

    /// The report for people: a heading, the office's block, then one block per person.
    func text(ambiguousIsWide: Bool, width: Int? = nil) -> String {
        let day = "\(report.day.weekday.shortName.capitalized) \(report.day)"
        let span = report.isComplete ? "the whole day" : "the day so far, to \(calendar.timeString(report.asOf))"
        // A holiday or a closure is named (a weekend is plain from the weekday): no business hours counted that day.
        var closed = ""
        switch calendar.officeDay(report.day) {
        case .closed(let reason) where reason != .weekday:
            closed = TerminalText.sanitized("; the office was closed (\(CalendarOutput.why(reason)))")
        case .open, .closed:
            break
        }
        var blocks = ["Daily summary for \(day) (\(calendar.timeZone.identifier)), \(span)\(closed)\n"]
        var office = "Office\n" + block(report.office, ambiguousIsWide: ambiguousIsWide)
        if !report.screenedCalls.isEmpty {
            let outcomes = CallCategory.allCases.compactMap { category in report.screenedCalls[category].map { "\(category.argument) \($0)" } }
            let total = report.screenedCalls.values.reduce(0, +)
            office += "screened calls: \(total) (\(outcomes.joined(separator: ", "))), no callback opened\n"
        }
        if report.corrections > 0 {
            let rate = report.correctionsPer100Messages.map { String(format: "%.1f", $0) + " per 100 messages" } ?? "no messages taken"
            office += "corrections: \(report.corrections) (\(rate); desk correct)\n"
        }
        blocks.append(office)
        if report.people.isEmpty {
            blocks.append("Nobody took a call, owed a callback or closed one that day.\n")
        }
        for person in report.people {
            var text = TerminalText.sanitized("\(person.handle) (\(person.name))") + "\n" + block(person.figures, ambiguousIsWide: ambiguousIsWide)
            if !person.open.isEmpty {
                text += TextTable(columns: Self.openColumns, rows: person.open.map(openRow))
                    .rendered(ambiguousIsWide: ambiguousIsWide, width: width)
            }
            blocks.append(text)
        }
        if notificationsFailed > 0 {
            blocks.append("notifications failed for good: \(notificationsFailed) (desk notifications --failed)\n")
        }
        return blocks.joined(separator: "\n")
    }

    private static let figureColumns = ["CALLS", "OPENED", "DONE", "IN WINDOW", "CANCELLED", "OPEN", "OVERDUE", "ESCALATED"]
        .map { TextTable.Column($0, alignment: .right) }

    /// The figures as a two-line table, then the open callbacks by band and the times to callback.
    private func block(_ f: DailyReport.Figures, ambiguousIsWide: Bool) -> String {
        let window = f.shareDoneWithinWindow.map { "\(f.doneWithinWindow) (\(Int(($0 * 100).rounded()))%)" } ?? "-"
        let row = [String(f.callsTaken), String(f.callbacksOpened), String(f.done), window, String(f.cancelled),
                   String(f.openAtEnd), String(f.overdueAtEnd), String(f.escalations)]
        var text = TextTable(columns: Self.figureColumns, rows: [row]).rendered(ambiguousIsWide: ambiguousIsWide)
        text += "open by priority: " + PriorityBand.allCases.map { "\($0.rawValue) \(f.open(in: $0))" }.joined(separator: ", ") + "\n"
        if let median = f.medianTimeToCallback, let p90 = f.p90TimeToCallback {
            text += "time to callback: median \(TimeDisplay.duration(median)), 90th percentile \(TimeDisplay.duration(p90))\n"
        } else {
            text += "time to callback: none done\n"
        }
        return text
    }

    private static let openColumns = [
        TextTable.Column("ID", alignment: .right), TextTable.Column("PRI", alignment: .right), TextTable.Column("BAND"),
        TextTable.Column("DUE"), TextTable.Column("STATE"), TextTable.Column("CALLER", shrinks: true),
        TextTable.Column("COMPANY", shrinks: true),
    ]

    private func openRow(_ callback: DailyReport.OpenCallback) -> [String] {
        [String(callback.id), CallbackOutput.priorityText(callback.priority), callback.band.rawValue, times.short(callback.dueAt),
         CallbackOutput.stateText(callback.state, urgent: callback.urgent, overdue: callback.overdue,
                                  repeatCount: callback.repeatCount),
         callback.caller, callback.company ?? ""]
    }
}
