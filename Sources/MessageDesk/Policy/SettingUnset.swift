/// What `desk config unset` did: whether the scope's own value was removed (nothing is, when none was stored),
/// and the value in force for the scope afterwards with where it now comes from.
public struct SettingUnset: Sendable, Equatable {
    /// True when a stored value was removed, with its event.
    public let removed: Bool
    /// The value in force for the scope now, in its normal form.
    public let value: String
    /// Where that value comes from.
    public let source: SettingSource
}
