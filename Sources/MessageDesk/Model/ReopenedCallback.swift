/// What `desk reopen` did: the callback owed again, which is the reopened one itself, or the live callback the
/// caller already had with the same owner, which the reopened one joined.
public struct ReopenedCallback: Sendable, Equatable {
    /// The callback owed now.
    public let callback: CallbackRequest
    /// The id of the closed callback that was reopened.
    public let reopenedID: Int
    /// True when the reopened callback joined `callback` (a live one of the same caller and owner) instead of
    /// coming back itself: the database holds one live callback per caller and owner.
    public var joined: Bool { callback.id != reopenedID }
}
