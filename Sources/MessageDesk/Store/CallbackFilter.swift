/// Which callbacks a list shows.
public struct CallbackFilter: Sendable, Equatable {
    /// Only callbacks owed by this handle.
    public var owner: String?
    /// The states to include; live (open and acknowledged) by default.
    public var states: Set<CallbackRequest.State>
    /// Only those past their due time.
    public var overdueOnly: Bool
    /// Only urgent ones.
    public var urgentOnly: Bool
    /// At most this many, after sorting.
    public var limit: Int?

    public init(owner: String? = nil, states: Set<CallbackRequest.State> = [.open, .acknowledged],
                overdueOnly: Bool = false, urgentOnly: Bool = false, limit: Int? = nil) {
        self.owner = owner
        self.states = states
        self.overdueOnly = overdueOnly
        self.urgentOnly = urgentOnly
        self.limit = limit
    }
}

/// A callback with its priority as of the moment the list was made.
public struct RankedCallback: Sendable, Equatable {
    public let callback: CallbackRequest
    public let priority: Double

    public init(callback: CallbackRequest, priority: Double) {
        self.callback = callback
        self.priority = priority
    }
}
