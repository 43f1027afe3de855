import Foundation

/// A stored setting that is not in force, why, and how to fix it: what a desk reports (every command warns,
/// `desk check` lists it) instead of refusing to start.
public struct SettingProblem: Sendable, Equatable {
    /// The stored settings the problem names.
    public let settings: [Setting]
    /// The group that fell back to its defaults as a whole, when the problem is that its values do not fit.
    public let group: Setting.Group?
    /// Why the value, or the group, cannot be used.
    public let reason: String
    /// One line for a person: what is not in force, why, what applies instead and the command that fixes it.
    public let message: String

    /// A stored value that cannot be read on its own: its default applies.
    static func unreadable(_ setting: Setting, value: String, reason: String) -> SettingProblem {
        let key = setting.rawValue
        return SettingProblem(
            settings: [setting], group: nil, reason: reason,
            message: "the stored setting \(key) = \(InputError.quoted(value)) is not in force (\(reason)); its default \(setting.defaultValue) applies until you fix it with `desk config set \(key) VALUE`")
    }

    /// Stored values, each readable, that do not fit together: the whole group's defaults apply.
    static func misfit(_ group: Setting.Group, settings: [Setting], values: [String], reason: String) -> SettingProblem {
        let defaults = "the defaults of \(group.name) apply"
        let message = if settings.count == 1, let setting = settings.first, let value = values.first {
            "the stored setting \(setting.rawValue) = \(InputError.quoted(value)) is not in force (\(reason)); \(defaults) until you fix it with `desk config set \(setting.rawValue) VALUE`"
        } else {
            "the stored settings \(settings.map(\.rawValue).joined(separator: ", ")) do not fit together (\(reason)); \(defaults) until `desk config set` makes them fit"
        }
        return SettingProblem(settings: settings, group: group, reason: reason, message: message)
    }

    /// The same problem of account `code`'s own settings: the message names the account and the fix takes --account.
    func ofAccount(_ code: String) -> SettingProblem {
        let fix = message.replacingOccurrences(of: " VALUE`", with: " VALUE --account \(code)`")
            .replacingOccurrences(of: "`desk config set` makes", with: "`desk config set … --account \(code)` makes")
        return SettingProblem(settings: settings, group: group, reason: reason, message: "account \(code): \(fix)")
    }

    /// True when `setting` is not in force because of this problem: named by it, or in the group that fell back.
    public func concerns(_ setting: Setting) -> Bool {
        settings.contains(setting) || (group != nil && setting.group == group)
    }
}
