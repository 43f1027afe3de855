import Foundation

/// Where a member of staff is, as the operator reads it to the caller.
public struct Presence: Sendable, Equatable {
    /// The states a person can be in.
    public enum Status: String, Sendable, CaseIterable {
        case inOffice = "in_office"
        case meeting
        case out
        case dayOff = "day_off"
        case leave

        /// True for every status in which the person cannot take a call.
        public var isAway: Bool { self != .inOffice }
    }

    public let status: Status
    public let since: Date
    /// When the person is expected back; nil when unknown or in office.
    public let until: Date?
    public let note: String?

    public init(status: Status, since: Date, until: Date? = nil, note: String? = nil) {
        self.status = status
        self.since = since
        self.until = until
        self.note = note
    }

    /// The presence as of `now`: an absence whose end has passed has ended by itself.
    public func effective(at now: Date) -> Presence {
        if status.isAway, let until, until <= now {
            return Presence(status: .inOffice, since: until)
        }
        return self
    }

    /// True when this absence runs past `date`: away with no end time, or back only after it.
    public func isAway(through date: Date) -> Bool {
        guard status.isAway else { return false }
        return until.map { $0 > date } ?? true
    }

    /// Someone who has never been marked away is in the office.
    public static func inOffice(since: Date) -> Presence {
        Presence(status: .inOffice, since: since)
    }
}
