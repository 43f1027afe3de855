import ArgumentParser
import MessageDesk

/// Why someone is away, as typed on the command line.
enum AwayReason: String, ExpressibleByArgument, CaseIterable {
    case meeting, out, off, leave

    var status: Presence.Status {
        switch self {
        case .meeting: .meeting
        case .out: .out
        case .off: .dayOff
        case .leave: .leave
        }
    }
}

extension Desk {
    /// `desk away`: marks someone away, so the operator can tell callers when they are back.
    struct Away: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "away",
            abstract: "Mark someone away (in a meeting, out, off, on leave) until a time.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "Who is away.", completion: DeskCompletion.staffHandles) var handle: String
        @Option(help: "When they are expected back: 15:00, 15時, +2h, 明日10時, 月曜, tomorrow 10:00, ISO-8601.") var until: String?
        @Option(help: "meeting, out, off or leave.") var reason: AwayReason = .meeting
        @Option(help: "A note for the operator (客先訪問, 新宿).") var note: String?

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.presence))
            let until = try until.map { try context.time($0, option: "--until") }
            let presence = try context.store.setPresence(
                handle, status: reason.status, until: until, note: note, actor: context.actor, at: context.now)
            try printPresence(handle, presence, context: context, json: output.json)
        }
    }

    /// `desk back`: someone is back in the office.
    struct Back: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "back", abstract: "Mark someone back in the office.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "Who is back.", completion: DeskCompletion.staffHandles) var handle: String

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.presence))
            let presence = try context.store.setPresence(handle, status: .inOffice, actor: context.actor, at: context.now)
            try printPresence(handle, presence, context: context, json: output.json)
        }
    }
}

private func printPresence(_ handle: String, _ presence: Presence, context: DeskContext, json: Bool) throws {
    context.warnIfClockWasBehind()
    let times = TimeDisplay(calendar: context.calendar, now: context.now)
    if json {
        Output.line(JSONValue.object([("handle", .string(handle)), ("presence", StaffOutput(times: times).json(presence))])
            .rendered(pretty: true))
    } else {
        Output.line(TerminalText.sanitized("\(handle) is \(times.presence(presence))"))
    }
}
