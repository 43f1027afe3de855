import Foundation

/// Hands each due notification of the outbox to a gateway, and records what came of it: sending before the
/// gateway runs, then delivered, failed-temporary (with its next attempt) or failed-permanent.
///
/// Run it only under the store's notifier lock (`DeskStore.withNotifierLock`): that is what makes a row found
/// `sending` one whose notifier died, and so due again.
public struct Notifier {
    let store: DeskStore
    let gateway: Gateway
    let actor: String
    /// The notification as the gateway reads it: one line of JSON.
    let render: (OutboxNotification) -> String

    public init(store: DeskStore, gateway: Gateway, actor: String, render: @escaping (OutboxNotification) -> String) {
        self.store = store
        self.gateway = gateway
        self.actor = actor
        self.render = render
    }

    /// What came of one notification.
    public struct Delivery: Sendable {
        public let notification: OutboxNotification
        /// Nil when delivered; else why not, on one line.
        public let failure: String?
        /// When a temporary failure is tried again; nil when delivered or failed for good.
        public let retryAt: Date?
        /// What the gateway printed.
        public let output: GatewayOutput
    }

    /// Delivers every notification due at the clock's time, oldest first, reading the clock again for each
    /// change of state; stops before the next one once `stop` says so.
    public func deliverDue(clock: () throws -> Date, stop: () -> Bool = { false }) throws -> [Delivery] {
        var done: [Delivery] = []
        for notification in try store.notifications(.due(try clock()), everyAccount: true) {
            if stop() { break }
            try store.markSending(notification, actor: actor, at: try clock())
            let attempt = gateway.deliver(render(notification))
            var retryAt: Date?
            if let failure = attempt.failure {
                retryAt = try store.markFailed(notification, error: failure, permanent: attempt.permanent, actor: actor, at: try clock())
            } else {
                try store.markDelivered(notification, actor: actor, at: try clock())
            }
            done.append(Delivery(notification: notification, failure: attempt.failure, retryAt: retryAt, output: attempt.output))
        }
        return done
    }
}
