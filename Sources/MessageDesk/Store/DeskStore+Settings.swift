import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Settings, per account over the service's

    /// The stored settings in force for the chosen account (its own over the service's; only those set, the rest
    /// take their defaults); the service's alone when no account is chosen.
    public func storedSettings() throws -> [String: String] {
        try read { try Self.storedSettings(in: database, accountID: account?.id) }
    }

    /// Where each setting's value in force for the chosen account comes from (the service's when none is chosen).
    public func settingSources() throws -> [Setting: SettingSource] {
        try read {
            let service = try Self.storedRows(in: database, accountID: nil)
            let own = try account.map { try Self.storedRows(in: database, accountID: $0.id) } ?? [:]
            return Dictionary(uniqueKeysWithValues: Setting.allCases.map { ($0, Self.source(of: $0, own: own, service: service)) })
        }
    }

    /// Where `setting`'s value comes from, given the rows of an account (`own`) and of the service.
    private static func source(of setting: Setting, own: [String: String], service: [String: String]) -> SettingSource {
        own[setting.rawValue] != nil ? .account : service[setting.rawValue] != nil ? .service : .default
    }

    /// The policy of account `id`: the chosen account's is `policy`; another's (the sweep's) is resolved once.
    func policy(ofAccount id: Int) throws -> DeskPolicy {
        if id == account?.id { return policy }
        if let known = accountPolicies[id] { return known }
        let resolved = try Self.settings(in: database, accountID: id).policy
        accountPolicies[id] = resolved
        return resolved
    }

    /// Reads the chosen account's policy (the service's when none is chosen) and forgets every other account's.
    func reloadPolicy() throws {
        let settings = try read { try Self.settings(in: database, accountID: account?.id) }
        (policy, settingProblems) = (settings.policy, settings.problems)
        accountPolicies.removeAll()
    }

    /// True once migration 0012 gave settings and calendar entries their account scope (a database migrated only
    /// part of the way, as the migration tests make, has one office-wide scope).
    static func hasAccountScope(_ database: Database) throws -> Bool {
        try database.scalarInt("SELECT count(*) FROM pragma_table_info('settings') WHERE name = 'account_id'") == 1
    }

    /// The rows stored for exactly one scope: the service's (nil) or one account's.
    private static func storedRows(in database: Database, accountID: Int?) throws -> [String: String] {
        var stored: [String: String] = [:]
        guard try hasAccountScope(database) else {
            if accountID == nil {
                try database.statement("SELECT key, value FROM settings").forEach { stored[try $0.string(0)] = try $0.string(1) }
            }
            return stored
        }
        try database.statement("SELECT key, value FROM settings WHERE account_id IS ?")
            .forEach([.int(accountID)]) { stored[try $0.string(0)] = try $0.string(1) }
        return stored
    }

    /// The settings stored for account `accountID` over the service's (the service's alone for nil).
    static func storedSettings(in database: Database, accountID: Int?) throws -> [String: String] {
        var stored = try storedRows(in: database, accountID: nil)
        if let accountID {
            stored.merge(try storedRows(in: database, accountID: accountID)) { _, own in own }
        }
        return stored
    }

    /// The settings in force for account `accountID` (the service's for nil) and the stored ones that are not
    /// (`desk check` reads them too), with the calendar entries of the account and the service over the calendar
    /// the settings give. A ladder may name staff of the account or of the service.
    static func settings(in database: Database, accountID: Int? = nil, stored: [String: String]? = nil) throws -> DeskSettings {
        let scoped = try hasAccountScope(database)
        let resolved = try DeskSettings.resolve(stored ?? storedSettings(in: database, accountID: accountID)) { handle in
            guard scoped, let accountID else {
                return try database.scalarInt("SELECT id FROM staff WHERE handle = ?", [.text(handle)]) != nil
            }
            return try database.scalarInt("SELECT id FROM staff WHERE handle = ? AND (account_id IS NULL OR account_id = ?)",
                                          [.text(handle), .int(accountID)]) != nil
        }
        var policy = resolved.policy
        policy.calendar = policy.calendar.with(entries: try calendarEntries(in: database, accountID: accountID))
        return DeskSettings(policy: policy, problems: resolved.problems)
    }

    /// The stored settings not in force anywhere: the service's, then each account's that its own values cause
    /// (a problem it only inherits is the service's, reported once).
    static func settingProblemsOfEveryScope(in database: Database) throws -> [SettingProblem] {
        let service = try settings(in: database).problems
        guard try hasAccountScope(database) else { return service }
        var problems = service
        let accounts = try database.statement("""
            SELECT DISTINCT a.id, a.code FROM settings s JOIN accounts a ON a.id = s.account_id ORDER BY a.code
            """
        ).map { (id: try $0.int(0), code: try $0.string(1)) }
        for account in accounts {
            problems += try settings(in: database, accountID: account.id).problems
                .filter { !service.contains($0) }.map { $0.ofAccount(account.code) }
        }
        return problems
    }

    /// Changes one setting for the whole service, as before accounts (the one account follows it); a setting
    /// that only an account has (the sensitive keywords) for the chosen account.
    public func set(_ setting: Setting, to value: String, actor: String, at now: Date) throws {
        try set(setting, to: value, for: setting.isAccountOnly ? .account(try chosenAccount()) : .service, actor: actor, at: now)
    }

    /// Changes one setting of `scope`, with its event; the new policy applies at once.
    ///
    /// The settings are checked as a whole, as loading checks them: the change is refused (bad input) unless,
    /// with every other stored setting as it is, the desk will load it and it will be in force for the scope.
    public func set(_ setting: Setting, to value: String, for scope: SettingScope, actor: String, at now: Date) throws {
        do { try TextLimit.settingValue.check(value) } catch { throw DeskError(.badInput, "\(setting.rawValue): \(error.message)") }
        try write {
            switch scope {
            case .service where setting.isAccountOnly:
                throw DeskError(.badInput,
                    "\(setting.rawValue) is each account's own (none by default); give --account CODE to set it for one")
            case .service:
                break
            case .account(let account):
                try refuseIfClosed(account.id)
            }
            let at = stamp(now, after: [(try latestTime("SELECT max(at) FROM events WHERE subject = 'setting'"),
                                         "the latest settings change")])
            var stored = try Self.storedSettings(in: database, accountID: scope.accountID)
            let before = try Self.storedRows(in: database, accountID: scope.accountID)[setting.rawValue]
            stored[setting.rawValue] = value
            // The normal form is what is stored; it is checked again, so what is stored is exactly what loads.
            let normalised = setting.value(in: try checked(setting, stored, scope).policy)
            stored[setting.rawValue] = normalised
            _ = try checked(setting, stored, scope)
            if try !Self.hasAccountScope(database) {
                try database.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [.text(setting.rawValue), .text(normalised)])
            } else if before == nil {
                try database.execute("INSERT INTO settings (account_id, key, value) VALUES (?, ?, ?)",
                                     [.int(scope.accountID), .text(setting.rawValue), .text(normalised)])
            } else {
                try database.execute("UPDATE settings SET value = ? WHERE account_id IS ? AND key = ?",
                                     [.text(normalised), .int(scope.accountID), .text(setting.rawValue)])
            }
            var fields: [(String, JSONValue)] = scope.eventCode.map { [("account", .string($0))] } ?? []
            fields.append(("key", .string(setting.rawValue)))
            try appendEvent(.settingChanged, scope.accountID ?? 0, actor: actor, at: at,
                before: .object(fields + [("value", before.map(JSONValue.string) ?? .null)]),
                after: .object(fields + [("value", .string(normalised))]))
        }
        try reloadPolicy()
    }

    /// Removes `scope`'s own value of `setting`, with its event (`setting.changed` to a null value), so that it falls
    /// back: an account's to the service's, the service's to the default. Removing a value that is not stored
    /// changes nothing and writes no event; the value in force and where it now comes from are returned either way.
    ///
    /// As `set` does, it is refused (bad input) when, without the value, another stored setting of the scope
    /// would no longer be in force (a ladder's steps that only fit its own cycle, for example).
    public func unset(_ setting: Setting, for scope: SettingScope, actor: String, at now: Date) throws -> SettingUnset {
        let removed: Bool = try write {
            if setting.isAccountOnly, case .service = scope {
                throw DeskError(.badInput,
                    "\(setting.rawValue) is each account's own (none by default); give --account CODE to unset it for one")
            }
            if case .account(let account) = scope { try refuseIfClosed(account.id) }
            guard let before = try Self.storedRows(in: database, accountID: scope.accountID)[setting.rawValue] else { return false }
            var stored = try Self.storedSettings(in: database, accountID: scope.accountID)
            let problems = try Self.settings(in: database, accountID: scope.accountID, stored: stored).problems
            stored[setting.rawValue] = nil
            if case .account = scope, let service = try Self.storedRows(in: database, accountID: nil)[setting.rawValue] {
                stored[setting.rawValue] = service
            }
            if let problem = try Self.settings(in: database, accountID: scope.accountID, stored: stored).problems
                .first(where: { !problems.contains($0) }) {
                throw DeskError(.badInput, "\(setting.rawValue) cannot be unset: \(problem.reason); change or unset the others first")
            }
            let at = stamp(now, after: [(try latestTime("SELECT max(at) FROM events WHERE subject = 'setting'"),
                                         "the latest settings change")])
            try database.execute("DELETE FROM settings WHERE account_id IS ? AND key = ?",
                                 [.int(scope.accountID), .text(setting.rawValue)])
            var fields: [(String, JSONValue)] = scope.eventCode.map { [("account", .string($0))] } ?? []
            fields.append(("key", .string(setting.rawValue)))
            try appendEvent(.settingChanged, scope.accountID ?? 0, actor: actor, at: at,
                before: .object(fields + [("value", .string(before))]), after: .object(fields + [("value", .null)]))
            return true
        }
        try reloadPolicy()
        return try read {
            let own = try scope.accountID.map { try Self.storedRows(in: database, accountID: $0) } ?? [:]
            let service = try Self.storedRows(in: database, accountID: nil)
            let policy = try Self.settings(in: database, accountID: scope.accountID).policy
            return SettingUnset(removed: removed, value: setting.value(in: policy),
                                source: Self.source(of: setting, own: own, service: service))
        }
    }

    /// The settings `stored` gives `scope`, unless `setting` would not be in force with them.
    private func checked(_ setting: Setting, _ stored: [String: String], _ scope: SettingScope) throws -> DeskSettings {
        let settings = try Self.settings(in: database, accountID: scope.accountID, stored: stored)
        if let problem = settings.problems.first(where: { $0.concerns(setting) }) {
            throw DeskError(.badInput, "\(setting.rawValue): \(problem.reason)")
        }
        return settings
    }
}
