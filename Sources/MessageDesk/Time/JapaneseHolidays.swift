/// Japan's national holidays for 1973–2099, computed from the rules of the 国民の祝日に関する法律 and the
/// one-off laws beside it (`HolidayRule.law`), not typed in from a list:
/// - 振替休日: since the law of 1973-04-12, a 国民の祝日 on a Sunday gives the Monday off; since 2007, the
///   next day that is not a 国民の祝日 (a Sunday 05-03 gives 05-06).
/// - 国民の休日: since the law of 1985-12-27, a day between two 国民の祝日. Until 2006 a Sunday or a
///   振替休日 was not one; since 2007 any day that is not itself a 国民の祝日.
/// Pure and deterministic; every year is worked out once, on first use, and looked up by day from then on.
public enum JapaneseHolidays {
    /// The years the rules are known for (the equinox forecast ends with 2099).
    public static let supportedYears = 1973...2099

    /// The year's holidays in date order; none for a year outside `supportedYears`.
    public static func holidays(in year: Int) -> [NationalHoliday] {
        guard supportedYears.contains(year) else { return [] }
        return byYear[year - supportedYears.lowerBound]
    }

    /// The holiday on `date`, or nil (also for a date outside `supportedYears`).
    static func holiday(on date: CivilDate) -> NationalHoliday? {
        holiday(onDayNumber: date.dayNumber)
    }

    /// The holiday on the day `dayNumber` (days since 1970-01-01), or nil. Two array reads: the business
    /// calendar asks this for every day its walks cross, so nothing is worked out or searched per call.
    static func holiday(onDayNumber dayNumber: Int) -> NationalHoliday? {
        let index = dayNumber - firstDayNumber
        guard index >= 0, index < slotByDay.count else { return nil }
        let slot = Int(slotByDay[index])
        return slot == 0 ? nil : everyHoliday[slot - 1]
    }

    /// The holiday on a day of the business calendar, or nil.
    public static func holiday(on day: LocalDay) -> NationalHoliday? {
        holiday(on: day.date)
    }

    // MARK: - Working a year out

    private static let byYear: [[NationalHoliday]] = supportedYears.map(computed(in:))

    /// Every holiday of `supportedYears`, in date order.
    private static let everyHoliday: [NationalHoliday] = byYear.flatMap { $0 }
    /// The day number of 1973-01-01, the first day `slotByDay` covers.
    private static let firstDayNumber = CivilDate(year: supportedYears.lowerBound, month: 1, day: 1).dayNumber
    /// For each day of `supportedYears`, 1 + its index in `everyHoliday`, or 0 on a day that is not one:
    /// two bytes a day (about 93 KB), where an optional holiday a day would take 48.
    private static let slotByDay: [UInt16] = {
        let lastDayNumber = CivilDate(year: supportedYears.upperBound, month: 12, day: 31).dayNumber
        var slots = [UInt16](repeating: 0, count: lastDayNumber - firstDayNumber + 1)
        for (index, holiday) in everyHoliday.enumerated() {
            slots[holiday.date.dayNumber - firstDayNumber] = UInt16(index + 1)  // about 2,200 holidays: far below UInt16.max
        }
        return slots
    }()

    /// 1973-04-12, when 振替休日 began.
    private static let substitutesBegin = CivilDate(year: 1973, month: 4, day: 12).dayNumber
    /// 1985-12-27, when 国民の休日 began.
    private static let citizensHolidaysBegin = CivilDate(year: 1985, month: 12, day: 27).dayNumber
    /// 2007-01-01, when both rules took their present form.
    private static let presentRulesBegin = CivilDate(year: 2007, month: 1, day: 1).dayNumber

    private static func computed(in year: Int) -> [NationalHoliday] {
        var days: [Int: NationalHoliday] = [:]   // by day number
        var national = Set<Int>()                // the days that count as 国民の祝日
        for rule in HolidayRule.law where rule.years.contains(year) {
            let date = rule.date(in: year)
            days[date.dayNumber] = NationalHoliday(date: date, name: rule.name, kind: rule.kind,
                                                   restsOnEquinox: rule.kind == .equinox)
            if rule.countsAsNationalHoliday { national.insert(date.dayNumber) }
        }

        for holiday in national.sorted() where holiday >= substitutesBegin
            && CivilDate(dayNumber: holiday).weekdayNumber == Weekday.sunday.rawValue {
            var off = holiday + 1
            // Until 2006 "the next day": when it was a 祝日 already, nothing more.
            if holiday >= presentRulesBegin {
                while national.contains(off) { off += 1 }
            }
            if days[off] == nil {
                days[off] = NationalHoliday(date: CivilDate(dayNumber: off), name: "振替休日", kind: .substitute,
                                            restsOnEquinox: days[holiday]?.restsOnEquinox ?? false)
            }
        }

        for before in national where national.contains(before + 2) {
            let between = before + 1
            // A 祝日 itself, or (until 2006 excluded, since 2007 already off) a 振替休日.
            guard between >= citizensHolidaysBegin, days[between] == nil else { continue }
            let date = CivilDate(dayNumber: between)
            if between < presentRulesBegin, date.weekdayNumber == Weekday.sunday.rawValue { continue }
            let restsOnEquinox = (days[before]?.restsOnEquinox ?? false) || (days[before + 2]?.restsOnEquinox ?? false)
            days[between] = NationalHoliday(date: date, name: "国民の休日", kind: .citizens, restsOnEquinox: restsOnEquinox)
        }

        return days.keys.sorted().compactMap { days[$0] }
    }
}
