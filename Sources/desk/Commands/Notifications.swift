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
        @Flag(help: "Only those not delivered yet.") var pending = false

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            let list = try context.store.notifications(pendingOnly: pending)
            let forms = NotificationOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if output.json {
                Output.line(JSONValue.array(list.map(forms.json)).rendered(pretty: true))
            } else if output.csv {
                Output.print(output.csvDocument(header: NotificationOutput.csvHeader, rows: list.map(forms.csvRow)))
            } else if list.isEmpty {
                Output.line(pending ? "no pending notifications" : "no notifications")
            } else {
                let terminal = Terminal(environment: context.environment)
                let table = TextTable(columns: NotificationOutput.tableHeader.map { TextTable.Column($0) },
                                      rows: list.map(forms.tableRow))
                Output.print(table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, maxWidths: [nil, nil, nil, nil, nil, nil, 60]))
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
                notification stays pending and is tried again next run; at the timeout the gateway's whole \
                process group is stopped. Delivery is at least once: a gateway drops repeats by the \
                notification's idempotency_key. One notifier runs at a time per database file. Example: \
                desk notify --exec 'n=$(cat); printf "%s\\n" "$(printf "%s" "$n" | jq -r .text)" | mail -s \
                "MessageDesk" "$(printf "%s" "$n" | jq -r .to.handle)@example.jp"' — it reads the notification once, \
                then picks the text and the address from it; see the README for a log-file gateway.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("exec"), help: "The gateway command.") var command: String
        @Option(help: "Seconds a gateway may take before it counts as failed.") var timeout: Int = 30

        func validate() throws {
            if command.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--exec needs a command") }
            if !(1...3600).contains(timeout) { throw ValidationError("--timeout takes 1 to 3600 seconds") }
        }

        func run() throws {
            let context = try DeskContext.open(global, .write(.notifications))
            let store = context.store
            // A simulation's outbox is addressed to people who do not exist; a real gateway must never see it.
            if try store.purpose() == .simulation {
                throw DeskError(.badInput, "\(store.path) is a simulation: its notifications are addressed to simulated "
                                + "staff and are never sent; point --db or DESK_DB at the real desk")
            }
            let forms = NotificationOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            let gateway = Gateway(command: command, timeout: .seconds(timeout))
            let outcome = try store.withNotifierLock { () throws -> [(OutboxNotification, String?)] in
                try store.notifications(pendingOnly: true, everyAccount: true).map { notification in
                    let attempt = gateway.deliver(forms.json(notification).rendered())
                    Self.show(attempt.output, of: notification)
                    let failure = attempt.failure
                    if let failure {
                        try store.markFailed(notification, error: failure, actor: context.actor, at: context.now)
                    } else {
                        try store.markDelivered(notification, actor: context.actor, at: context.now)
                    }
                    return (notification, failure)
                }
            }
            guard let outcome else {
                throw DeskError(.busy, "another `desk notify` is running; try again when it has finished")
            }
            let failed = outcome.filter { $0.1 != nil }
            if output.json {
                Output.line(JSONValue.object([
                    ("delivered", .array(outcome.filter { $0.1 == nil }.map { .int($0.0.id) })),
                    ("failed", .array(failed.map { item -> JSONValue in
                        .object([("id", .int(item.0.id)), ("error", .string(item.1 ?? ""))])
                    })),
                ]).rendered(pretty: true))
            } else {
                for (notification, failure) in outcome {
                    Output.line(TerminalText.sanitized("#\(notification.id) → \(notification.recipient): "
                                                       + (failure.map { "failed (\($0)); kept for the next run" } ?? "delivered")))
                }
                Output.line("notify: \(outcome.count - failed.count) delivered, \(failed.count) failed")
            }
            if !failed.isEmpty {
                throw DeskError(.busy, "\(failed.count) notification\(failed.count == 1 ? "" : "s") not delivered; they stay pending — run `desk notify` again")
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
        ])
    }

    static let csvHeader = ["id", "created_at", "to", "callback_id", "kind", "reason", "attempts", "delivered_at"]

    func csvRow(_ n: OutboxNotification) -> [String] {
        [String(n.id), times.iso(n.createdAt), n.recipient, String(n.callbackID), n.kind.rawValue, n.reason,
         String(n.attempts), n.deliveredAt.map(times.iso) ?? ""]
    }

    static let tableHeader = ["ID", "AT", "TO", "CALLBACK", "KIND", "STATE", "WHY"]

    func tableRow(_ n: OutboxNotification) -> [String] {
        let state = n.deliveredAt.map { "sent \(times.short($0))" } ?? (n.attempts > 0 ? "pending (\(n.attempts) failed)" : "pending")
        return [String(n.id), times.short(n.createdAt), n.recipient, "#\(n.callbackID)", n.kind.rawValue, state, n.reason]
    }
}
