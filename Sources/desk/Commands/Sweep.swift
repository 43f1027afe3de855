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
            let (fired, renotified) = try context.store.sweepAndRenotify(actor: context.actor, at: context.now)
            context.warnIfClockWasBehind()
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            if output.json {
                Output.line(JSONValue.object([
                    ("at", .string(times.iso(context.now))),
                    ("fired", .array(fired.map(Self.json))),
                    ("renotified", .array(renotified.map { told in
                        .object([("callback_id", .int(told.callbackID)), ("message_id", .int(told.messageID)),
                                 ("notified", .string(told.target)), ("reason", .string(told.reason))])
                    })),
                ]).rendered(pretty: true))
                return
            }
            var lines = fired.map { step in
                "#\(step.callbackID) \(step.ladder) → \(step.target) (\(step.kind.rawValue)): \(step.reason)"
            }
            lines += renotified.map { "#\($0.callbackID) renotify → \($0.target): \($0.reason)" }
            let escalations = fired.filter { $0.kind == .escalation }.count
            // The re-notifications are counted only when there are some: a desk that never has any reads as before.
            lines.append("sweep at \(times.short(context.now)): \(escalations) escalation\(escalations == 1 ? "" : "s"), "
                         + "\(fired.count - escalations) reminder\(fired.count - escalations == 1 ? "" : "s")"
                         + (renotified.isEmpty ? "" : ", \(renotified.count) re-notification\(renotified.count == 1 ? "" : "s")"))
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
