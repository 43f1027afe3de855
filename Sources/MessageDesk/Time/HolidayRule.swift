/// One line of the history of the 国民の祝日に関する法律 (and of the one-off laws like it): a day, the years it
/// was on one date, and how that date is found. A day that moved has one rule per placement.
struct HolidayRule: Sendable {
    /// How the date is found in a year.
    enum Placement: Sendable {
        case fixed(month: Int, day: Int)
        /// The `week`-th Monday of `month` (the Happy Monday days, since 2000 and 2003).
        case monday(month: Int, week: Int)
        case vernalEquinox
        case autumnalEquinox
    }

    let name: String
    let years: ClosedRange<Int>
    let placement: Placement
    /// `.statutory`, `.equinox` or `.oneOff`; substitute and citizens' days follow from the others.
    let kind: NationalHoliday.Kind
    /// Whether the day counts as a 国民の祝日 for 振替休日 and 国民の休日: every day the law names, and the
    /// 2019 enthronement days, which their law deems 国民の祝日 (so 2019-04-30 and 05-02 fall between two).
    /// The 1989, 1990 and 1993 laws only made their day a 休日; no day next to them was changed by it.
    let countsAsNationalHoliday: Bool

    private init(_ name: String, _ years: ClosedRange<Int>, _ placement: Placement,
                 kind: NationalHoliday.Kind = .statutory, countsAsNationalHoliday: Bool = true) {
        self.name = name
        self.years = years
        self.placement = placement
        self.kind = kind
        self.countsAsNationalHoliday = countsAsNationalHoliday
    }

    /// The date in `year` (which `years` contains).
    func date(in year: Int) -> CivilDate {
        switch placement {
        case let .fixed(month, day):
            return CivilDate(year: year, month: month, day: day)
        case let .monday(month, week):
            let first = CivilDate(year: year, month: month, day: 1)
            let toMonday = (Weekday.monday.rawValue - first.weekdayNumber + 7) % 7
            return first.adding(days: toMonday + 7 * (week - 1))
        case .vernalEquinox:
            return EquinoxDay.vernal(in: year)
        case .autumnalEquinox:
            return EquinoxDay.autumnal(in: year)
        }
    }

    /// The last year the rules are known for: the equinox fit ends with 2099.
    private static let last = 2099

    /// Every rule, in calendar order. Years before 1973 are written as the law had them but never asked for.
    static let law: [HolidayRule] = [
        HolidayRule("元日", 1948...last, .fixed(month: 1, day: 1)),
        HolidayRule("成人の日", 1948...1999, .fixed(month: 1, day: 15)),
        HolidayRule("成人の日", 2000...last, .monday(month: 1, week: 2)),
        HolidayRule("建国記念の日", 1967...last, .fixed(month: 2, day: 11)),
        HolidayRule("大喪の礼", 1989...1989, .fixed(month: 2, day: 24), kind: .oneOff, countsAsNationalHoliday: false),
        // Reiwa: 02-23 since 2020; 2019 had none (12-23 passed after the abdication, 02-23 before the accession).
        HolidayRule("天皇誕生日", 2020...last, .fixed(month: 2, day: 23)),
        HolidayRule("春分の日", 1949...last, .vernalEquinox, kind: .equinox),
        HolidayRule("天皇誕生日", 1948...1988, .fixed(month: 4, day: 29)),
        HolidayRule("みどりの日", 1989...2006, .fixed(month: 4, day: 29)),
        HolidayRule("昭和の日", 2007...last, .fixed(month: 4, day: 29)),
        HolidayRule("天皇の即位の日", 2019...2019, .fixed(month: 5, day: 1), kind: .oneOff),
        HolidayRule("憲法記念日", 1948...last, .fixed(month: 5, day: 3)),
        HolidayRule("みどりの日", 2007...last, .fixed(month: 5, day: 4)),
        HolidayRule("こどもの日", 1948...last, .fixed(month: 5, day: 5)),
        HolidayRule("結婚の儀", 1993...1993, .fixed(month: 6, day: 9), kind: .oneOff, countsAsNationalHoliday: false),
        HolidayRule("海の日", 1996...2002, .fixed(month: 7, day: 20)),
        HolidayRule("海の日", 2003...2019, .monday(month: 7, week: 3)),
        // The Tokyo Olympics moved three days in 2020, and again for the postponed Games in 2021.
        HolidayRule("海の日", 2020...2020, .fixed(month: 7, day: 23)),
        HolidayRule("海の日", 2021...2021, .fixed(month: 7, day: 22)),
        HolidayRule("海の日", 2022...last, .monday(month: 7, week: 3)),
        HolidayRule("スポーツの日", 2020...2020, .fixed(month: 7, day: 24)),
        HolidayRule("スポーツの日", 2021...2021, .fixed(month: 7, day: 23)),
        HolidayRule("山の日", 2016...2019, .fixed(month: 8, day: 11)),
        HolidayRule("山の日", 2020...2020, .fixed(month: 8, day: 10)),
        HolidayRule("山の日", 2021...2021, .fixed(month: 8, day: 8)),
        HolidayRule("山の日", 2022...last, .fixed(month: 8, day: 11)),
        HolidayRule("敬老の日", 1966...2002, .fixed(month: 9, day: 15)),
        HolidayRule("敬老の日", 2003...last, .monday(month: 9, week: 3)),
        HolidayRule("秋分の日", 1948...last, .autumnalEquinox, kind: .equinox),
        HolidayRule("体育の日", 1966...1999, .fixed(month: 10, day: 10)),
        HolidayRule("体育の日", 2000...2019, .monday(month: 10, week: 2)),
        HolidayRule("スポーツの日", 2022...last, .monday(month: 10, week: 2)),
        HolidayRule("即位礼正殿の儀", 2019...2019, .fixed(month: 10, day: 22), kind: .oneOff),
        HolidayRule("文化の日", 1948...last, .fixed(month: 11, day: 3)),
        HolidayRule("即位礼正殿の儀", 1990...1990, .fixed(month: 11, day: 12), kind: .oneOff,
                    countsAsNationalHoliday: false),
        HolidayRule("勤労感謝の日", 1948...last, .fixed(month: 11, day: 23)),
        HolidayRule("天皇誕生日", 1989...2018, .fixed(month: 12, day: 23)),
    ]
}
