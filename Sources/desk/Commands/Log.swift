import ArgumentParser
import MessageDesk

/// What the caller wants, as typed on the command line.
enum WantsArgument: String, ExpressibleByArgument, CaseIterable {
    case callback
    case callAgain = "call-again"
    case info
    case verify

    var wants: Message.Wants {
        switch self {
        case .callback: .callback
        case .callAgain: .callAgain
        case .info: .info
        case .verify: .verify
        }
    }
}

/// A call that leaves no message, as typed after `--outcome`.
enum OutcomeArgument: String, ExpressibleByArgument, CaseIterable {
    case sales
    case wrongNumber = "wrong-number"
    case silent, spam, test

    var category: CallCategory {
        switch self {
        case .sales: .sales
        case .wrongNumber: .wrongNumber
        case .silent: .silent
        case .spam: .spam
        case .test: .test
        }
    }
}

extension Desk {
    /// `desk log`: records a call and its message, and opens or joins the callback.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Record a call and its message; open the callback, or join the caller's open one.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("for"), help: "Whom the call was for (handle).", completion: DeskCompletion.staffHandles) var owner: String?
        @Option(help: "The caller's name.") var caller: String?
        @Option(help: "The caller's phone number (03-1234-5678, +81 3 1234 5678).") var phone: String?
        @Option(help: "The caller's company.") var company: String?
        @Option(help: "The message, in the caller's words.") var message: String?
        @Option(help: "A call that leaves no message and opens no callback: sales (営業電話, declined), wrong-number, silent (無言; --phone optional), spam or test.")
        var outcome: OutcomeArgument?
        @Flag(help: "The caller said it is urgent.") var urgent = false
        @Option(help: "What the caller wants: callback, call-again, info or verify.") var wants: WantsArgument = .callback
        @Option(help: "Not before this time (the caller's window opens): 15:00, 15時, +1h, 明日10時, 11/24 15:00.") var after: String?
        @Option(help: "By this time (the caller's window closes; the callback is due then): 17:00, 今日中, 明日, 月曜, 11/24 15:00.") var by: String?
        @Flag(name: .customLong("new-contact"), help: "The caller is new to the company.") var newContact = false
        @Option(name: .customLong("operator"), help: "The operator who took the call (default: --as).") var takenBy: String?
        @Flag(name: .customLong("tried-mobile"), help: "The caller tried the salesperson's mobile first.")
        var triedMobile = false
        @OptionGroup(title: "Buyer attributes (optional; they decide the buyer type)") var buyer: BuyerOptions
        @Flag(help: "Sensitive: lists show that the message exists, not its words (desk show shows them).")
        var sensitive = false
        @Option(help: ArgumentHelp("The line the call came in on (a dialled number); it chooses the account.",
                                   valueName: "number"))
        var line: String?
        @Option(name: .customLong("call-id"),
                help: ArgumentHelp("The phone system's id for the call; a call id the account has logged is refused.",
                                   valueName: "id"))
        var callID: String?
        @Option(name: .customLong("request-id"),
                help: "A key for this submission (\(RequestID.rules)): a retry with the same key prints the first result and records nothing.")
        var requestID: String?

        func validate() throws {
            if let requestID { _ = try RequestIDOption.parse(requestID) }
            if let outcome {
                // A message's options are refused by name, never dropped in silence.
                let messageOnly: [(String, Bool)] = [
                    ("--for", owner != nil), ("--caller", caller != nil), ("--company", company != nil), ("--message", message != nil),
                    ("--urgent", urgent), ("--wants", wants != .callback), ("--after", after != nil), ("--by", by != nil),
                    ("--new-contact", newContact), ("--tried-mobile", triedMobile), ("--decision", buyer.decision != nil),
                    ("--proceed", buyer.proceed != nil), ("--order-within", buyer.orderWithin != nil),
                    ("--vendors", buyer.vendors != nil), ("--sensitive", sensitive), ("--call-id", callID != nil),
                ]
                let given = messageOnly.filter(\.1).map(\.0)
                if !given.isEmpty {
                    throw ValidationError("--outcome records a call that leaves no message: drop \(given.joined(separator: ", "))")
                }
                if phone == nil && outcome != .silent {
                    throw ValidationError("missing --phone: a \(outcome.rawValue) call needs the caller's number (only a silent caller may have none)")
                }
                return
            }
            for (option, value) in [("--for", owner), ("--caller", caller), ("--phone", phone), ("--message", message)] where value == nil {
                throw ValidationError("missing \(option); or give --outcome for a call that leaves no message")
            }
        }

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks), line: line)
            let number = try phone.map { try context.phone($0, option: "--phone") }
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            if let outcome {
                let new = NewScreenedCall(outcome: outcome.category, phone: number, operatorHandle: takenBy ?? context.actorHandle)
                guard let requestID else {
                    let call = try context.store.recordScreenedCall(new, actor: context.actor, at: context.now)
                    printScreened(call, asked: outcome.category, times: times)
                    return
                }
                let submission = Submission(id: try RequestIDOption.parse(requestID),
                                            fingerprint: new.fingerprint(actor: context.actor, account: try context.store.chosenAccount().code))
                let receipt = try context.store.recordScreenedCall(new, submission: submission, actor: context.actor, at: context.now) {
                    SubmissionReceipt(text: screenedText($0, asked: outcome.category), json: screenedJSON($0, times: times))
                }
                Output.line(output.json ? receipt.json : receipt.text)
                return
            }
            guard let owner, let caller, let message, let number else { return }  // validate() requires them
            // A number on the account's block list is recorded as blocked, and no callback is opened (with a request
            // id, once, in the submission's transaction below).
            if requestID == nil, let call = try context.store.recordIfBlocked(number, operatorHandle: takenBy ?? context.actorHandle,
                                                            actor: context.actor, at: context.now) {
                printScreened(call, asked: .message, times: times)
                return
            }
            var new = NewMessage(
                forHandle: owner, callerName: caller, phone: number,
                company: company, body: message, urgent: urgent, wants: wants.wants,
                notBefore: try after.map { try context.time($0, option: "--after") },
                notAfter: try by.map { try context.time($0, option: "--by") }, newContact: newContact,
                operatorHandle: takenBy ?? context.actorHandle, triedMobile: triedMobile, buyer: buyer.attributes,
                sensitive: sensitive)
            new.line = try line.map { try context.phone($0, option: "--line") }
            new.phoneCallID = try callID.map(PhoneCallID.checked)
            let forms = TakenOutput(times: TimeDisplay(calendar: context.calendar, now: context.now), labels: .english)
            if let requestID {
                // The window as typed: `--by +2h` retried a minute later is the same request.
                let submission = Submission(id: try RequestIDOption.parse(requestID),
                                            fingerprint: new.fingerprint(actor: context.actor, window: (after, by)))
                let receipt = try context.store.takeMessage(new, submission: submission, actor: context.actor, at: context.now,
                                                            receipt: { try forms.receipt($0, store: context.store) },
                                                            blocked: { SubmissionReceipt(text: screenedText($0, asked: .message),
                                                                                         json: screenedJSON($0, times: times)) })
                context.warnIfClockWasBehind()
                Output.print((output.json ? receipt.json : receipt.text) + "\n")
                return
            }
            let taken = try context.store.takeMessage(new, actor: context.actor, at: context.now)
            context.warnIfClockWasBehind()
            let report = try forms.report(taken, store: context.store, json: output.json)
            Output.print(report.map { $0 + "\n" }.joined())
        }

        /// Says what was recorded for a call that left no message, and why when a block list decided it.
        private func printScreened(_ call: ScreenedCall, asked: CallCategory, times: TimeDisplay) {
            Output.line(output.json ? screenedJSON(call, times: times) : screenedText(call, asked: asked))
        }

        private func screenedJSON(_ call: ScreenedCall, times: TimeDisplay) -> String {
            JSONValue.object([
                ("call_id", .int(call.id)), ("account", .string(call.account)), ("outcome", .string(call.outcome.rawValue)),
                ("phone", call.phone.map { .string($0.e164) } ?? .null), ("at", .string(times.iso(call.at))),
            ]).rendered(pretty: true)
        }

        private func screenedText(_ call: ScreenedCall, asked: CallCategory) -> String {
            let blocked = call.outcome == .blocked && asked != .blocked
            return "recorded call \(call.id) as \(call.outcome.argument)"
                + (blocked ? ": \(call.phone?.national ?? "the number") is on \(call.account)'s block list" : "")
                + "; no callback opened"
        }
    }
}
