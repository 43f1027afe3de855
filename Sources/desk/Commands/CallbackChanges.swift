import ArgumentParser
import MessageDesk

// The commands that move a callback through its life: ack, attempt, done, reassign, cancel, escalate.

extension Desk {
    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge a callback: you have seen it and will call.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id, or the reply code of a notification of it.", completion: DeskCompletion.liveCallbackIDs) var id: CallbackOrCode

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let callback = switch id {
            case .callback(let id): try context.store.acknowledge(id, actor: context.actor, at: context.now)
            case .code(let code): try context.store.act(.acknowledge, replyCode: code, actor: context.actor, at: context.now)
            }
            printOutcome(callback, "acknowledged", context: context, json: output.json)
        }
    }

    struct Attempt: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "attempt", abstract: "Record a try that did not reach the caller.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id.", completion: DeskCompletion.liveCallbackIDs) var id: Int
        @Option(help: "What happened (no answer, voicemail, …).") var note: String?

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let callback = try context.store.recordAttempt(id, note: note, actor: context.actor, at: context.now)
            printOutcome(callback, "attempt \(callback.attempts) recorded on", context: context, json: output.json)
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Close a callback: the caller was called back.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id, or the reply code of a notification of it.", completion: DeskCompletion.liveCallbackIDs) var id: CallbackOrCode
        @Option(help: "What was agreed.") var note: String?

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let callback = switch id {
            case .callback(let id): try context.store.complete(id, note: note, actor: context.actor, at: context.now)
            case .code(let code): try context.store.act(.done, replyCode: code, note: note, actor: context.actor, at: context.now)
            }
            printOutcome(callback, "done:", context: context, json: output.json)
        }
    }

    struct Reassign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reassign",
            abstract: "Give a callback to someone else, or --back to the owner it was routed from.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id.", completion: DeskCompletion.liveCallbackIDs) var id: Int
        @Option(help: "The new owner's handle.") var to: String?
        @Flag(help: "Back to the owner it was routed from while they were away.") var back = false
        @Option(help: "Why.") var reason: String?

        func validate() throws {
            if (to == nil) == !back { throw ValidationError("give either --to HANDLE or --back") }
        }

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let callback = if let to {
                try context.store.reassign(id, to: to, reason: reason, actor: context.actor, at: context.now)
            } else {
                try context.store.reassignBack(id, reason: reason, actor: context.actor, at: context.now)
            }
            printOutcome(callback, "reassigned", context: context, json: output.json)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a callback that is no longer owed.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id.", completion: DeskCompletion.liveCallbackIDs) var id: Int
        @Option(help: "Why it is no longer owed (required).") var reason: String

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let callback = try context.store.cancel(id, reason: reason, actor: context.actor, at: context.now)
            printOutcome(callback, "cancelled", context: context, json: output.json)
        }
    }

    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate",
            abstract: "Escalate a callback by hand: to --to, to the person of ladder step --step, else to the owner's escalation contact.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id.", completion: DeskCompletion.liveCallbackIDs) var id: Int
        @Option(help: "Who should take it (default: the owner's escalation contact).") var to: String?
        @Option(help: "Give it to the person that step N (1-based) of its ladder names.") var step: Int?
        @Option(help: "Why it is escalated.") var reason: String?

        func validate() throws {
            if to != nil && step != nil { throw ValidationError("--to and --step cannot be used together; choose one") }
            if let step, step < 1 { throw ValidationError("--step counts from 1") }
        }

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let callback = try context.store.escalate(id, to: to, step: step, reason: reason, actor: context.actor,
                                                      at: context.now)
            printOutcome(callback, "escalated (level \(callback.escalationLevel))", context: context, json: output.json)
        }
    }
}

/// Prints the outcome of a change: a line for people, the callback for scripts.
func printOutcome(_ callback: CallbackRequest, _ what: String, context: DeskContext, json: Bool) {
    context.warnIfClockWasBehind()
    let times = TimeDisplay(calendar: context.calendar, now: context.now)
    let priority = context.store.policy.priority.score(callback, at: context.now)
    if json {
        Output.line(CallbackOutput(times: times).json(RankedCallback(callback: callback, priority: priority)).rendered(pretty: true))
    } else {
        Output.line(TerminalText.sanitized(
            "\(what) callback #\(callback.id) — \(callback.state.rawValue), owner \(callback.owner), due \(times.short(callback.dueAt))"))
    }
}
