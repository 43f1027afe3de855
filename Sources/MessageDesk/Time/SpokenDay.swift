/// A day as people say it at the desk: `今日`, `明日`, `明後日`, `月曜`, `月曜日`, `来週月曜`, `11/24`,
/// `2026/11/24`, and in English `today`, `tomorrow`, `monday` / `mon`.
///
/// Read after NFKC normalisation and lower-casing, so full-width digits and `／` arrive as ASCII.
struct SpokenDay {
    private enum Said {
        case daysFromToday(Int)
        /// The next such day after today, or that day of next week (weeks run Monday to Sunday).
        case weekday(Weekday, nextWeek: Bool)
        /// Without a year: the next such date that is not past.
        case date(year: Int?, month: Int, day: Int)
    }

    private let said: Said
    /// The words as typed (normalised), "月曜日" or "monday", to write the suggestions in an error in the same words.
    let word: Substring

    private static let dayWords: [(word: String, days: Int)] = [
        ("今日", 0), ("きょう", 0), ("明日", 1), ("あした", 1), ("明後日", 2), ("あさって", 2),
    ]

    /// The day `text` starts with, and what follows it; nil when it does not start with one.
    static func take(from text: Substring) -> (day: SpokenDay, rest: Substring)? {
        for (word, days) in dayWords where text.hasPrefix(word) {
            return (SpokenDay(said: .daysFromToday(days), word: text.prefix(word.count)), text.dropFirst(word.count))
        }
        if text.hasPrefix("来週") {
            var rest = text.dropFirst(2).drop(while: { $0 == " " })
            if rest.first == "の" { rest = rest.dropFirst().drop(while: { $0 == " " }) }
            guard let (weekday, after) = japaneseWeekday(rest) else { return nil }
            return (SpokenDay(said: .weekday(weekday, nextWeek: true), word: text[..<after.startIndex]), after)
        }
        if let (weekday, after) = japaneseWeekday(text) {
            return (SpokenDay(said: .weekday(weekday, nextWeek: false), word: text[..<after.startIndex]), after)
        }
        let letters = text.prefix(while: { $0.isASCII && $0.isLetter })
        if !letters.isEmpty {
            let rest = text.dropFirst(letters.count)
            switch letters {
            case "today": return (SpokenDay(said: .daysFromToday(0), word: letters), rest)
            case "tomorrow": return (SpokenDay(said: .daysFromToday(1), word: letters), rest)
            default:
                guard let weekday = Weekday.named(letters) else { return nil }
                return (SpokenDay(said: .weekday(weekday, nextWeek: false), word: letters), rest)
            }
        }
        return slashDate(text)
    }

    /// `月曜` or `月曜日` (not `月` alone, which is also a month) and what follows.
    private static func japaneseWeekday(_ text: Substring) -> (Weekday, rest: Substring)? {
        guard let weekday = Weekday.named(text.prefix(1)) else { return nil }
        let after = text.dropFirst()
        if after.hasPrefix("曜日") { return (weekday, after.dropFirst(2)) }
        if after.hasPrefix("曜") { return (weekday, after.dropFirst()) }
        return nil
    }

    /// `M/D` or `YYYY/M/D` (month and day in one or two digits) and what follows.
    private static func slashDate(_ text: Substring) -> (day: SpokenDay, rest: Substring)? {
        let word = text.prefix(while: { $0.isASCIIDigit || $0 == "/" })
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        let monthAndDay = parts.suffix(2)
        guard (2...3).contains(parts.count), parts.count == 2 || parts[0].count == 4,
              monthAndDay.allSatisfy({ (1...2).contains($0.count) }),
              let month = Int(parts[parts.count - 2]), let day = Int(parts[parts.count - 1])
        else { return nil }
        let year = parts.count == 3 ? Int(parts[0]) : nil
        return (SpokenDay(said: .date(year: year, month: month, day: day), word: word), text.dropFirst(word.count))
    }

    /// The calendar date meant, counted from `today`; throws, quoting `typed`, for a date that does not
    /// exist and for a weekday typed on that weekday. `rest` is what followed the day, to repeat it in
    /// the suggestions ("今日 10:00, or 来週月曜 10:00").
    func date(from today: CivilDate, typed: String, rest: Substring) throws(InputError) -> CivilDate {
        switch said {
        case .daysFromToday(let days):
            return today.adding(days: days)
        case .weekday(let weekday, let nextWeek):
            let todayIndex = Weekday(rawValue: today.weekdayNumber)?.mondayFirstIndex ?? 0  // weekdayNumber is 1...7
            if nextWeek { return today.adding(days: 7 - todayIndex + weekday.mondayFirstIndex) }
            let ahead = (weekday.mondayFirstIndex - todayIndex + 7) % 7
            guard ahead > 0 else {
                let nextWeek = today.adding(days: 7)
                let isJapanese = word.unicodeScalars.contains { !$0.isASCII }
                let todayWord = isJapanese ? "今日" : "today"
                let nextWord = isJapanese ? "来週\(word)" : "\(nextWeek.month)/\(nextWeek.day)"
                throw InputError("\(InputError.quoted(typed)) is ambiguous: today is \(word) (\(today.isoString)); write \(todayWord)\(rest), or \(nextWord)\(rest) for \(nextWeek.isoString)")
            }
            return today.adding(days: ahead)
        case .date(let year, let month, let day):
            let how = "write month/day such as 11/24, or year/month/day such as 2026/11/24"
            guard (1...12).contains(month) else {
                throw InputError("\(InputError.quoted(typed)) is not a date: months run from 1 to 12; \(how)")
            }
            // Today counts as not past; an earlier month/day is next year's.
            let notPast = (month, day) >= (today.month, today.day)
            let year = year ?? (notPast ? today.year : today.year + 1)
            guard let date = CivilDate.valid(year: year, month: month, day: day) else {
                let days = CivilDate.daysInMonth(year: year, month: month)
                throw InputError("\(InputError.quoted(typed)) is not a date: \(Self.monthNames[month - 1]) \(year) has \(days) days; \(how)")
            }
            return date
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
