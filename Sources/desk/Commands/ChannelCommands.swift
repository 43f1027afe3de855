import ArgumentParser
import MessageDesk

extension Channel.Kind: ExpressibleByArgument {}

// `desk staff channel …` and `desk account channel …`: where a person, or an account's group, is told.

extension Desk.StaffCommand {
    struct ChannelCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "channel", abstract: "Add, list or remove where a person is told of notifications.",
            subcommands: [AddChannel.self, ListChannels.self, RemoveChannel.self])
    }

    struct AddChannel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a channel: each notification to the person goes to each of their channels.",
            discussion: ChannelForms.addDiscussion)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @Argument(help: "Whose channel.") var handle: String
        @Argument(help: "The kind of channel.") var kind: Channel.Kind
        @Argument(help: "The address (sms: the mobile when left out; lineworks: BOT-ID USER-ID).") var address: [String] = []

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.staff))
            try ChannelForms.add(kind, address, to: .staff(handle), context: context)
        }
    }

    struct ListChannels: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a person's channels.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "Whose channels.") var handle: String

        func run() throws {
            let context = try DeskContext.open(global, scope, .read)
            try ChannelForms.list(.staff(handle), context: context, json: output.json)
        }
    }

    struct RemoveChannel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove one of a person's channels.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: AccountOption
        @Argument(help: "Whose channel.") var handle: String
        @Argument(help: "The channel's id (desk staff channel list).") var id: Int

        func run() throws {
            let context = try DeskContext.open(global, scope, .write(.staff))
            try ChannelForms.remove(id, of: .staff(handle), context: context)
        }
    }
}

extension Desk.AccountCommand {
    struct ChannelCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "channel",
            abstract: "Add, list or remove an account's group channel: for people on leave, with no channel, and reminders.",
            subcommands: [AddChannel.self, ListChannels.self, RemoveChannel.self])
    }

    struct AddChannel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a group channel to an account.", discussion: ChannelForms.addDiscussion)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's code.") var code: String
        @Argument(help: "The kind of channel.") var kind: Channel.Kind
        @Argument(help: "The address (lineworks: BOT-ID USER-ID).") var address: [String] = []

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            try ChannelForms.add(kind, address, to: .account(code), context: context)
        }
    }

    struct ListChannels: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List an account's group channels.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The account's code.") var code: String

        func run() throws {
            let context = try DeskContext.open(global, .read)
            try ChannelForms.list(.account(code), context: context, json: output.json)
        }
    }

    struct RemoveChannel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a group channel from an account.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's code.") var code: String
        @Argument(help: "The channel's id (desk account channel list).") var id: Int

        func run() throws {
            let context = try DeskContext.open(global, .write(.accounts))
            try ChannelForms.remove(id, of: .account(code), context: context)
        }
    }
}

/// What the channel commands of staff and accounts share.
enum ChannelForms {
    static let addDiscussion = """
        Addresses: mail tanaka@example.jp; sms 090-1234-5678 (a person's mobile when left out); slack, teams and \
        webhook take an https:// URL (http:// only to 127.0.0.1 or localhost); chatwork a room id (the token is the \
        gateway's); lineworks the bot id and the user id.
        """

    static func add(_ kind: Channel.Kind, _ address: [String], to owner: DeskStore.ChannelOwner, context: DeskContext) throws {
        let stored = try context.store.addChannel(kind, address, to: owner, actor: context.actor, at: context.now)
        Output.line(TerminalText.sanitized("added \(kind.rawValue) channel #\(stored.id) for \(name(owner)): \(shown(stored.channel))"))
    }

    static func list(_ owner: DeskStore.ChannelOwner, context: DeskContext, json: Bool) throws {
        let channels = try context.store.channels(of: owner)
        if json {
            Output.line(JSONValue.array(channels.map { stored in
                .object([("id", .int(stored.id))] + ChannelForms.json(stored.channel))
            }).rendered(pretty: true))
        } else if channels.isEmpty {
            Output.line(TerminalText.sanitized("\(name(owner)) has no channels"))
        } else {
            let terminal = Terminal(environment: context.environment)
            let table = TextTable(columns: ["ID", "KIND", "ADDRESS"].map { TextTable.Column($0) },
                                  rows: channels.map { [String($0.id), $0.channel.kind.rawValue, shown($0.channel)] })
            Output.print(table.rendered(ambiguousIsWide: terminal.ambiguousIsWide, width: terminal.width))
        }
    }

    static func remove(_ id: Int, of owner: DeskStore.ChannelOwner, context: DeskContext) throws {
        try context.store.removeChannel(id, of: owner, actor: context.actor, at: context.now)
        Output.line(TerminalText.sanitized("removed channel #\(id) of \(name(owner))"))
    }

    /// The channel's fields as a gateway and `--json` read them: kind, address, and bot_id for LINE WORKS.
    static func json(_ channel: Channel) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("kind", .string(channel.kind.rawValue)), ("address", .string(channel.address))]
        if let bot = channel.botID { fields.append(("bot_id", .string(bot))) }
        return fields
    }

    private static func shown(_ channel: Channel) -> String {
        channel.botID.map { "\(channel.address) (bot \($0))" } ?? channel.address
    }

    private static func name(_ owner: DeskStore.ChannelOwner) -> String {
        switch owner {
        case .staff(let handle): handle
        case .account(let code): code
        }
    }
}
