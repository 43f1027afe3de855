import ArgumentParser
import MessageDesk

extension Desk {
    /// `desk history ID`: the event log of one callback.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Show every event of a callback: who did what, when, before → after.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: ListOutputOptions
        @Argument(help: "The callback id.", completion: DeskCompletion.liveCallbackIDs) var id: Int

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let events = try context.store.history(ofCallback: id)
            let forms = EventOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if output.json {
                Output.line(JSONValue.array(events.map(forms.json)).rendered(pretty: true))
            } else if output.csv {
                Output.print(output.csvDocument(header: EventOutput.csvHeader, rows: events.map(forms.csvRow)))
            } else {
                let terminal = Terminal(environment: context.environment)
                let table = TextTable(columns: TextTable.columns(EventOutput.tableHeader), rows: events.map(forms.tableRow))
                Output.print(table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.tableWidth(wide: output.wide)))
            }
        }
    }
}

/// The forms an event takes on output.
struct EventOutput {
    let times: TimeDisplay

    func json(_ event: Event) -> JSONValue {
        .object([
            ("id", .int(event.id)), ("at", .string(times.iso(event.at))), ("actor", .string(event.actor)),
            ("subject", .string(event.subject.rawValue)), ("subject_id", .int(event.subjectID)),
            ("kind", .string(event.kind)), ("before", local(event.before)), ("after", local(event.after)),
            ("reason", event.reason.map(JSONValue.string) ?? .null),
        ])
    }

    /// Stored UTC times inside an event's fields, shown with the business zone's offset like every other time.
    private func local(_ value: JSONValue?) -> JSONValue {
        switch value {
        case .object(let fields)?: .object(fields.map { ($0.0, local($0.1)) })
        case .string(let text)?: Timestamp.parse(text).map { .string(times.iso($0)) } ?? .string(text)
        case let other?: other
        case nil: .null
        }
    }

    static let csvHeader = ["id", "at", "actor", "kind", "change", "reason"]

    func csvRow(_ event: Event) -> [String] {
        [String(event.id), times.iso(event.at), event.actor, event.kind, change(event), event.reason ?? ""]
    }

    static let tableHeader = ["AT", "WHO", "WHAT", "CHANGE", "REASON"]

    func tableRow(_ event: Event) -> [String] {
        [times.short(event.at), event.actor, event.kind, change(event), event.reason ?? ""]
    }

    /// One line for `desk show`.
    func line(_ event: Event) -> String {
        [times.short(event.at), event.actor, event.kind, change(event), event.reason.map { "— \($0)" } ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `state: open → acknowledged; owner: tanaka → suzuki`, or the created fields.
    func change(_ event: Event) -> String {
        guard case .object(let after)? = event.after else { return "" }
        guard case .object(let before)? = event.before else {
            return after.map { "\($0.0)=\(text($0.1))" }.joined(separator: " ")
        }
        return after.compactMap { key, value in
            let old = before.first { $0.0 == key }?.1 ?? .null
            return old == value ? nil : "\(key): \(text(old)) → \(text(value))"
        }.joined(separator: "; ")
    }

    /// A value as people read it; stored UTC times are shown in the business zone.
    private func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): Timestamp.parse(s).map(times.short) ?? s
        case .null: "-"
        default: value.rendered()
        }
    }
}
