/// A time of day as people say it at the desk: `15:00`, `15時`, `15時半`, `15時30分`, `午後3時`, `午前10時`, `午後3:30`.
///
/// Read after NFKC normalisation, so full-width digits and colons arrive as ASCII.
enum SpokenClock {
    /// The time `text` says; nil when it is not a clock time at all, so the caller gives its general error.
    ///
    /// Throws, quoting `typed`, for a clock time that cannot be: `25時`, `15時60分`, `午後13時`, and the
    /// ambiguous `午前12時` / `午後12時` (noon by the 1872 decree, midnight to many people).
    static func parse(_ text: Substring, typed: String) throws(InputError) -> LocalTime? {
        var rest = text
        let half: Half? = rest.hasPrefix("午前") ? .morning : rest.hasPrefix("午後") ? .afternoon : nil
        if half != nil { rest = rest.dropFirst(2).drop(while: { $0 == " " }) }
        let hourDigits = rest.prefix(while: \.isASCIIDigit)
        // What follows the hour ("時半", "時30分", ":30"), kept to write the corrected time in an error.
        let afterHour = rest.dropFirst(hourDigits.count)
        guard (1...2).contains(hourDigits.count), let hour = Int(hourDigits), let minute = minute(afterHour) else {
            return nil
        }
        guard hour <= 23, minute <= 59 else {
            // 25:00 gets the general error, which shows the HH:MM forms; this one shows the 時 forms.
            if afterHour.first == ":" { return nil }
            throw InputError("\(InputError.quoted(typed)) is not a time of day: use 0時 to 23時 and 0分 to 59分, e.g. 15時, 15時30分, 15時半 or 午後3時")
        }
        guard let half else { return LocalTime(hour: hour, minute: minute) }
        if hour == 12 {
            throw InputError("\(InputError.quoted(typed)) is ambiguous: write 12\(afterHour) for noon or 0\(afterHour) for midnight")
        }
        if hour > 12 {
            throw InputError("\(InputError.quoted(typed)) is not a time: 午前 and 午後 take 0時 to 11時; write 午後\(hour - 12)\(afterHour) or \(hour)\(afterHour)")
        }
        return LocalTime(hour: half == .afternoon ? hour + 12 : hour, minute: minute)
    }

    private enum Half { case morning, afternoon }

    /// The minutes in what follows the hour: `時` 0, `時半` 30, `時5分` / `時05分` 5, `:05` 5; nil for anything else.
    private static func minute(_ text: Substring) -> Int? {
        if text.first == ":" {
            let digits = text.dropFirst()
            return digits.count == 2 && digits.allSatisfy(\.isASCIIDigit) ? Int(digits) : nil
        }
        guard text.first == "時" else { return nil }
        let said = text.dropFirst()
        if said.isEmpty { return 0 }
        if said == "半" { return 30 }
        guard said.last == "分" else { return nil }
        let digits = said.dropLast()
        return (1...2).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit) ? Int(digits) : nil
    }
}
