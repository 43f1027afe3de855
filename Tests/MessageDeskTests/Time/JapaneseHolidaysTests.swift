import Foundation
import Testing
@testable import MessageDesk

/// A year's holidays as "2026-05-06 振替休日" lines, so a whole year is one literal.
private func listed(_ year: Int) -> [String] {
    JapaneseHolidays.holidays(in: year).map { "\($0.isoDate) \($0.name)" }
}

private func name(_ year: Int, _ month: Int, _ day: Int) -> String? {
    JapaneseHolidays.holiday(on: CivilDate(year: year, month: month, day: day))?.name
}

@Suite struct JapaneseHolidaysTests {
    // MARK: - Whole years

    @Test func all2026WithASubstituteHolidayAndACitizensHoliday() {
        #expect(listed(2026) == [
            "2026-01-01 元日", "2026-01-12 成人の日", "2026-02-11 建国記念の日", "2026-02-23 天皇誕生日",
            "2026-03-20 春分の日", "2026-04-29 昭和の日", "2026-05-03 憲法記念日", "2026-05-04 みどりの日",
            "2026-05-05 こどもの日", "2026-05-06 振替休日", "2026-07-20 海の日", "2026-08-11 山の日",
            "2026-09-21 敬老の日", "2026-09-22 国民の休日", "2026-09-23 秋分の日", "2026-10-12 スポーツの日",
            "2026-11-03 文化の日", "2026-11-23 勤労感謝の日",
        ])
        #expect(listed(2026).count == 18)
    }

    @Test func all2027WithTheSpringEquinoxOnASunday() {
        #expect(listed(2027) == [
            "2027-01-01 元日", "2027-01-11 成人の日", "2027-02-11 建国記念の日", "2027-02-23 天皇誕生日",
            "2027-03-21 春分の日", "2027-03-22 振替休日", "2027-04-29 昭和の日", "2027-05-03 憲法記念日",
            "2027-05-04 みどりの日", "2027-05-05 こどもの日", "2027-07-19 海の日", "2027-08-11 山の日",
            "2027-09-20 敬老の日", "2027-09-23 秋分の日", "2027-10-11 スポーツの日", "2027-11-03 文化の日",
            "2027-11-23 勤労感謝の日",
        ])
    }

    /// The abdication year: no 天皇誕生日, the enthronement days, and a ten-day Golden Week.
    @Test func all2019() {
        #expect(listed(2019) == [
            "2019-01-01 元日", "2019-01-14 成人の日", "2019-02-11 建国記念の日", "2019-03-21 春分の日",
            "2019-04-29 昭和の日", "2019-04-30 国民の休日", "2019-05-01 天皇の即位の日", "2019-05-02 国民の休日",
            "2019-05-03 憲法記念日", "2019-05-04 みどりの日", "2019-05-05 こどもの日", "2019-05-06 振替休日",
            "2019-07-15 海の日", "2019-08-11 山の日", "2019-08-12 振替休日", "2019-09-16 敬老の日",
            "2019-09-23 秋分の日", "2019-10-14 体育の日", "2019-10-22 即位礼正殿の儀", "2019-11-03 文化の日",
            "2019-11-04 振替休日", "2019-11-23 勤労感謝の日",
        ])
    }

    /// The first Olympic year: 海の日, スポーツの日 and 山の日 moved around the opening ceremony.
    @Test func all2020() {
        #expect(listed(2020) == [
            "2020-01-01 元日", "2020-01-13 成人の日", "2020-02-11 建国記念の日", "2020-02-23 天皇誕生日",
            "2020-02-24 振替休日", "2020-03-20 春分の日", "2020-04-29 昭和の日", "2020-05-03 憲法記念日",
            "2020-05-04 みどりの日", "2020-05-05 こどもの日", "2020-05-06 振替休日", "2020-07-23 海の日",
            "2020-07-24 スポーツの日", "2020-08-10 山の日", "2020-09-21 敬老の日", "2020-09-22 秋分の日",
            "2020-11-03 文化の日", "2020-11-23 勤労感謝の日",
        ])
    }

    /// The postponed Games: moved again, and 山の日 on a Sunday gives Monday off.
    @Test func all2021() {
        #expect(listed(2021) == [
            "2021-01-01 元日", "2021-01-11 成人の日", "2021-02-11 建国記念の日", "2021-02-23 天皇誕生日",
            "2021-03-20 春分の日", "2021-04-29 昭和の日", "2021-05-03 憲法記念日", "2021-05-04 みどりの日",
            "2021-05-05 こどもの日", "2021-07-22 海の日", "2021-07-23 スポーツの日", "2021-08-08 山の日",
            "2021-08-09 振替休日", "2021-09-20 敬老の日", "2021-09-23 秋分の日", "2021-11-03 文化の日",
            "2021-11-23 勤労感謝の日",
        ])
    }

    /// Before the 2000 and 2003 Happy Monday changes, and before 海の日 and 山の日 existed.
    @Test func all1995() {
        #expect(listed(1995) == [
            "1995-01-01 元日", "1995-01-02 振替休日", "1995-01-15 成人の日", "1995-01-16 振替休日",
            "1995-02-11 建国記念の日", "1995-03-21 春分の日", "1995-04-29 みどりの日", "1995-05-03 憲法記念日",
            "1995-05-04 国民の休日", "1995-05-05 こどもの日", "1995-09-15 敬老の日", "1995-09-23 秋分の日",
            "1995-10-10 体育の日", "1995-11-03 文化の日", "1995-11-23 勤労感謝の日", "1995-12-23 天皇誕生日",
        ])
    }

    // MARK: - Boundaries of the rules

    /// 振替休日 began with the law of 1973-04-12: 02-11 that year was a Sunday with no day off after it,
    /// 04-29 was the first Sunday holiday to give one.
    @Test func substituteHolidaysStartOn1973April12() {
        #expect(CivilDate(year: 1973, month: 2, day: 11).weekdayNumber == Weekday.sunday.rawValue)
        #expect(name(1973, 2, 11) == "建国記念の日")
        #expect(name(1973, 2, 12) == nil)
        #expect(name(1973, 4, 29) == "天皇誕生日")
        #expect(name(1973, 4, 30) == "振替休日")
    }

    /// Until 2006 the substitute was the Monday only; since 2007 it is the next day that is not a holiday,
    /// so a Sunday 05-03 or 05-04 gives 05-06.
    @Test func since2007TheSubstituteIsTheNextDayThatIsNotAHoliday() {
        #expect(name(2008, 5, 4) == "みどりの日")   // Sunday
        #expect(name(2008, 5, 5) == "こどもの日")
        #expect(name(2008, 5, 6) == "振替休日")
        #expect(name(2009, 5, 3) == "憲法記念日")   // Sunday
        #expect(name(2009, 5, 6) == "振替休日")
        #expect(name(2006, 1, 1) == "元日")         // Sunday, under the old rule
        #expect(name(2006, 1, 2) == "振替休日")
        // Before 2007, 05-04 was not a 祝日 but 国民の休日, which the old law did not give on a Sunday:
        // 2003-05-04 was a Sunday, and nothing followed from it.
        #expect(name(2003, 5, 4) == nil)
        #expect(name(2003, 5, 5) == "こどもの日")
        #expect(name(2003, 5, 6) == nil)
    }

    /// 国民の休日 began with the law of 1985-12-27. 1986-05-04 was a Sunday (excluded then), 1987-05-04 a
    /// Monday that was already 振替休日, so 1988-05-04 was the first.
    @Test func citizensHolidaysStartWithThe1985Law() {
        #expect(name(1985, 5, 4) == nil)   // Saturday, before the law
        #expect(name(1986, 5, 4) == nil)   // Sunday
        #expect(name(1987, 5, 4) == "振替休日")
        #expect(name(1988, 5, 4) == "国民の休日")
        #expect(name(2009, 9, 22) == "国民の休日")  // between 敬老の日 09-21 and 秋分の日 09-23
    }

    @Test func theEmperorsBirthdayFollowsTheReign() {
        #expect(name(1988, 4, 29) == "天皇誕生日")
        #expect(name(1989, 4, 29) == "みどりの日")
        #expect(name(2006, 4, 29) == "みどりの日")
        #expect(name(2007, 4, 29) == "昭和の日")
        #expect(name(2007, 5, 4) == "みどりの日")
        #expect(name(1988, 12, 23) == nil)
        #expect(name(1989, 12, 23) == "天皇誕生日")
        #expect(name(2018, 12, 23) == "天皇誕生日")
        #expect(name(2019, 12, 23) == nil)
        #expect(name(2019, 2, 23) == nil)
        #expect(name(2020, 2, 23) == "天皇誕生日")
    }

    @Test func theHappyMondaysOf2000And2003() {
        #expect(name(1999, 1, 15) == "成人の日")
        #expect(name(2000, 1, 10) == "成人の日")       // second Monday
        #expect(name(2000, 1, 15) == nil)
        #expect(name(1999, 10, 10) == "体育の日")
        #expect(name(2000, 10, 9) == "体育の日")
        #expect(name(2002, 7, 20) == "海の日")
        #expect(name(2003, 7, 21) == "海の日")         // third Monday
        #expect(name(2002, 9, 15) == "敬老の日")       // still 09-15, a Sunday
        #expect(name(2002, 9, 16) == "振替休日")
        #expect(name(2003, 9, 15) == "敬老の日")       // third Monday
        #expect(name(2019, 10, 14) == "体育の日")
        #expect(name(2022, 10, 10) == "スポーツの日")
    }

    @Test func marineAndMountainDaysBeginIn1996And2016() {
        #expect(name(1995, 7, 20) == nil)
        #expect(name(1996, 7, 20) == "海の日")
        #expect(name(2015, 8, 11) == nil)
        #expect(name(2016, 8, 11) == "山の日")
    }

    @Test func theOneOffImperialDays() {
        #expect(name(1989, 2, 24) == "大喪の礼")
        #expect(name(1990, 11, 12) == "即位礼正殿の儀")
        #expect(name(1993, 6, 9) == "結婚の儀")
        #expect(JapaneseHolidays.holiday(on: CivilDate(year: 1993, month: 6, day: 9))?.kind == .oneOff)
    }

    @Test func kindsSaySubstituteCitizensAndEquinoxDays() {
        let kinds = JapaneseHolidays.holidays(in: 2026).map { "\($0.isoDate) \($0.kind)" }
        #expect(kinds.filter { !$0.hasSuffix(" statutory") } == [
            "2026-03-20 equinox", "2026-05-06 substitute", "2026-09-22 citizens", "2026-09-23 equinox",
        ])
    }

    // MARK: - Range and look-ups

    @Test func yearsOutsideTheRulesHaveNoHolidays() {
        #expect(JapaneseHolidays.supportedYears == 1973...2099)
        #expect(JapaneseHolidays.holidays(in: 1972).isEmpty)
        #expect(JapaneseHolidays.holidays(in: 2100).isEmpty)
        #expect(name(2100, 1, 1) == nil)
        #expect(listed(2099).first == "2099-01-01 元日")
    }

    @Test func aLocalDayIsLookedUpInTheBusinessZone() throws {
        let day = try LocalDay(parsing: "2026-11-23", now: at("2026-11-20T10:00:00+09:00"), calendar: .standard)
        #expect(JapaneseHolidays.holiday(on: day)?.name == "勤労感謝の日")
        let next = try LocalDay(parsing: "2026-11-24", now: at("2026-11-20T10:00:00+09:00"), calendar: .standard)
        #expect(JapaneseHolidays.holiday(on: next) == nil)
    }

    @Test func everyListedDayIsFoundByDateAndNoOtherDayIs() {
        for year in [1973, 1988, 2019, 2026, 2099] {
            let listed = JapaneseHolidays.holidays(in: year)
            var found: [NationalHoliday] = []
            var day = CivilDate(year: year, month: 1, day: 1)
            while day.year == year {
                if let holiday = JapaneseHolidays.holiday(on: day) { found.append(holiday) }
                day = day.adding(days: 1)
            }
            #expect(found == listed, "\(year)")
        }
    }
}
