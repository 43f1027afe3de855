import ArgumentParser
import MessageDesk

extension Staff.Role: ExpressibleByArgument {}

extension Desk {
    /// `desk staff …`: who works at the office.
    struct StaffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "staff",
            abstract: "Add, change, list and show the office's staff.",
            subcommands: [Add.self, Edit.self, List.self, Show.self, ChannelCommand.self])
    }
}

extension Desk.StaffCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a member of staff.",
            discussion: "Salespeople belong to the account; operators and managers to the service, answering every account.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "Short handle: lower-case letters, digits, '.', '_', '-' (tanaka).") var handle: String
        @Option(help: "The name people read (田中一郎).") var name: String
        @Option(help: "salesperson, operator or manager.") var role: Staff.Role = .salesperson
        @Option(help: "Mobile phone number.") var mobile: String?
        @Option(help: "Who takes their callbacks while they are away.") var substitute: String?
        @Option(name: .customLong("escalate-to"), help: "Who is told when their callbacks are escalated.")
        var escalateTo: String?

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.newStaff(handle: handle)))
            let mobile = try mobile.map { try context.phone($0, option: "--mobile") }
            let staff = try context.store.addStaff(
                NewStaff(handle: handle, displayName: name, role: role, mobile: mobile, substitute: substitute,
                         escalationContact: escalateTo),
                actor: context.actor, at: context.now)
            let forms = StaffOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if output.json {
                Output.line(forms.json(staff, presence: .inOffice(since: context.now)).rendered(pretty: true))
            } else {
                Output.line(TerminalText.sanitized("added \(staff.handle) (\(staff.displayName)), \(staff.role.rawValue)"))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a member of staff's details; '-' clears --mobile, --substitute or --escalate-to.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "Whose details to change.", completion: DeskCompletion.staffHandles) var handle: String
        @Option(help: "The name people read.") var name: String?
        @Option(help: "salesperson, operator or manager.") var role: Staff.Role?
        @Option(help: "Mobile phone number, or '-' to clear it.") var mobile: String?
        @Option(help: "Substitute's handle, or '-' to clear it.") var substitute: String?
        @Option(name: .customLong("escalate-to"), help: "Escalation contact's handle, or '-' to clear it.")
        var escalateTo: String?

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.staff))
            let mobile: PhoneNumber?? = try mobile.map { $0 == "-" ? nil : try context.phone($0, option: "--mobile") }
            let staff = try context.store.updateStaff(
                handle, displayName: name, role: role, mobile: mobile,
                substitute: substitute.map { $0 == "-" ? nil : $0 },
                escalationContact: escalateTo.map { $0 == "-" ? nil : $0 }, actor: context.actor, at: context.now)
            let forms = StaffOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if output.json {
                let presence = try context.store.presence(of: staff.handle, at: context.now)
                Output.line(forms.json(staff, presence: presence).rendered(pretty: true))
            } else {
                Output.line(TerminalText.sanitized("updated \(staff.handle) (\(staff.displayName))"))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the staff with where they are now.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: ListOutputOptions

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let board = try context.store.board(at: context.now)
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            let forms = StaffOutput(times: times)
            if output.json {
                Output.line(JSONValue.array(board.map { forms.json($0.staff, presence: $0.presence) }).rendered(pretty: true))
            } else if output.csv {
                Output.print(output.csvDocument(header: StaffOutput.csvHeader, rows: board.map { forms.csvRow($0.staff, presence: $0.presence) }))
            } else {
                let terminal = Terminal(environment: context.environment)
                let table = TextTable(
                    columns: TextTable.columns(StaffOutput.tableHeader), rows: board.map { forms.tableRow($0.staff, presence: $0.presence) })
                Output.print(table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.tableWidth(wide: output.wide)))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one member of staff.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "Whose details to show.", completion: DeskCompletion.staffHandles) var handle: String

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let staff = try context.store.staff(handle: handle)
            let presence = try context.store.presence(of: handle, at: context.now)
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            let forms = StaffOutput(times: times)
            if output.json {
                Output.line(forms.json(staff, presence: presence).rendered(pretty: true))
                return
            }
            let lines = [
                "\(staff.handle) — \(staff.displayName)",
                "role:        \(staff.role.rawValue)",
                "mobile:      \(staff.mobile?.national ?? "-")",
                "substitute:  \(staff.substitute ?? "-")",
                "escalate to: \(staff.escalationContact ?? "-")",
                "presence:    \(times.presence(presence))",
            ]
            Output.print(lines.map { TerminalText.sanitized($0) + "\n" }.joined())
        }
    }
}

/// The forms a member of staff takes on output.
struct StaffOutput {
    let times: TimeDisplay

    func json(_ staff: Staff, presence: Presence) -> JSONValue {
        .object([
            ("handle", .string(staff.handle)), ("name", .string(staff.displayName)), ("role", .string(staff.role.rawValue)),
            ("mobile", staff.mobile.map { .string($0.e164) } ?? .null),
            ("substitute", staff.substitute.map(JSONValue.string) ?? .null),
            ("escalation_contact", staff.escalationContact.map(JSONValue.string) ?? .null),
            ("presence", json(presence)),
        ])
    }

    /// Where someone is, for scripts: status, until, note, and the sentence the operator reads out.
    func json(_ presence: Presence) -> JSONValue {
        .object([
            ("status", .string(presence.status.rawValue)),
            ("until", presence.until.map { .string(times.iso($0)) } ?? .null),
            ("note", presence.note.map(JSONValue.string) ?? .null),
            ("text", .string(times.presence(presence))),
        ])
    }

    static let csvHeader = ["handle", "name", "role", "mobile", "substitute", "escalation_contact", "status", "until", "note"]

    func csvRow(_ staff: Staff, presence: Presence) -> [String] {
        [staff.handle, staff.displayName, staff.role.rawValue, staff.mobile?.national ?? "", staff.substitute ?? "",
         staff.escalationContact ?? "", presence.status.rawValue, presence.until.map(times.iso) ?? "", presence.note ?? ""]
    }

    static let tableHeader = ["HANDLE", "NAME", "ROLE", "MOBILE", "SUBSTITUTE", "ESCALATE TO", "PRESENCE"]

    func tableRow(_ staff: Staff, presence: Presence) -> [String] {
        [staff.handle, staff.displayName, staff.role.rawValue, staff.mobile?.national ?? "", staff.substitute ?? "",
         staff.escalationContact ?? "", times.presence(presence)]
    }
}
