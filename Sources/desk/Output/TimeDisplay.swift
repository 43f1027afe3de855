import Foundation
import MessageDesk

/// Times as people at the desk read them, in the business time zone.
struct TimeDisplay {
    let calendar: BusinessCalendar
    let now: Date

    /// `15:00` today, `11-24 10:00` another day this year, `2027-01-05 10:00` otherwise.
    func short(_ date: Date) -> String {
        let day = calendar.dayString(date)
        let today = calendar.dayString(now)
        let time = calendar.timeString(date)
        if day == today { return time }
        if day.prefix(4) == today.prefix(4) { return "\(day.dropFirst(5)) \(time)" }
        return "\(day) \(time)"
    }

    /// ISO-8601 with the business zone's offset, for JSON.
    func iso(_ date: Date) -> String {
        Timestamp.format(date, in: calendar.timeZone)
    }

    /// A duration in words: `1h 20m`, `2d 3h`, `45m`.
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return mins > 0 ? "\(hours)h \(mins)m" : "\(hours)h" }
        return "\(mins)m"
    }

    /// How the operator tells the caller where someone is, in English: "in a meeting until 15:00".
    func presence(_ presence: Presence) -> String {
        Labels.english.presence(presence, times: self)
    }
}
