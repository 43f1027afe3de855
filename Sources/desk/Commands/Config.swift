import ArgumentParser
import MessageDesk

extension Setting: ExpressibleByArgument {}

extension Desk {
    /// `desk config`: the office's policies, shared by every terminal through the database.
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show or change the office's settings (business hours, time zone, priority coefficients).",
            subcommands: [Show.self, Set.self])
    }
}

extension Desk.Config {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every setting with its value and meaning.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try DeskContext.open(global, .read)
            let policy = context.store.policy
            if output.json {
                Output.line(JSONValue.object(Setting.allCases.map { ($0.rawValue, .string($0.value(in: policy))) })
                    .rendered(pretty: true))
                return
            }
            let table = TextTable(
                columns: [TextTable.Column("SETTING"), TextTable.Column("VALUE"), TextTable.Column("DEFAULT"),
                          TextTable.Column("MEANING")],
                rows: Setting.allCases.map { [$0.rawValue, $0.value(in: policy), $0.defaultValue, $0.summary] })
            Output.print(table.rendered())
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a setting (recorded in the event log).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The setting.") var key: Setting
        @Argument(help: "Its new value.") var value: String

        func run() throws {
            try SettingChange.run(key, to: value, global: global, json: output.json)
        }
    }
}
