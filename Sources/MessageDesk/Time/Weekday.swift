import Foundation

/// A day of the week; raw values follow `Calendar`'s `weekday` component (1 = Sunday … 7 = Saturday).
public enum Weekday: Int, CaseIterable, Sendable {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

    /// Monday first, as Japanese office calendars are read; used for ranges and for `describe`.
    public static let mondayFirst: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    /// The three-letter English name, "mon".
    public var shortName: String {
        switch self {
        case .sunday: "sun"
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        }
    }

    /// Position in the Monday-first week: Monday 0 … Sunday 6.
    var mondayFirstIndex: Int { (rawValue + 5) % 7 }

    /// Parses "mon-fri", "mon,wed,fri", "sat-sun", "mon-wed,fri", full English names, or Japanese "月-金" / "月,水,金".
    ///
    /// A range runs forward through the week and may wrap ("fri-mon" is Friday to Monday).
    public static func parseSet(_ text: String) throws(InputError) -> Set<Weekday> {
        let failure = InputError(
            "\(InputError.quoted(text)) is not a set of weekdays: use a range or a list, e.g. mon-fri, mon,wed,fri or sat-sun")
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "、", with: ",")
            .replacingOccurrences(of: "〜", with: "-")
            .replacingOccurrences(of: "~", with: "-")
            .filter { !$0.isWhitespace }
        var result = Set<Weekday>()
        for item in normalized.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            switch ends.count {
            case 1:
                guard let day = named(ends[0]) else { throw failure }
                result.insert(day)
            case 2:
                guard let first = named(ends[0]), let last = named(ends[1]) else { throw failure }
                var index = first.mondayFirstIndex
                while true {
                    result.insert(mondayFirst[index])
                    if index == last.mondayFirstIndex { break }
                    index = (index + 1) % 7
                }
            default:
                throw failure
            }
        }
        return result
    }

    /// "mon-fri" for a contiguous run, "mon,wed,fri" for separate days, "mon-wed,fri" for a mix; "none" when empty.
    public static func describe(_ days: Set<Weekday>) -> String {
        guard !days.isEmpty else { return "none" }
        var parts: [String] = []
        var runStart: Weekday?
        var previous: Weekday?
        // A sentinel nil after Sunday closes the last run.
        for day in mondayFirst.map(Optional.some) + [nil] {
            if let day, days.contains(day) {
                if runStart == nil { runStart = day }
                previous = day
                continue
            }
            if let start = runStart, let end = previous {
                parts.append(start == end ? start.shortName : "\(start.shortName)-\(end.shortName)")
            }
            runStart = nil
            previous = nil
        }
        return parts.joined(separator: ",")
    }

    /// One day's name: English in full or short (`mon`, `tues`, `thurs`), or Japanese `月`, `月曜`, `月曜日`; `name` lower-cased.
    static func named(_ name: Substring) -> Weekday? {
        var name = String(name)
        // Japanese: 月, 月曜, 月曜日.
        if name.hasSuffix("曜日") { name.removeLast(2) } else if name.hasSuffix("曜") { name.removeLast() }
        switch name {
        case "sun", "sunday", "日": return .sunday
        case "mon", "monday", "月": return .monday
        case "tue", "tues", "tuesday", "火": return .tuesday
        case "wed", "wednesday", "水": return .wednesday
        case "thu", "thur", "thurs", "thursday", "木": return .thursday
        case "fri", "friday", "金": return .friday
        case "sat", "saturday", "土": return .saturday
        default: return nil
        }
    }
}
