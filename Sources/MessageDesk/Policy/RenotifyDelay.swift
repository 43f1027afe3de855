import Foundation

/// The delays an account may choose for re-notifying a message nobody acknowledged (issue 16): the choices of
/// answering services (fondesk re-notifies once), not any number of minutes.
public enum RenotifyDelay {
    /// 30 minutes: long enough for someone in a meeting to see it, short enough for the caller's day.
    public static let standard: Int? = 30

    /// off, 15m, 30m, 1h, 12h, 24h — as the setting reads them, in minutes.
    static let delays: [(String, Int?)] = [("off", nil), ("15m", 15), ("30m", 30), ("1h", 60), ("12h", 720), ("24h", 1440)]

    static var choices: String { delays.map(\.0).joined(separator: ", ") }

    static func read(_ value: String) throws(InputError) -> Int? {
        guard let found = delays.first(where: { $0.0 == value.trimmed.lowercased() }) else {
            throw InputError("\(InputError.quoted(value)) is not a re-notification delay: use one of \(choices)")
        }
        return found.1
    }

    static func text(_ minutes: Int?) -> String {
        delays.first { $0.1 == minutes }?.0 ?? EscalationLadder.minutesText(minutes ?? 0)
    }
}
