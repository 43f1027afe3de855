import MessageDesk

/// One setting changed from the command line (`desk config set`, `desk calendar year-end`, `desk calendar
/// holidays`), with its event, and printed as stored: `national_holidays = off`.
enum SettingChange {
    static func run(_ setting: Setting, to value: String, global: GlobalOptions, scope option: SettingScopeOption,
                    json: Bool) throws {
        // What is still not in force is said after the change, which may have repaired it.
        var scope = SettingScope.service
        let context = try DeskContext.open(global, .write(.settings), warnAboutSettings: false) { store in
            scope = try option.scope(store, for: setting)
        }
        try context.store.set(setting, to: value, for: scope, actor: context.actor, at: context.now)
        Warning.settings(context.store.settingProblems)
        context.warnIfClockWasBehind()
        let stored = setting.value(in: context.store.policy)
        if json {
            Output.line(JSONValue.object([(setting.rawValue, .string(stored))]).rendered(pretty: true))
        } else if let code = option.code, case .account = scope {
            Output.line(TerminalText.sanitized("\(setting.rawValue) = \(stored) (account \(code))"))
        } else {
            Output.line(TerminalText.sanitized("\(setting.rawValue) = \(stored)"))
        }
    }
}
