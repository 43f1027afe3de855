import ArgumentParser
import MessageDesk

extension Desk {
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: "Fix a wrong detail of a callback: the caller's phone or name, or a note on its message.",
            discussion: """
                The call and the message stay as they were taken: the correction is kept beside them, with its event, \
                `desk show` and the lists show the corrected value, and `desk history` shows both. `desk report` \
                counts corrections per 100 messages (伝言ミス).
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The callback id.") var id: Int
        @Option(help: "The caller's right phone number.") var phone: String?
        @Option(help: "The caller's right name.") var caller: String?
        @Option(name: .customLong("message-note"), help: "What the latest message should have said, noted beside its words.")
        var messageNote: String?
        @Option(help: "Why (optional).") var reason: String?

        func validate() throws {
            if [phone, caller, messageNote].allSatisfy({ $0 == nil }) {
                throw ValidationError("say what to correct: --phone NUMBER, --caller NAME or --message-note TEXT")
            }
        }

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            var fixes: [Correction] = []
            if let phone { fixes.append(.phone(try context.phone(phone, option: "--phone"))) }
            if let caller { fixes.append(.caller(caller)) }
            if let messageNote { fixes.append(.messageNote(messageNote)) }
            let callback = try context.store.correct(id, fixes, reason: reason, actor: context.actor, at: context.now)
            printOutcome(callback, "corrected", context: context, json: output.json)
        }
    }
}
