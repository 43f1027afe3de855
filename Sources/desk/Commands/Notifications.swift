import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk notifications`: the outbox of reminders and escalations.
    struct Notifications: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "notifications", abstract: "List the outbox: messages, re-notifications, reminders and escalations.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: ListOutputOptions
        @Flag(help: "Only those not delivered yet (pending, sending, or waiting to be tried again).") var pending = false
        @Flag(help: "Only those that failed permanently: the far end refused them and they are not tried again.") var failed = false

        func validate() throws {
            if pending && failed { throw ValidationError("give --pending or --failed, not both") }
        }

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let list = try context.store.notifications(pending ? .undelivered : failed ? .failed : .all)
            let forms = NotificationOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if output.json {
                Output.line(JSONValue.array(list.map(forms.json)).rendered(pretty: true))
            } else if output.csv {
                Output.print(output.csvDocument(header: NotificationOutput.csvHeader, rows: list.map(forms.csvRow)))
            } else if list.isEmpty {
                Output.line(pending ? "no pending notifications" : failed ? "no failed notifications" : "no notifications")
            } else {
                let terminal = Terminal(environment: context.environment)
                let table = TextTable(columns: TextTable.columns(NotificationOutput.tableHeader), rows: list.map(forms.tableRow))
                Output.print(table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.tableWidth(wide: output.wide)))
            }
        }
    }

    /// `desk notify --exec COMMAND`: hands each pending notification to a gateway.
    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify",
            abstract: "Hand each pending notification to COMMAND as JSON on stdin; delivered only when it reads it all and exits 0.",
            discussion: """
                COMMAND runs with /bin/sh -c. A failing, hanging or non-reading gateway loses nothing: the \
                notification is failed-temporary and tried again after a wait (1, 2, 4 … minutes, at most an hour); \
                a gateway that exits 69 fails it for good (desk notifications --failed). desk notify exits 0 when all \
                were delivered, 75 when any may go through on a later run, 69 when every failure was for good. At the timeout the \
                gateway's whole process group is stopped. Gateways for mail, Slack, Chatwork, LINE WORKS, Teams and \
                signed webhooks are in Scripts/gateways/. Delivery is at least once: a gateway drops repeats by the \
                notification's idempotency_key. One notifier runs at a time per database file. Example: \
                desk notify --exec 'Scripts/gateways/smtp --host mail.example.jp --from desk@example.jp --to "{handle}@example.jp"' \
                — each notification is mailed to its recipient's mail channel, else to the --to address, with its \
                reply code; see the README for chat services, signed webhooks and a log-file gateway.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("exec"), help: "The gateway command.") var command: String
        @Option(help: "Seconds a gateway may take before it counts as failed.") var timeout: Int = 30
        @Flag(help: "Keep running and deliver notifications as they appear, until SIGTERM or SIGINT (exit 0).") var daemon = false
        @Option(help: "With --daemon: seconds between looks at an outbox with nothing due.") var interval: Int = 10

        func validate() throws {
            if command.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--exec needs a command") }
            if !(1...3600).contains(timeout) { throw ValidationError("--timeout takes 1 to 3600 seconds") }
            if !(1...3600).contains(interval) { throw ValidationError("--interval takes 1 to 3600 seconds") }
            if output.json && daemon { throw ValidationError("--daemon prints a line per notification; it has no --json") }
        }

        func run() throws {
            // Before anything can take a while: a SIGTERM from here on waits for its turn instead of killing desk.
            let stop = daemon ? StopSignals() : nil
            let context = try DeskContext.open(global, .write(.notifications))
            let store = context.store
            // A simulation's outbox is addressed to people who do not exist; a real gateway must never see it.
            if try store.purpose() == .simulation {
                throw DeskError(.badInput, "\(store.path) is a simulation: its notifications are addressed to simulated "
                                + "staff and are never sent; point --db or DESK_DB at the real desk")
            }
            let forms = NotificationOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            let notifier = Notifier(store: store, gateway: Gateway(command: command, timeout: .seconds(timeout)),
                                    actor: context.actor, render: { forms.json($0).rendered() })
            let outcome = try store.withNotifierLock { () throws -> [Notifier.Delivery] in
                guard let stop else { return try notifier.deliverDue(clock: { context.now }) }
                // The daemon: a round whenever something may be due, a wait of --interval after one with nothing to send.
                // Its clock is read at each change (DESK_NOW, when set, holds it still).
                while !stop.requested {
                    let round = try notifier.deliverDue(clock: { try DeskContext.clock(context.environment) },
                                                        stop: { stop.requested })
                    round.forEach { forms.show($0) }
                    if round.isEmpty && stop.wait(seconds: interval) { break }
                }
                return []
            }
            guard let outcome else {
                throw DeskError(.busy, "another `desk notify` is running; try again when it has finished")
            }
            if daemon { return }
            let failed = outcome.filter { $0.failure != nil }
            if output.json {
                Output.line(JSONValue.object([
                    ("delivered", .array(outcome.filter { $0.failure == nil }.map { .int($0.notification.id) })),
                    ("failed", .array(failed.map { item -> JSONValue in
                        .object([("id", .int(item.notification.id)), ("error", .string(item.failure ?? "")),
                                 ("permanent", .bool(item.retryAt == nil)),
                                 ("next_attempt_at", item.retryAt.map { .string(forms.times.iso($0)) } ?? .null)])
                    })),
                ]).rendered(pretty: true))
            } else {
                outcome.forEach { forms.show($0) }
                Output.line("notify: \(outcome.count - failed.count) delivered, \(failed.count) failed")
            }
            if !failed.isEmpty {
                let later = failed.filter { $0.retryAt != nil }.count
                // 75 while anything may still go through on a later run; 69 when the far end refused every one for good.
                throw DeskError(later > 0 ? .busy : .unavailable, "\(failed.count) notification\(failed.count == 1 ? "" : "s") not delivered: \(later) to be "
                                + "tried again by a later `desk notify`, \(failed.count - later) failed for good (see `desk notifications --failed`)")
            }
        }

        /// What a gateway printed, on stderr: its kept lines made safe for the terminal, each marked with the
        /// notification it was about, and how much was not kept.
        static func show(_ output: GatewayOutput, of notification: OutboxNotification) {
            var lines = output.lines
            if output.dropped > 0 { lines.append("(\(output.dropped) more bytes of output not kept)") }
            let text = lines.map { "desk: gateway #\(notification.id): \($0)\n" }.joined()
            Output.error(text)
        }
    }
}

/// The forms a notification takes on output, and the JSON a gateway reads.
struct NotificationOutput {
    let times: TimeDisplay

    func json(_ notification: OutboxNotification) -> JSONValue {
        .object([
            ("id", .int(notification.id)), ("idempotency_key", .string(notification.idempotencyKey)),
            ("created_at", .string(times.iso(notification.createdAt))),
            ("to", .object([("handle", .string(notification.recipient)), ("name", .string(notification.recipientName)),
                            ("mobile", notification.recipientMobile.map { .string($0.e164) } ?? .null)])),
            ("callback_id", .int(notification.callbackID)), ("kind", .string(notification.kind.rawValue)),
            ("reason", .string(notification.reason)), ("text", .string(notification.body)),
            ("attempts", .int(notification.attempts)), ("last_error", notification.lastError.map(JSONValue.string) ?? .null),
            ("delivered_at", notification.deliveredAt.map { .string(times.iso($0)) } ?? .null),
            // Issue 16: what a gateway needs to deliver it on its channel (README, "The notification a gateway reads").
            ("channel", notification.channel.map { .object(ChannelForms.json($0)) } ?? .object([("kind", .string("none")), ("address", .null)])),
            ("account", .object([("code", .string(notification.accountCode)), ("name", .string(notification.accountName))])),
            ("recipient", .object([("handle", .string(notification.recipient)), ("name", .string(notification.recipientName))])),
            ("message_id", notification.messageID.map(JSONValue.int) ?? .null),
            ("subject", .string(notification.subject)), ("summary", .string(notification.summary)),
            ("body", .string(notification.fullBody)),
            ("reply_code", notification.replyCode.map { .string($0.text) } ?? .null),
            ("state", .string(notification.state.rawValue)),
            ("next_attempt_at", notification.nextAttemptAt.map { .string(times.iso($0)) } ?? .null),
        ])
    }

    /// What came of a notification: what its gateway printed on stderr, then one line on stdout.
    func show(_ delivery: Notifier.Delivery) {
        Desk.Notify.show(delivery.output, of: delivery.notification)
        let verdict = switch (delivery.failure, delivery.retryAt) {
        case (nil, _): "delivered"
        case (let failure?, let retry?): "failed (\(failure)); tried again from \(times.short(retry))"
        case (let failure?, nil): "failed for good (\(failure)); kept, see `desk notifications --failed`"
        }
        Output.line(TerminalText.sanitized("#\(delivery.notification.id) → \(delivery.notification.recipient): \(verdict)"))
    }

    /// The channel comes last, as its kind and address (`none` and empty when the recipient has none), so that
    /// sheets made from the older columns keep their order.
    static let csvHeader = ["id", "created_at", "to", "callback_id", "kind", "reason", "attempts", "delivered_at", "state", "next_attempt_at",
                            "channel", "address"]

    func csvRow(_ n: OutboxNotification) -> [String] {
        [String(n.id), times.iso(n.createdAt), n.recipient, String(n.callbackID), n.kind.rawValue, n.reason,
         String(n.attempts), n.deliveredAt.map(times.iso) ?? "", n.state.rawValue, n.nextAttemptAt.map(times.iso) ?? "",
         n.channel?.kind.rawValue ?? "none", n.channel?.address ?? ""]
    }

    static let tableHeader = ["ID", "AT", "TO", "CALLBACK", "KIND", "STATE", "WHY"]

    func tableRow(_ n: OutboxNotification) -> [String] {
        let state = switch n.state {
        case .delivered: n.deliveredAt.map { "sent \(times.short($0))" } ?? "sent"
        case .pending, .sending: n.attempts > 0 ? "\(n.state.rawValue) (\(n.attempts) failed)" : n.state.rawValue
        case .failedTemporary: "retry \(n.nextAttemptAt.map(times.short) ?? "") (\(n.attempts) failed)"
        case .failedPermanent: "failed for good (\(n.attempts) tried)"
        }
        return [String(n.id), times.short(n.createdAt), n.recipient, "#\(n.callbackID)", n.kind.rawValue, state, n.reason]
    }
}
