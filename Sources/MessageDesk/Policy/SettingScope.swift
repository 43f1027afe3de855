/// Where a setting's value is stored: the service-wide default every account falls back to, or one account's own.
public enum SettingScope: Sendable, Equatable {
    case service
    case account(Account)

    /// The account's id; nil for the service.
    var accountID: Int? {
        if case .account(let account) = self { return account.id }
        return nil
    }

    /// The account's code in a setting's event; nil for the service, whose events keep their old fields.
    var eventCode: String? {
        if case .account(let account) = self { return account.code }
        return nil
    }
}

/// Where the value in force for an account comes from, for `desk config show`.
public enum SettingSource: String, Sendable {
    /// Set for the account itself.
    case account
    /// Not set for the account: the service-wide value.
    case service
    /// Set nowhere: the documented default.
    case `default`
}
