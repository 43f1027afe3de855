import Foundation
import Testing
@testable import MessageDesk

/// The national holidays in the office's calendar: they close the office unless it opened on one, or
/// switched them off with the setting `national_holidays`.
@Suite struct HolidayCalendarTests {
    let standard = BusinessCalendar.standard

    func day(_ text: String, _ calendar: BusinessCalendar = .standard) throws -> LocalDay {
        try LocalDay(parsing: text, now: at("2026-11-20T10:00:00+09:00"), calendar: calendar)
    }

    /// What the office does on `date`, in a few words: "open 09:00-18:00", "holiday 元日", "closed 年末年始", "weekday".
    func office(_ date: String, _ calendar: BusinessCalendar = .standard) throws -> String {
        switch calendar.officeDay(try day(date, calendar)) {
        case .open(let hours): "open \(hours)"
        case .closed(.holiday(let holiday)): "holiday \(holiday.name)"
        case .closed(.closed(let note)): "closed \(note)"
        case .closed(.weekday): "weekday"
        }
    }

    func withEntries(_ changes: [CalendarEntry.Change], _ calendar: BusinessCalendar = .standard) -> BusinessCalendar {
        calendar.with(entries: changes.enumerated().map { CalendarEntry(id: $0.offset + 1, change: $0.element) })
    }

    func holidaysOff() throws -> BusinessCalendar {
        var policy = DeskPolicy.standard
        try Setting.nationalHolidays.apply("off", to: &policy)
        return policy.calendar
    }

    // MARK: Which days close

    @Test func aNationalHolidayClosesTheOffice() throws {
        #expect(try office("2026-11-23") == "holiday 勤労感謝の日")
        #expect(try office("2026-11-24") == "open 09:00-18:00")
        #expect(try office("2027-01-11") == "holiday 成人の日")
        #expect(try office("2026-09-22") == "holiday 国民の休日")
        #expect(try office("2026-05-06") == "holiday 振替休日")
        #expect(standard.observesNationalHolidays)
    }

    /// A holiday on a weekend is named too: it is the day the 振替休日 after it comes from.
    @Test func aHolidayOnAClosedWeekdayIsNamed() throws {
        #expect(try office("2026-05-03") == "holiday 憲法記念日")  // a Sunday
        #expect(try office("2026-05-02") == "weekday")
    }

    /// The day's own name wins over the closure around it; the closure still closes the days beside it.
    @Test func aHolidayInsideTheOfficesClosureShowsTheHoliday() throws {
        #expect(try office("2027-01-01") == "holiday 元日")
        #expect(try office("2026-12-31") == "closed 年末年始")
        #expect(try office("2027-01-02") == "closed 年末年始")
        let obon = withEntries([.closed(try ClosedSpan(parsing: "2026-08-10..2026-08-14"), note: "お盆")])
        #expect(try office("2026-08-11", obon) == "holiday 山の日")
        #expect(try office("2026-08-12", obon) == "closed お盆")
    }

    @Test func aDateTheOfficeOpenedWinsOverTheHoliday() throws {
        let opened = withEntries([
            .opened(try OpenedDate(parsing: "2026-11-23"), hours: nil),
            .opened(try OpenedDate(parsing: "2027-01-11"), hours: try BusinessHours(parsing: "09:00-12:00")),
        ])
        #expect(try office("2026-11-23", opened) == "open 09:00-18:00")
        #expect(try office("2027-01-11", opened) == "open 09:00-12:00")
        #expect(try office("2027-01-01", opened) == "holiday 元日")
    }

    @Test func switchedOffTheHolidaysAreWorkingDays() throws {
        let off = try holidaysOff()
        #expect(!off.observesNationalHolidays)
        #expect(try office("2026-11-23", off) == "open 09:00-18:00")
        #expect(try office("2027-01-01", off) == "closed 年末年始")
        #expect(try office("2026-05-03", off) == "weekday")
        #expect(Setting.values(of: DeskPolicy(calendar: off))[.nationalHolidays] == "off")
    }

    /// Outside 1973–2099 no holiday is known: the days follow the weekly hours and the office's closures.
    @Test func outsideTheKnownYearsNoHolidayCloses() throws {
        #expect(try office("2100-01-01") == "closed 年末年始")
        #expect(try office("2100-11-23") == "open 09:00-18:00")  // a Tuesday
        #expect(try office("2100-03-22") == "open 09:00-18:00")  // a Monday; the equinox forecast ends with 2099
        #expect(try office("1972-11-23") == "open 09:00-18:00")  // a Thursday
    }

    // MARK: Business time

    /// The case: taken on Friday 2027-01-08 after closing, due on Tuesday, not on 成人の日.
    @Test func aMessageTakenBeforeComingOfAgeDayIsDueTheDayAfterIt() {
        let due = DeskPolicy.standard.due
        let taken = at("2027-01-08T19:00:00+09:00")
        #expect(standard.nextOpening(atOrAfter: taken) == at("2027-01-12T09:00:00+09:00"))
        #expect(due.dueTime(takenAt: taken, urgent: false, notBefore: nil, notAfter: nil) == at("2027-01-12T18:00:00+09:00"))
        #expect(due.dueTime(takenAt: taken, urgent: true, notBefore: nil, notAfter: nil) == at("2027-01-12T09:30:00+09:00"))
    }

    @Test func aHolidayCountsNoBusinessTime() throws {
        #expect(standard.businessMinutes(from: at("2026-11-20T18:00:00+09:00"), to: at("2026-11-24T10:00:00+09:00")) == 60)
        #expect(standard.adding(businessMinutes: 60, to: at("2026-11-20T17:30:00+09:00")) == at("2026-11-24T09:30:00+09:00"))
        #expect(!standard.isBusinessTime(at("2026-11-23T11:00:00+09:00")))
        let off = try holidaysOff()
        #expect(off.businessMinutes(from: at("2026-11-20T18:00:00+09:00"), to: at("2026-11-24T10:00:00+09:00")) == 600)
    }

    /// With the year-end closure removed, 元日 still closes: 12-31 is a working day, 01-01 is not.
    @Test func newYearsDayClosesWithoutTheYearEndClosure() throws {
        var policy = DeskPolicy.standard
        try Setting.yearEndClosure.apply("none", to: &policy)
        let calendar = policy.calendar
        #expect(try office("2026-12-31", calendar) == "open 09:00-18:00")
        #expect(try office("2027-01-01", calendar) == "holiday 元日")
        #expect(calendar.nextOpening(atOrAfter: at("2026-12-31T19:00:00+09:00")) == at("2027-01-04T09:00:00+09:00"))
        #expect(calendar.businessMinutes(from: at("2026-12-31T18:00:00+09:00"), to: at("2027-01-04T10:00:00+09:00")) == 60)
    }

    // MARK: The setting and the listing

    @Test func theSettingIsOnOrOff() throws {
        #expect(Setting.nationalHolidays.defaultValue == "on")
        var policy = DeskPolicy.standard
        #expect(throws: InputError("'sometimes' is not on or off: national holidays close the office (on, the default) or are working days (off)")) {
            try Setting.nationalHolidays.apply("sometimes", to: &policy)
        }
        try Setting.nationalHolidays.apply("off", to: &policy)
        try Setting.nationalHolidays.apply("on", to: &policy)
        #expect(policy.calendar == .standard)
    }

    @Test func theListingCarriesEachDaysHoliday() throws {
        let period = try CalendarPeriod(year: nil, month: "2026-11", now: at("2026-11-20T10:00:00+09:00"), calendar: standard)
        let days = standard.days(in: period)
        #expect(days.compactMap { $0.holiday.map { "\($0)" } } == ["2026-11-03 文化の日", "2026-11-23 勤労感謝の日"])
        let opened = withEntries([.opened(try OpenedDate(parsing: "2026-11-23"), hours: nil)])
        let monday = opened.days(in: period)[22]
        #expect(monday.office == .open(try BusinessHours(parsing: "09:00-18:00")))
        #expect(monday.holiday?.name == "勤労感謝の日")
        #expect(!monday.isUsual)
    }

    @Test func aYearWithoutKnownHolidaysIsRefused() {
        let now = at("2026-11-20T10:00:00+09:00")
        #expect(throws: InputError("2100 is outside the years whose national holidays are known: give a year from 1973 to 2099")) {
            try CalendarPeriod(year: "2100", month: nil, now: now, calendar: standard)
        }
        #expect(throws: InputError("1972 is outside the years whose national holidays are known: give a year from 1973 to 2099")) {
            try CalendarPeriod(year: nil, month: "1972-12", now: now, calendar: standard)
        }
    }
}
