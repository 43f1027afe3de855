/// 春分の日 and 秋分の日: the days of the equinoxes in Japan, which the law does not fix. The National
/// Astronomical Observatory computes them and the 官報 publishes next year's in its first issue of February
/// (暦要項); until then a date is a forecast.
///
/// The forecast is the usual fit to the observatory's ephemeris (day = ⌊base + 0.242194·(Y − 1980) − leap days⌋),
/// valid for 1900–2099 with one base for 1900–1979 and another for 1980–2099. It is computed in integer
/// millionths of a day, so no rounding of floating point can move a day near midnight (2012's 秋分 is 22.999).
public enum EquinoxDay {
    /// 春分の日, in March.
    static func vernal(in year: Int) -> CivilDate {
        CivilDate(year: year, month: 3, day: day(in: year, base1900: 20_835_700, base1980: 20_843_100))
    }

    /// 秋分の日, in September.
    static func autumnal(in year: Int) -> CivilDate {
        CivilDate(year: year, month: 9, day: day(in: year, base1900: 23_258_800, base1980: 23_248_800))
    }

    /// The day of the month from the fit; bases in millionths of a day.
    private static func day(in year: Int, base1900: Int, base1980: Int) -> Int {
        let yearsFrom1980 = year - 1980
        let drift = 242_194 * yearsFrom1980
        if year >= 1980 {
            return (base1980 + drift - 1_000_000 * (yearsFrom1980 / 4)) / 1_000_000
        }
        // The 1900–1979 fit counts leap days from 1983 with the truncating int() of its source:
        // Swift's `/` truncates too (1976's 秋分 is the 23rd with it, the 24th with a floor).
        return (base1900 + drift - 1_000_000 * ((year - 1983) / 4)) / 1_000_000
    }

    /// The day the 官報 publishes `year`'s equinox days: the first weekday of February the year before
    /// (the 官報 has no issue on Saturdays and Sundays).
    static func publication(ofYear year: Int) -> CivilDate {
        var day = CivilDate(year: year - 1, month: 2, day: 1)
        while day.weekdayNumber == Weekday.saturday.rawValue || day.weekdayNumber == Weekday.sunday.rawValue {
            day = day.adding(days: 1)
        }
        return day
    }

    /// "2026-02-02": when `year`'s equinox days are (or were) published.
    public static func publicationISODate(ofYear year: Int) -> String {
        publication(ofYear: year).isoString
    }

    /// Whether `year`'s equinox days are official on `day`: the 官報 has published them, on or before it.
    public static func isOfficial(year: Int, asOf day: LocalDay) -> Bool {
        day.date.dayNumber >= publication(ofYear: year).dayNumber
    }
}
