import ArgumentParser
import Foundation
import MessageDesk

/// `--account CODE` on the commands that change the office's settings and calendar: that account's own value.
/// Without it the change is the service-wide default every account falls back to (so a one-account desk
/// behaves as before accounts); `$DESK_ACCOUNT` does not narrow it, as a change for one client must be named.
struct SettingScopeOption: ParsableArguments {
    @Option(name: .customLong("account"), help: ArgumentHelp(
        "This client account's own (default: the service-wide one every account falls back to).", valueName: "code"))
    var code: String?

    /// The scope named; for a setting that only an account has (sensitive keywords), the chosen account
    /// (`$DESK_ACCOUNT`, else the desk's only one) when none is named.
    func scope(_ store: DeskStore, for setting: Setting? = nil) throws -> SettingScope {
        if let code, !code.isEmpty {
            try store.selectAccount(code)
            return .account(try store.chosenAccount())
        }
        if setting?.isAccountOnly == true {
            if let chosen = ProcessInfo.processInfo.environment["DESK_ACCOUNT"], !chosen.isEmpty { try store.selectAccount(chosen) }
            return .account(try store.chosenAccount())
        }
        return .service
    }
}

extension SettingScopeOption {
    /// Opens the desk to change its settings or calendar, and the scope the change is for.
    func open(_ global: GlobalOptions, _ access: Access = .write(.settings)) throws -> (DeskContext, SettingScope) {
        var scope = SettingScope.service
        let context = try DeskContext.open(global, access) { store in scope = try self.scope(store) }
        return (context, scope)
    }
}
