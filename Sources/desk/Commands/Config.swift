import ArgumentParser
import MessageDesk

extension Setting: ExpressibleByArgument {}

extension Desk {
    /// `desk config`: the office's policies, shared by every terminal through the database.
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show or change the office's settings (business hours, time zone, priority coefficients).",
            subcommands: [Show.self, Set.self, Unset.self])
    }
}

extension Desk.Config {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every setting with its value and meaning.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("account"), help: ArgumentHelp(
            "The values in force for this client account, and where each comes from.", valueName: "code"))
        var account: String?

        func run() throws {
            let context = try DeskContext.open(global, .read) { store in
                if let account { try store.selectAccount(account) }
            }
            let policy = context.store.policy
            // Where each value comes from is shown for a named account: the service's own view is unchanged.
            let sources = account == nil ? nil : try context.store.settingSources()
            if output.json {
                Output.line(JSONValue.object(Setting.allCases.map { setting in
                    let value = JSONValue.string(setting.value(in: policy))
                    guard let source = sources?[setting] else { return (setting.rawValue, value) }
                    return (setting.rawValue, .object([("value", value), ("source", .string(source.rawValue))]))
                }).rendered(pretty: true))
                return
            }
            var columns = [TextTable.Column("SETTING"), TextTable.Column("VALUE")]
            if sources != nil { columns.append(TextTable.Column("SOURCE")) }
            let table = TextTable(
                columns: columns + [TextTable.Column("DEFAULT"), TextTable.Column("MEANING")],
                rows: Setting.allCases.map { setting in
                    [setting.rawValue, setting.value(in: policy)] + (sources.map { [$0[setting]?.rawValue ?? ""] } ?? [])
                        + [setting.defaultValue, setting.summary]
                })
            Output.print(table.rendered())
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a setting (recorded in the event log).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The setting.") var key: Setting
        @Argument(help: "Its new value.") var value: String
        @OptionGroup var scope: SettingScopeOption

        func run() throws {
            try SettingChange.run(key, to: value, global: global, scope: scope, json: output.json)
        }
    }

    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unset",
            abstract: "Remove a setting so that it falls back (an account's to the service's, the service's to the default).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The setting.") var key: Setting
        @OptionGroup var scope: SettingScopeOption

        func run() throws {
            var chosen = SettingScope.service
            let context = try DeskContext.open(global, .write(.settings), warnAboutSettings: false) { store in
                chosen = try scope.scope(store, for: key)
            }
            let unset = try context.store.unset(key, for: chosen, actor: context.actor, at: context.now)
            Warning.settings(context.store.settingProblems)
            context.warnIfClockWasBehind()
            let code: String? = if case .account(let account) = chosen { account.code } else { nil }
            if output.json {
                Output.line(JSONValue.object([
                    ("setting", .string(key.rawValue)), ("account", code.map(JSONValue.string) ?? .null),
                    ("unset", .bool(unset.removed)), ("value", .string(unset.value)), ("source", .string(unset.source.rawValue)),
                ]).rendered(pretty: true))
                return
            }
            let scopeName = code.map { " for account \($0)" } ?? ""
            let done = unset.removed ? "\(key.rawValue) unset\(scopeName)" : "\(key.rawValue) is not set\(scopeName); nothing changed"
            Output.line(TerminalText.sanitized("\(done); in force: \(unset.value) (\(unset.source.rawValue))"))
        }
    }
}
