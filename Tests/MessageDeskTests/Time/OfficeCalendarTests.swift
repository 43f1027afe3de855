@testable import DeskStorage
import Foundation
import Testing
@testable import MessageDesk

/// The office's own calendar over the weekly hours: the year-end closure, closures, opened dates, hours.
@Suite struct OfficeCalendarTests {
    let standard = BusinessCalendar.standard

    func day(_ text: String, _ calendar: BusinessCalendar = .standard) throws -> LocalDay {
        try LocalDay(parsing: text, now: at("2026-11-20T10:00:00+09:00"), calendar: calendar)
    }

    func hours(_ text: String) throws -> BusinessHours { try BusinessHours(parsing: text) }

    func calendar(_ changes: [CalendarEntry.Change]) -> BusinessCalendar {
        standard.with(entries: changes.enumerated().map { CalendarEntry(id: $0.offset + 1, change: $0.element) })
    }

    // MARK: The default year-end closure

    @Test func theDefaultClosesFromTheTwentyNinthOfDecemberToTheThirdOfJanuary() throws {
        #expect(standard.officeDay(try day("2026-12-28")) == .open(try hours("09:00-18:00")))
        // 2027-01-01 is closed too, and named 元日 (HolidayCalendarTests).
        for date in ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-02", "2027-01-03"] {
            #expect(standard.officeDay(try day(date)) == .closed(.closed(note: "年末年始")), "\(date)")
        }
        #expect(standard.officeDay(try day("2027-01-04")) == .open(try hours("09:00-18:00")))
        #expect(standard.officeDay(try day("2026-11-21")) == .closed(.weekday))
        #expect(Setting.yearEndClosure.defaultValue == "12-29..01-03")
    }

    @Test func aMessageTakenOnNewYearsEveIsDueWhenTheOfficeReopens() {
        let due = DeskPolicy.standard.due
        let taken = at("2026-12-31T19:00:00+09:00")
        #expect(standard.nextOpening(atOrAfter: taken) == at("2027-01-04T09:00:00+09:00"))
        #expect(standard.endOfBusinessDay(for: taken) == at("2027-01-04T18:00:00+09:00"))
        #expect(due.dueTime(takenAt: taken, urgent: false, notBefore: nil, notAfter: nil)
                == at("2027-01-04T18:00:00+09:00"))
        #expect(due.dueTime(takenAt: taken, urgent: true, notBefore: nil, notAfter: nil)
                == at("2027-01-04T09:30:00+09:00"))
    }

    @Test func theClosureCountsNoBusinessTime() {
        // 18:00 on 12-28 to 10:00 on 01-04: only the hour of 01-04 counts (元日 is not nine hours).
        #expect(standard.businessMinutes(from: at("2026-12-28T18:00:00+09:00"), to: at("2027-01-04T10:00:00+09:00")) == 60)
        #expect(standard.adding(businessMinutes: 60, to: at("2026-12-28T17:30:00+09:00")) == at("2027-01-04T09:30:00+09:00"))
        #expect(!standard.isBusinessTime(at("2027-01-01T11:00:00+09:00")))
    }

    @Test func theYearEndClosureCanBeChangedOrRemoved() throws {
        var policy = DeskPolicy.standard
        try Setting.yearEndClosure.apply("12-28..01-04", to: &policy)
        #expect(policy.calendar.officeDay(try day("2026-12-28")) == .closed(.closed(note: "年末年始")))
        #expect(policy.calendar.officeDay(try day("2027-01-04")) == .closed(.closed(note: "年末年始")))
        try Setting.yearEndClosure.apply("none", to: &policy)
        #expect(policy.calendar.yearEndClosure == nil)
        #expect(policy.calendar.officeDay(try day("2026-12-31")) == .open(try hours("09:00-18:00")))
        #expect(throws: InputError("'2026-12-29..2027-01-03' has a year: the year-end closure comes back every year, so give MM-DD..MM-DD (12-29..01-03), or none")) {
            try Setting.yearEndClosure.apply("2026-12-29..2027-01-03", to: &policy)
        }
    }

    // MARK: Entries

    @Test func aClosureWithItsNoteClosesEveryDayOfItsRange() throws {
        let obon = calendar([.closed(try ClosedSpan(parsing: "2026-08-13..2026-08-16"), note: "お盆")])
        #expect(obon.officeDay(try day("2026-08-12")) == .open(try hours("09:00-18:00")))
        #expect(obon.officeDay(try day("2026-08-13")) == .closed(.closed(note: "お盆")))
        #expect(obon.officeDay(try day("2026-08-16")) == .closed(.closed(note: "お盆")))
        #expect(obon.officeDay(try day("2026-08-17")) == .open(try hours("09:00-18:00")))
        #expect(obon.nextOpening(atOrAfter: at("2026-08-12T18:00:00+09:00")) == at("2026-08-17T09:00:00+09:00"))
    }

    @Test func aYearlyClosureComesBackEveryYear() throws {
        let mayDay = calendar([.closed(try ClosedSpan(parsing: "05-01"), note: "創立記念日")])
        #expect(mayDay.officeDay(try day("2026-05-01")) == .closed(.closed(note: "創立記念日")))
        #expect(mayDay.officeDay(try day("2030-05-01")) == .closed(.closed(note: "創立記念日")))
        #expect(mayDay.officeDay(try day("2030-05-02")) == .open(try hours("09:00-18:00")))
    }

    @Test func anOpenedDateOpensWithItsUsualHoursOrItsOwn() throws {
        let opened = calendar([
            .opened(try OpenedDate(parsing: "2026-12-29"), hours: nil),
            .opened(try OpenedDate(parsing: "2026-12-30"), hours: try hours("09:00-12:00")),
            .opened(try OpenedDate(parsing: "2026-11-21"), hours: nil),  // a Saturday: business_hours
        ])
        #expect(opened.officeDay(try day("2026-12-29")) == .open(try hours("09:00-18:00")))
        #expect(opened.officeDay(try day("2026-12-30")) == .open(try hours("09:00-12:00")))
        #expect(opened.officeDay(try day("2026-12-31")) == .closed(.closed(note: "年末年始")))
        #expect(opened.officeDay(try day("2026-11-21")) == .open(try hours("09:00-18:00")))
        #expect(opened.endOfBusinessDay(for: at("2026-12-30T11:00:00+09:00")) == at("2026-12-30T12:00:00+09:00"))
    }

    @Test func weekdayHoursReplaceTheUsualOnesAndNoHoursCloseTheWeekday() throws {
        let saturdays = calendar([.weekday(.saturday, hours: try hours("09:00-12:00")), .weekday(.wednesday, hours: nil)])
        #expect(saturdays.officeDay(try day("2026-11-21")) == .open(try hours("09:00-12:00")))
        #expect(saturdays.officeDay(try day("2026-11-25")) == .closed(.weekday))
        #expect(saturdays.officeDay(try day("2026-11-26")) == .open(try hours("09:00-18:00")))
        #expect(saturdays.nextOpening(atOrAfter: at("2026-11-20T18:00:00+09:00")) == at("2026-11-21T09:00:00+09:00"))
        // The settings themselves are untouched: business_days still says mon-fri.
        #expect(Setting.values(of: DeskPolicy(calendar: saturdays))[.businessDays] == "mon-fri")
    }

    @Test func aCalendarClosedForeverStillAnswers() throws {
        let never = calendar([.weekday(.monday, hours: nil), .weekday(.tuesday, hours: nil), .weekday(.wednesday, hours: nil),
                              .weekday(.thursday, hours: nil), .weekday(.friday, hours: nil)])
        let now = at("2026-11-20T10:00:00+09:00")
        #expect(never.nextOpening(atOrAfter: now) == now)
        #expect(never.adding(businessMinutes: 60, to: now) == now)
        #expect(never.businessMinutes(from: now, to: now.addingTimeInterval(86_400 * 30)) == 0)
    }

    // MARK: What people type

    @Test func badDaysAndHoursAreRefusedWithOneLine() {
        #expect(throws: InputError("'2026-02-30' is not a date that exists: use YYYY-MM-DD, e.g. 2026-08-13")) {
            try ClosedSpan(parsing: "2026-02-30")
        }
        #expect(throws: InputError("'2026-08-16..2026-08-13' ends before it starts: give the first day first, e.g. 2026-08-13..2026-08-16")) {
            try ClosedSpan(parsing: "2026-08-16..2026-08-13")
        }
        #expect(throws: InputError("'2026-12-29..01-03' mixes a date with a day of every year: give both ends with a year (2026-12-29..2027-01-03) or both without (12-29..01-03)")) {
            try ClosedSpan(parsing: "2026-12-29..01-03")
        }
        #expect(throws: InputError("'02-30' is not a day of the year: use MM-DD, e.g. 12-29")) { try ClosedSpan(parsing: "02-30") }
        #expect(throws: InputError("12:00-09:00 ends before it starts: give the closing time after the opening time, e.g. 09:00-12:00")) {
            try BusinessHours(parsing: "12:00-09:00")
        }
        #expect(throws: InputError("'9-12' is not hours: use HH:MM-HH:MM, e.g. 09:00-12:00")) { try BusinessHours(parsing: "9-12") }
        #expect(throws: InputError("'2026-08-13..2026-08-14' is not one date: use YYYY-MM-DD, e.g. 2026-11-23")) {
            try OpenedDate(parsing: "2026-08-13..2026-08-14")
        }
    }

    @Test func fullWidthDigitsAndYearlySpansReadBackAsTyped() throws {
        #expect(try ClosedSpan(parsing: "２０２６-０８-１３..２０２６-０８-１６").description == "2026-08-13..2026-08-16")
        #expect(try ClosedSpan(parsing: "12-29..01-03") == .yearEnd)
        #expect(try ClosedSpan(parsing: "2026-08-13").description == "2026-08-13")
        #expect(try BusinessHours(parsing: "０９:００〜１２:００").description == "09:00-12:00")
    }

    // MARK: The store

    @Test func entriesAreRowsWithEventsAndLoadWithTheDesk() throws {
        let store = try makeDesk()
        let now = at("2026-11-20T10:00:00+09:00")
        let obon = try store.close(try ClosedSpan(parsing: "2026-08-13..2026-08-16"), note: "お盆", actor: "boss", at: now)
        try store.open(try OpenedDate(parsing: "2026-08-14"), hours: nil, actor: "boss", at: now)
        // A closure after it wins over the opened date inside it: that entry is removed.
        try store.close(try ClosedSpan(parsing: "2026-08-14"), note: "", actor: "boss", at: now)
        try store.setHours(of: .saturday, to: try hours("09:00-12:00"), actor: "boss", at: now)
        try store.setHours(of: .saturday, to: try hours("10:00-12:00"), actor: "boss", at: now)
        try store.removeCalendarEntry(obon.id, actor: "boss", at: now)
        #expect(try store.calendarEntries().map(\.id) == [3, 5])
        #expect(try store.database.statement("SELECT id, kind, coalesce(first_day, weekday), removed_at IS NOT NULL FROM calendar_entries ORDER BY id")
            .map { "\(try $0.int(0)) \(try $0.string(1)) \(try $0.string(2)) \(try $0.int(3))" }
                == ["1 closed 2026-08-13 1", "2 open 2026-08-14 1", "3 closed 2026-08-14 0", "4 weekday 7 1", "5 weekday 7 0"])
        #expect(try store.allEvents().filter { $0.kind.hasPrefix("calendar.") }.map { "\($0.subjectID) \($0.kind)" }
                == ["1 calendar.added", "2 calendar.added", "2 calendar.removed", "3 calendar.added", "4 calendar.added",
                    "4 calendar.removed", "5 calendar.added", "1 calendar.removed"])
        #expect(store.policy.calendar.officeDay(try day("2026-08-14")) == .closed(.closed(note: "")))
        #expect(store.policy.calendar.officeDay(try day("2026-11-21")) == .open(try hours("10:00-12:00")))
        let reopened = try DeskStore.open(path: store.path, mode: .existing, now: now)
        #expect(reopened.policy == store.policy)
        #expect(throws: DeskError(.badInput, "calendar entry #1 is not in force; `desk calendar entries` lists those that are")) {
            try store.removeCalendarEntry(1, actor: "boss", at: now)
        }
    }

    @Test func theTableRefusesWhatTheCalendarCouldNotRead() throws {
        let store = try makeDesk()
        for row in ["('closed', '2026-02-30', '2026-02-30', NULL, NULL, NULL, '')",
                    "('closed', '2026-08-16', '2026-08-13', NULL, NULL, NULL, '')",
                    "('open', '2026-08-13', '2026-08-13', NULL, '12:00', '09:00', NULL)",
                    "('weekday', NULL, NULL, 8, NULL, NULL, NULL)"] {
            #expect(throws: DatabaseError.self) {
                try store.database.execute(
                    "INSERT INTO calendar_entries (kind, first_day, last_day, weekday, opens, closes, note, added_at) VALUES \(row.dropLast()), '2026-11-20T01:00:00Z')")
            }
        }
    }
}
