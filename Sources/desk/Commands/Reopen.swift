import ArgumentParser
import MessageDesk

extension Desk {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Bring back a callback closed by mistake (done or cancelled).",
            discussion: """
                It is open again for the same owner, due as if the message were taken now (within the caller's window \
                while that is ahead), and its escalation ladders start again. When the caller already has a new live \
                callback for that owner, the reopened one joins it (repeat count, urgency and due time as for a repeat \
                call) and stays closed. `desk history` shows the closing and the reopening.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "The id of the closed callback.") var id: Int
        @Option(help: "Why it is reopened (required).") var reason: String

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let reopened = try context.store.reopen(id, reason: reason, actor: context.actor, at: context.now)
            let what = reopened.joined ? "callback #\(reopened.reopenedID) reopened and joined" : "reopened"
            printOutcome(reopened.callback, what, context: context, json: output.json)
        }
    }
}
