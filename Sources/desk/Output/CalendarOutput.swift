import MessageDesk

/// `desk calendar`'s forms: the period's unusual days as a table, every day in JSON, and the entries.
struct CalendarOutput {
    let calendar: BusinessCalendar
    let period: CalendarPeriod
    /// The day the listing is made, which says whether an equinox day is official yet.
    let today: LocalDay

    /// The weekly hours, the year-end closure, the holidays, then each day the calendar changes.
    func text(ambiguousIsWide: Bool) -> String {
        var text = "Calendar \(period) (\(calendar.timeZone.identifier))\n"
        text += "Weekly hours: \(Self.weekly(calendar))\n"
        text += "Every year: " + (calendar.yearEndClosure.map { "closed \($0) (\(BusinessCalendar.yearEndNote))" } ?? "no year-end closure") + "\n"
        text += "National holidays: " + (calendar.observesNationalHolidays ? "closed" : "working days") + "\n"
        let days = calendar.days(in: period)
        // Said once for the year when one of its listed holidays rests on an equinox day not yet published.
        if days.contains(where: { $0.holiday.map { !$0.isOfficial(asOf: today) } ?? false }) {
            text += "\(period.year)'s 春分の日 and 秋分の日 are a forecast until the 官報 publishes them on "
                + "\(EquinoxDay.publicationISODate(ofYear: period.year)) (in February of the year before).\n"
        }
        let unusual = days.filter { !$0.isUsual }
        guard !unusual.isEmpty else { return text + "No closures or changed hours in \(period).\n" }
        let table = TextTable(
            columns: [TextTable.Column("DATE"), TextTable.Column("DAY"), TextTable.Column("HOURS"), TextTable.Column("WHY")],
            rows: unusual.map { [$0.day.description, $0.day.weekday.shortName, Self.hoursText($0.office), why($0)] })
        return text + table.rendered(ambiguousIsWide: ambiguousIsWide)
    }

    /// Every day of the period.
    func json() -> JSONValue {
        .object([
            ("period", .string(period.description)), ("time_zone", .string(calendar.timeZone.identifier)),
            ("weekly", .array(Weekday.mondayFirst.map { weekday in
                .object([("weekday", .string(weekday.shortName)),
                         ("hours", calendar.hours(of: weekday).map { .string($0.description) } ?? .null)])
            })),
            ("year_end_closure", calendar.yearEndClosure.map { .string($0.description) } ?? .null),
            ("national_holidays", .string(Setting.nationalHolidays.value(in: DeskPolicy(calendar: calendar)))),
            ("equinox_days", .object([("official", .bool(EquinoxDay.isOfficial(year: period.year, asOf: today))),
                                      ("published_on", .string(EquinoxDay.publicationISODate(ofYear: period.year)))])),
            ("days", .array(calendar.days(in: period).map { Self.json($0, today: today) })),
        ])
    }

    /// One day: its date, weekday, hours or why it is closed, and its holiday, official or a forecast as of
    /// `today` (also `desk simulate --json`'s closed days).
    static func json(_ day: CalendarDay, today: LocalDay) -> JSONValue {
        var fields: [(String, JSONValue)] = [("date", .string(day.day.description)), ("weekday", .string(day.day.weekday.shortName))]
        switch day.office {
        case .open(let hours):
            fields += [("open", .bool(true)), ("hours", .string(hours.description)), ("closed_because", .null), ("note", .null)]
        case .closed(.holiday):
            fields += [("open", .bool(false)), ("hours", .null), ("closed_because", .string("holiday")), ("note", .null)]
        case .closed(.closed(let note)):
            fields += [("open", .bool(false)), ("hours", .null), ("closed_because", .string("closed")), ("note", .string(note))]
        case .closed(.weekday):
            fields += [("open", .bool(false)), ("hours", .null), ("closed_because", .string("weekday")), ("note", .null)]
        }
        let holiday: JSONValue = day.holiday.map {
            .object([("name", .string($0.name)), ("official", .bool($0.isOfficial(asOf: today)))])
        } ?? .null
        return .object(fields + [("holiday", holiday), ("usual", .bool(day.isUsual))])
    }

    /// "mon-fri 09:00-18:00, sat 09:00-12:00, sun closed": runs of weekdays with the same hours, Monday first.
    static func weekly(_ calendar: BusinessCalendar) -> String {
        var runs: [(days: [Weekday], hours: BusinessHours?)] = []
        for weekday in Weekday.mondayFirst {
            let hours = calendar.hours(of: weekday)
            if let last = runs.last, last.hours == hours {
                runs[runs.count - 1].days.append(weekday)
            } else {
                runs.append(([weekday], hours))
            }
        }
        return runs.map { run in
            "\(Weekday.describe(Set(run.days))) \(run.hours?.description ?? "closed")"
        }.joined(separator: ", ")
    }

    static func hoursText(_ office: OfficeDay) -> String {
        switch office {
        case .open(let hours): hours.description
        case .closed: "closed"
        }
    }

    /// "勤労感謝の日", "春分の日 (forecast)", "opened on 勤労感謝の日", "お盆", "weekday".
    private func why(_ day: CalendarDay) -> String {
        switch day.office {
        case .open: day.holiday.map { "opened on \(name($0))" } ?? "opened"
        case .closed(.holiday(let holiday)): name(holiday)
        case .closed(let reason): Self.why(reason)
        }
    }

    /// The holiday's name, marked while it rests on an equinox day the 官報 has not published.
    private func name(_ holiday: NationalHoliday) -> String {
        holiday.name + (holiday.isOfficial(asOf: today) ? "" : " (forecast)")
    }

    /// Why the office is closed, in a word or a name: "勤労感謝の日", "年末年始", "closed" (a closure without a
    /// note), or the weekday's name. The board and the report say it too.
    static func why(_ reason: ClosureReason, weekday: Weekday? = nil) -> String {
        switch reason {
        case .holiday(let holiday): holiday.name
        case .closed(let note): note.isEmpty ? "closed" : note
        case .weekday: weekday?.shortName ?? "weekday"
        }
    }

    // MARK: - Entries

    static func json(_ entry: CalendarEntry) -> JSONValue {
        .object([("id", .int(entry.id)), ("kind", .string(entry.kind)), ("days", .string(entry.days)),
                 ("hours", entry.hours.map { .string($0.description) } ?? .null), ("note", entry.note.map(JSONValue.string) ?? .null)])
    }

    /// An entry's hours column: its hours, "usual" for a date opened with its usual hours, "closed" for a closed weekday.
    static func hoursText(_ entry: CalendarEntry) -> String {
        switch entry.change {
        case .closed: ""
        case .opened(_, let hours): hours?.description ?? "usual"
        case .weekday(_, let hours): hours?.description ?? "closed"
        }
    }

    /// "closed 2026-08-13..2026-08-16 (お盆)", "open 2026-11-23 with its usual hours", "open 2026-12-28 09:00-12:00", "sat 09:00-12:00".
    static func sentence(_ entry: CalendarEntry) -> String {
        switch entry.change {
        case .closed(let span, let note): "closed \(span)" + (note.isEmpty ? "" : " (\(note))")
        case .opened(let date, let hours): "open \(date) " + (hours?.description ?? "with its usual hours")
        case .weekday(let weekday, let hours): "\(weekday.shortName) \(hours?.description ?? "closed")"
        }
    }

    static func printEntry(_ entry: CalendarEntry, json: Bool) {
        if json {
            Output.line(Self.json(entry).rendered(pretty: true))
        } else {
            Output.line(TerminalText.sanitized("#\(entry.id) \(sentence(entry))"))
        }
    }

    static func printEntries(_ entries: [CalendarEntry], json: Bool) {
        if json {
            Output.line(JSONValue.array(entries.map(Self.json)).rendered(pretty: true))
        } else {
            for entry in entries { Output.line(TerminalText.sanitized("#\(entry.id) \(sentence(entry))")) }
        }
    }
}
