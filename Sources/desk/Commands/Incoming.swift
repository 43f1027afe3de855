import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk incoming`: a phone system's hook, or a softphone's screen-pop, when a line rings.
    struct Incoming: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "incoming",
            abstract: "Show who a ringing call is for and from: the account's greeting, the person, the caller.",
            discussion: """
                For a phone system's dialplan hook or a softphone's screen-pop. It reads only: nothing is \
                written (record the call with desk log --line --call-id). An unknown line is an error \
                (exit 65) that lists the accounts; an unknown diversion or caller is not. With \
                --take, on a terminal, the message form of desk take follows, for the line's account, with the \
                person and the caller's number offered as answers.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("to"), help: ArgumentHelp("The dialled number: a line of an account.", valueName: "dialled"))
        var dialled: String
        @Option(name: .customLong("from"), help: ArgumentHelp("The caller's number (empty: withheld).", valueName: "caller"))
        var caller: String?
        @Option(help: ArgumentHelp("The number the call was diverted from (a mobile forwarding on no answer; empty: none).",
                                   valueName: "number"))
        var diversion: String?
        @Option(name: .customLong("call-id"), help: ArgumentHelp("The phone system's id for the call, echoed back.",
                                                                 valueName: "id"))
        var callID: String?
        @Flag(help: "Then open the message form (desk take) for this call; a terminal only.") var take = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if take, output.json { throw ValidationError("--take opens the form on the terminal; leave out --json") }
        }

        func run() throws {
            if take, isatty(STDIN_FILENO) != 1 {
                throw ValidationError("--take opens the form on a terminal; run it on one, or record the call with desk log --line --call-id")
            }
            // Made once, before anything is asked: a save tried again inside the form is the same request.
            var generator = SystemRandomNumberGenerator()
            let key = RequestID.random(using: &generator)
            // Only --take writes, and only what the form saves: the look-up itself reads.
            let context = take ? try DeskContext.open(global, try AccountOption.parse([]), .write(.callbacks), line: dialled)
                               : try DeskContext.open(global, .read)
            // A dialplan passes an empty value for a withheld number or a call that was not diverted: not given.
            let caller = caller.flatMap { $0.isEmpty ? nil : $0 }
            let diversion = diversion.flatMap { $0.isEmpty ? nil : $0 }
            let call = try context.store.incoming(
                line: try context.phone(dialled, option: "--to"), callerPhone: try caller.map { try context.phone($0, option: "--from") },
                diversion: try diversion.map { try context.phone($0, option: "--diversion") },
                phoneCallID: try callID.map(PhoneCallID.checked), at: context.now)
            let forms = IncomingOutput(times: TimeDisplay(calendar: context.calendar, now: context.now))
            if output.json {
                Output.line(forms.json(call).rendered(pretty: true))
            } else {
                Output.print(forms.lines(call).map { TerminalText.sanitized($0) + "\n" }.joined())
            }
            guard take else { return }
            try Desk.Take.fillAndSave(context, key: key, json: false, line: call.line, prefilledOwner: call.person?.handle,
                                      prefilledPhone: call.callerPhone, phoneCallID: call.phoneCallID)
        }
    }
}
