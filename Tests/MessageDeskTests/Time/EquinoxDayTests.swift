import Foundation
import Testing
@testable import MessageDesk

@Suite struct EquinoxDayTests {
    /// Dates the 官報 published (1973–2027), and far dates where the formula's drift shows (2092, 2099).
    @Test func theFormulaGivesThePublishedDays() {
        let vernal = [1973: 21, 1976: 20, 1979: 21, 1980: 20, 1989: 21, 1990: 21, 1992: 20, 2011: 21, 2023: 21,
                      2024: 20, 2025: 20, 2026: 20, 2027: 21, 2055: 21, 2056: 20, 2059: 20, 2092: 19, 2099: 20]
        for (year, day) in vernal {
            #expect(EquinoxDay.vernal(in: year) == CivilDate(year: year, month: 3, day: day), "\(year)")
        }
        let autumnal = [1973: 23, 1975: 24, 1979: 24, 1980: 23, 1983: 23, 2011: 23, 2012: 22, 2020: 22, 2021: 23,
                        2026: 23, 2027: 23, 2044: 22, 2045: 22, 2078: 22, 2099: 23]
        for (year, day) in autumnal {
            #expect(EquinoxDay.autumnal(in: year) == CivilDate(year: year, month: 9, day: day), "\(year)")
        }
    }

    /// The 官報 prints next year's days in its first issue of February, on a weekday: Sunday 2026-02-01
    /// has no issue, so 2027's days become official on Monday 2026-02-02.
    @Test func nextYearsDaysBecomeOfficialInFebruary() throws {
        func official(_ year: Int, on date: String) throws -> Bool {
            let day = try LocalDay(parsing: date, now: at("2026-01-01T12:00:00+09:00"), calendar: .standard)
            return EquinoxDay.isOfficial(year: year, asOf: day)
        }
        #expect(try official(2026, on: "2026-01-01"))
        #expect(try official(1999, on: "2026-01-01"))
        #expect(try !official(2027, on: "2026-01-31"))
        #expect(try !official(2027, on: "2026-02-01"))
        #expect(try official(2027, on: "2026-02-02"))
        #expect(try !official(2028, on: "2026-12-31"))
        #expect(try official(2028, on: "2027-02-01"))   // a Monday
        #expect(EquinoxDay.publication(ofYear: 2027) == CivilDate(year: 2026, month: 2, day: 2))
        #expect(EquinoxDay.publication(ofYear: 2026) == CivilDate(year: 2025, month: 2, day: 3))
        #expect(EquinoxDay.publication(ofYear: 2028) == CivilDate(year: 2027, month: 2, day: 1))
    }

    /// A forecast equinox day is not official yet, and neither is a day off that exists because of it
    /// (the 振替休日 after a Sunday equinox, a 国民の休日 before one); every other day is fixed by law.
    @Test func aHolidayIsAForecastWhenItRestsOnAnUnpublishedEquinoxDay() throws {
        let lateJanuary = try LocalDay(parsing: "2026-01-31", now: at("2026-01-01T12:00:00+09:00"), calendar: .standard)
        let february = try LocalDay(parsing: "2026-02-02", now: at("2026-01-01T12:00:00+09:00"), calendar: .standard)
        func holiday(_ year: Int, _ month: Int, _ day: Int) throws -> NationalHoliday {
            try #require(JapaneseHolidays.holiday(on: CivilDate(year: year, month: month, day: day)))
        }
        #expect(try !holiday(2027, 3, 21).isOfficial(asOf: lateJanuary))   // 春分の日, a Sunday
        #expect(try !holiday(2027, 3, 22).isOfficial(asOf: lateJanuary))   // its 振替休日
        #expect(try holiday(2027, 3, 21).isOfficial(asOf: february))
        #expect(try holiday(2027, 3, 22).isOfficial(asOf: february))
        #expect(try holiday(2026, 9, 22).isOfficial(asOf: lateJanuary))    // 国民の休日, 2026 published
        #expect(try !holiday(2077, 9, 21).isOfficial(asOf: february))      // 国民の休日 before 秋分 09-22
        #expect(try holiday(2077, 9, 20).isOfficial(asOf: february))       // 敬老の日: the law's own Monday
        #expect(try holiday(2099, 1, 1).isOfficial(asOf: lateJanuary))
    }
}
