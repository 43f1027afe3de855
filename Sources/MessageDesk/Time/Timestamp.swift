import Foundation

/// The one stored form of instants: UTC ISO-8601 to the second, `2026-11-22T05:30:00Z`.
///
/// Stored timestamps sort as text and compare across zones; formatting and parsing are hand-written
/// integer code because lists format thousands of them, and Foundation's formatters are slow and
/// locale-sensitive.
public enum Timestamp {
    /// `2026-11-22T05:30:00Z`; sub-seconds are truncated toward negative infinity (so -0.5 s is 23:59:59 the day before).
    public static func format(_ date: Date) -> String {
        render(localSeconds: wholeSeconds(date), offset: nil)
    }

    /// ISO-8601 with the zone's offset at that instant, `2026-11-22T14:30:00+09:00` (UTC gives `+00:00`), for JSON output.
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        return render(localSeconds: wholeSeconds(date) + offset, offset: offset)
    }

    /// The instant as the database holds it once stored: whole seconds (what `parse(format(date))` gives for years 1–9999).
    static func stored(_ date: Date) -> Date {
        Date(timeIntervalSince1970: TimeInterval(wholeSeconds(date)))
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SSZ` (what `format(_:)` writes); nil for anything else, including impossible dates.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20,
                  bytes[4] == ASCII.hyphen, bytes[7] == ASCII.hyphen, bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == ASCII.colon, bytes[16] == ASCII.colon, bytes[19] == UInt8(ascii: "Z"),
                  let year = ASCII.number(bytes[0..<4]),
                  let month = ASCII.number(bytes[5..<7]),
                  let day = ASCII.number(bytes[8..<10]),
                  let hour = ASCII.number(bytes[11..<13]),
                  let minute = ASCII.number(bytes[14..<16]),
                  let second = ASCII.number(bytes[17..<19]),
                  hour < 24, minute < 60, second < 60,   // no leap seconds: Date cannot hold them either
                  let civil = CivilDate.valid(year: year, month: month, day: day)
            else { return nil }
            let seconds = civil.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    /// Whole seconds since 1970, rounded down; clamped so absurd dates cannot trap the integer conversion.
    static func wholeSeconds(_ date: Date) -> Int {
        let limit = 1e15   // ~31 million years: far beyond Date.distantFuture, far inside Int.
        let t = date.timeIntervalSince1970
        guard t.isFinite else { return t > 0 ? Int(limit) : -Int(limit) }
        return Int(min(max(t, -limit), limit).rounded(.down))
    }

    /// Writes `YYYY-MM-DDTHH:MM:SS` for local seconds, then `Z` (no offset) or `±HH:MM`.
    private static func render(localSeconds: Int, offset: Int?) -> String {
        var days = localSeconds / 86_400
        var secondOfDay = localSeconds % 86_400
        if secondOfDay < 0 {   // floor division for instants before 1970
            secondOfDay += 86_400
            days -= 1
        }
        let civil = CivilDate(dayNumber: days)
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60

        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        ASCII.appendYear(civil.year, to: &bytes)
        bytes.append(ASCII.hyphen)
        ASCII.append2(civil.month, to: &bytes)
        bytes.append(ASCII.hyphen)
        ASCII.append2(civil.day, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        ASCII.append2(hour, to: &bytes)
        bytes.append(ASCII.colon)
        ASCII.append2(minute, to: &bytes)
        bytes.append(ASCII.colon)
        ASCII.append2(second, to: &bytes)
        if let offset {
            let magnitude = abs(offset)
            bytes.append(offset < 0 ? ASCII.hyphen : ASCII.plus)
            ASCII.append2(magnitude / 3600, to: &bytes)
            bytes.append(ASCII.colon)
            ASCII.append2(magnitude / 60 % 60, to: &bytes)
            // Only historical local mean times (Tokyo before 1888: +09:18:59) have offset seconds;
            // dropping them would print a wrong instant, so they are written out.
            if magnitude % 60 != 0 {
                bytes.append(ASCII.colon)
                ASCII.append2(magnitude % 60, to: &bytes)
            }
        } else {
            bytes.append(UInt8(ascii: "Z"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
