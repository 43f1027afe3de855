import ArgumentParser
import MessageDesk

extension Desk {
    /// `desk sweep`: applies the escalation policy now; safe to run from cron every few minutes.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Escalate what the policy says is due now, once; running it again changes nothing.",
            discussion: "Cron (desk cron-lines prints all three): \(CronLines.example.sweep)")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try DeskContext.open(global, .write(.notifications))
            let fired = try context.store.sweep(actor: context.actor, at: context.now)
            context.warnIfClockWasBehind()
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            if output.json {
                Output.line(JSONValue.object([
                    ("at", .string(times.iso(context.now))),
                    ("fired", .array(fired.map(Self.json))),
                ]).rendered(pretty: true))
                return
            }
            var lines = fired.map { step in
                "#\(step.callbackID) \(step.ladder) → \(step.target) (\(step.kind.rawValue)): \(step.reason)"
            }
            let escalations = fired.filter { $0.kind == .escalation }.count
            lines.append("sweep at \(times.short(context.now)): \(escalations) escalation\(escalations == 1 ? "" : "s"), "
                         + "\(fired.count - escalations) reminder\(fired.count - escalations == 1 ? "" : "s")")
            Output.print(lines.map { TerminalText.sanitized($0) + "\n" }.joined())
        }

        static func json(_ step: FiredEscalation) -> JSONValue {
            .object([
                ("callback_id", .int(step.callbackID)), ("ladder", .string(step.ladder.rawValue)), ("round", .int(step.cycle + 1)),
                ("step", .int(step.step + 1)), ("notified", .string(step.target)), ("kind", .string(step.kind.rawValue)),
                ("reason", .string(step.reason)),
            ])
        }
    }
}
