import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk take`: the interactive message form, for an operator with the caller on the line.
    struct Take: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "take",
            abstract: "Take a message with a form: asks, shows a summary, saves only when you confirm.",
            discussion: """
                Answers can be piped in, one per line (the message ends at an empty line). \
                Japanese prompts when LC_ALL, LC_MESSAGES or LANG starts with "ja". \
                Ctrl-C, end of input or answering n at the end saves nothing (exit 130, 1, 1).
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @Flag(help: "Print the saved callback as JSON on stdout; the dialogue goes to stderr.") var json = false
        @Option(help: ArgumentHelp("The line the call came in on (a dialled number); it chooses the account.",
                                   valueName: "number"))
        var line: String?
        @Option(name: .customLong("request-id"),
                help: "The key of this submission (\(RequestID.rules)); default: a random one made when the form starts.")
        var requestID: String?

        func validate() throws {
            if let requestID { _ = try RequestIDOption.parse(requestID) }
        }

        func run() throws {
            // Made once, when the form starts: a save tried again inside the form is the same request.
            var generator = SystemRandomNumberGenerator()
            let key = try requestID.map(RequestIDOption.parse) ?? RequestID.random(using: &generator)
            let context = try DeskContext.open(global, scope, .write(.callbacks), line: line)
            try Self.fillAndSave(context, key: key, json: json, line: try line.map { try context.phone($0, option: "--line") })
        }

        /// Asks the form (with what is already known offered as defaults), shows the summary and saves once confirmed.
        static func fillAndSave(_ context: DeskContext, key: RequestID, json: Bool, line: PhoneNumber?,
                                prefilledOwner: String? = nil, prefilledPhone: PhoneNumber? = nil,
                                phoneCallID: String? = nil) throws {
            let labels = Labels.forLocale(context.environment)
            let times = TimeDisplay(calendar: context.calendar, now: context.now)
            let io = FormIO(toStandardError: json)
            InterruptNotice.install("desk: " + labels.cancelledInterrupt)
            var form = MessageForm(store: context.store, labels: labels, times: times, io: io,
                                   operatorHandle: context.actorHandle)
            form.prefilledOwner = prefilledOwner
            form.prefilledPhone = prefilledPhone
            var message: NewMessage
            do {
                message = try form.fill()
                if let line { message.line = line }
                message.phoneCallID = phoneCallID
                try form.summary(of: message).forEach(io.say)
                guard try form.confirm() else { throw Cancelled(notice: labels.cancelledDeclined) }
            } catch is FormIO.EndOfInput {
                throw Cancelled(notice: labels.cancelledEndOfInput)
            } catch let blocked as MessageForm.Blocked {
                // Checked again as it is written: a number unblocked meanwhile leaves nothing recorded.
                if let call = try context.store.recordIfBlocked(blocked.phone, operatorHandle: context.actorHandle,
                                                                actor: context.actor, at: context.now) {
                    io.say("recorded call \(call.id) as blocked; no callback opened")
                }
                return
            }
            let submission = Submission(id: key, fingerprint: message.fingerprint(actor: context.actor))
            let forms = TakenOutput(times: times, labels: labels)
            while true {
                // From here the message is being saved: Ctrl-C must neither interrupt it nor claim it was lost.
                InterruptNotice.ignore()
                do {
                    let receipt = try context.store.takeMessage(message, submission: submission, actor: context.actor,
                                                                at: context.now) { try forms.receipt($0, store: context.store) }
                    context.warnIfClockWasBehind()
                    if json { Output.print(receipt.json + "\n") } else { io.say(receipt.text) }
                    return
                } catch let error as DeskError where error.kind == .busy {
                    // Nothing was saved; the same request id makes another try safe even if one had been.
                    io.reject("\(labels.notSavedYet): \(error.message)")
                    InterruptNotice.install("desk: " + labels.cancelledInterrupt)
                    do {
                        guard try form.confirmSaveAgain() else { throw error }
                    } catch is FormIO.EndOfInput {
                        throw error
                    }
                }
            }
        }
    }

    /// The operator stopped the form; nothing was written.
    struct Cancelled: Error {
        let notice: String
    }
}

/// Says "nothing was saved" when Ctrl-C ends the form, using only async-signal-safe calls.
enum InterruptNotice {
    /// The notice as a C string, made before the handler is installed (a handler may not allocate).
    private nonisolated(unsafe) static var notice: UnsafeMutablePointer<CChar>?
    private nonisolated(unsafe) static var length = 0

    static func install(_ text: String) {
        let line = "\n" + text + "\n"
        notice = strdup(line)
        length = line.utf8.count
        signal(SIGINT) { _ in
            if let notice = InterruptNotice.notice { _ = write(STDERR_FILENO, notice, InterruptNotice.length) }
            _exit(130)
        }

    }

    /// Ctrl-C is ignored while the confirmed message is saved and reported.
    static func ignore() {
        signal(SIGINT, SIG_IGN)
    }
}
