import Foundation

/// A wall-clock time of day in the business time zone, to the minute ("09:00").
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 0...23.
    public let hour: Int
    /// 0...59.
    public let minute: Int

    /// The time, or nil when hour or minute is out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses "09:00" or "9:00" (full-width digits too); the minutes always take two digits.
    public init(parsing text: String) throws(InputError) {
        let normalized = text.precomposedStringWithCompatibilityMapping
            .trimmed
        guard let time = LocalTime.parseClock(Array(normalized.utf8)) else {
            throw InputError("\(InputError.quoted(text)) is not a time of day: use HH:MM from 00:00 to 23:59, e.g. 09:00 or 18:00")
        }
        self = time
    }

    /// Minutes since midnight.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// "09:00".
    public var description: String {
        var bytes: [UInt8] = []
        ASCII.append2(hour, to: &bytes)
        bytes.append(ASCII.colon)
        ASCII.append2(minute, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Earlier in the day sorts first.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// `H:MM` or `HH:MM` exactly, as ASCII bytes; shared with `TimeExpression`.
    static func parseClock<C: Collection>(_ bytes: C) -> LocalTime? where C.Element == UInt8, C.Index == Int {
        guard let colon = bytes.firstIndex(of: ASCII.colon) else { return nil }
        let hourDigits = bytes[bytes.startIndex..<colon]
        let minuteDigits = bytes[(colon + 1)..<bytes.endIndex]
        guard (1...2).contains(hourDigits.count), minuteDigits.count == 2,
              let hour = ASCII.number(hourDigits), let minute = ASCII.number(minuteDigits)
        else { return nil }
        return LocalTime(hour: hour, minute: minute)
    }
}
