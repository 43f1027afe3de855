import Foundation

/// Where a notification is on its way to its recipient, as `notifications.state` stores it (migration 0015).
///
/// pending → sending → delivered; or sending → failed-temporary, due again at its `nextAttemptAt`; or
/// sending → failed-permanent, kept for a person to read (`desk notifications --failed`) and never tried again.
public enum DeliveryState: String, CaseIterable, Sendable {
    case pending
    /// Handed to a gateway by the notifier holding the lock; found so by the next holder, the run died.
    case sending
    case delivered
    case failedTemporary = "failed-temporary"
    case failedPermanent = "failed-permanent"

    /// Still on its way: the notifier will try it (now or after its backoff).
    public var isUndelivered: Bool {
        switch self {
        case .pending, .sending, .failedTemporary: true
        case .delivered, .failedPermanent: false
        }
    }
}

/// How long the notifier waits before it tries a notification again after a temporary failure: one minute
/// after the first failure, doubling with each one after it (1, 2, 4, 8, 16, 32 min), never more than an hour.
///
/// A far end that is down for a minute is retried within a minute; one down for a day is asked once an hour,
/// which is no load on it, and the notification still reaches its recipient within the hour of its return.
public enum DeliveryBackoff {
    /// The longest wait between two tries.
    public static let longest: TimeInterval = 3600

    /// The wait after the `failures`-th failed attempt (1 for the first).
    public static func delay(afterFailures failures: Int) -> TimeInterval {
        let doublings = min(max(failures, 1) - 1, 6)  // 2^6 min is past the cap already
        return min(60 * Double(1 << doublings), longest)
    }
}

/// Which notifications a list shows.
public enum OutboxSelection: Sendable, Equatable {
    /// Every notification.
    case all
    /// Those still on their way (pending, sending, failed-temporary).
    case undelivered
    /// Those that failed permanently.
    case failed
    /// What the notifier sends at `now`: pending ones, ones a dead notifier left sending, and temporary
    /// failures whose wait has passed.
    case due(Date)
}
