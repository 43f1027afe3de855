/// Proleptic Gregorian date arithmetic on day numbers (days since 1970-01-01), after Howard Hinnant's
/// `days_from_civil` / `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html).
///
/// Pure integer arithmetic: exact for any year, and far faster than `Calendar` or `DateFormatter`.
struct CivilDate: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01 (negative before).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400                                            // [0, 399]
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy                    // [0, 146096]
        return era * 146_097 + doe - 719_468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a day number.
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097                                        // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365   // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)                  // [0, 365]
        let mp = (5 * doy + 2) / 153                                       // [0, 11], March-based
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The date, or nil when month or day is out of range (2026-02-30 is refused, not rolled over).
    static func valid(year: Int, month: Int, day: Int) -> CivilDate? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else {
            return nil
        }
        return CivilDate(year: year, month: month, day: day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Weekday number in `Calendar`'s convention: 1 = Sunday … 7 = Saturday.
    var weekdayNumber: Int {
        // 1970-01-01 was a Thursday (5 in this convention).
        let zeroBased = (dayNumber + 4) % 7
        return (zeroBased < 0 ? zeroBased + 7 : zeroBased) + 1
    }

    /// "2026-11-22".
    var isoString: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        ASCII.appendYear(year, to: &bytes)
        bytes.append(ASCII.hyphen)
        ASCII.append2(month, to: &bytes)
        bytes.append(ASCII.hyphen)
        ASCII.append2(day, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Byte-level helpers shared by the hand-written formatters and parsers.
enum ASCII {
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let hyphen = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let plus = UInt8(ascii: "+")

    /// Two digits, zero-padded (`value` must be 0...99).
    @inline(__always)
    static func append2(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(zero &+ UInt8(truncatingIfNeeded: value / 10))
        bytes.append(zero &+ UInt8(truncatingIfNeeded: value % 10))
    }

    /// Four digits for years 0...9999; other years in full, with a sign when negative.
    static func appendYear(_ year: Int, to bytes: inout [UInt8]) {
        if (0...9999).contains(year) {
            append2(year / 100, to: &bytes)
            append2(year % 100, to: &bytes)
        } else {
            bytes.append(contentsOf: String(year).utf8)
        }
    }

    /// The value of a run of ASCII digits, or nil if any byte is not a digit or the run is empty.
    static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= zero, byte <= nine else { return nil }
            value = value * 10 + Int(byte - zero)
        }
        return value
    }
}
