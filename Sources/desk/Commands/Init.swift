import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk init`: creates or migrates the database.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the database (or bring it up to this version's schema) and print its path.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp(
            "The code of a new desk's one account (default: default); an existing desk keeps its accounts.", valueName: "code"))
        var account: String?
        @Option(help: ArgumentHelp(
            "Share the desk with this Unix group: its directory setgid 2770, its files 0660, all the group's (default: owner-only).",
            valueName: "name"))
        var group: String?

        func run() throws {
            let shared = try group.map(SharedGroup.init(named:))
            if let shared { try shared.prepareDirectory(for: DeskContext.databasePath(global, ProcessInfo.processInfo.environment)) }
            let context = try DeskContext.open(global, .write(.database), mode: .create)
            if let account { _ = try context.store.claimFirstAccount(account, actor: context.actor, at: context.now) }
            if let shared { try context.store.share(with: shared, actor: context.actor, at: context.now) }
            if output.json {
                Output.line(JSONValue.object([("database", .string(context.store.path))]).rendered(pretty: true))
            } else {
                // The path is the user's (or $DESK_DB's) text: control and invisible characters are shown, not sent.
                Output.line(TerminalText.sanitized(context.store.path))
            }
        }
    }
}
