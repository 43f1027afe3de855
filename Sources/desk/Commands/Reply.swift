import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk reply --stdin`: a mail or chat reply to a notification, piped in by the mail system or a chat bridge.
    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reply",
            abstract: "Act on a reply to a notification read from stdin: ack (了解) or done (対応済み), by its reply code.",
            discussion: """
                Reads a mail (headers, body, quoted lines beginning with '>') or a chat message. The first word of \
                the first unquoted line says what to do: ack or 了解 acknowledges the callback, done or 対応済み \
                closes it. The reply code is taken from the unquoted body, else from the Subject. A code acts \
                once; an unknown or used code changes nothing and exits 65.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Flag(help: "Read the reply from standard input (required).") var stdin = false

        /// More than a reply: refused rather than read into memory without end.
        static let limit = 1 << 20

        func validate() throws {
            if !stdin { throw ValidationError("give --stdin and pipe the reply in") }
        }

        func run() throws {
            let text = try StandardInput.readAll(limit: Self.limit, what: "the reply")
            let reply = ReplyAct.read(reply: text)
            guard let code = reply.code else {
                throw DeskError(.badInput, "the reply holds no reply code; it must contain the code from the notification")
            }
            guard let act = reply.act else {
                throw DeskError(.badInput, "the reply does not say what to do: begin it with ack, 了解, done or 対応済み")
            }
            let context = try DeskContext.open(global, scope, .write(.callbacks))
            let callback = try context.store.act(act, replyCode: code, actor: context.actor, at: context.now)
            printOutcome(callback, act == .done ? "done:" : "acknowledged", context: context, json: output.json)
        }
    }
}
