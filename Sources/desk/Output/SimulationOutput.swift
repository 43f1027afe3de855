import Foundation
import MessageDesk

/// How `desk simulate` shows its report: a day-by-day table, the office beside Erlang C, and JSON.
enum SimulationOutput {
    // MARK: - Text

    /// The figures in the order the table and the comparison show them: label, then the value's text.
    static func rows(_ figures: SimulationFigures) -> [(String, String)] {
        let office = figures.office
        return [
            ("calls to mobiles", String(figures.mobileCalls)),
            ("unanswered", String(figures.unansweredMobile)),
            ("fell back to office", "\(figures.fellBackToOffice) (\(percent(figures.fallbackRate)))"),
            ("office offered", String(office.offered)),
            ("answered", String(office.answered)),
            ("abandoned", "\(office.abandoned) (\(percent(office.abandonRate)))"),
            ("ASA", seconds(office.averageSpeedOfAnswer)),
            ("service level", percent(office.serviceLevel)),
            ("occupancy", percent(figures.occupancy)),
            ("callbacks opened", String(figures.callbacksOpened)),
            ("joined", String(figures.callbacksJoined)),
            ("done", String(figures.callbacksDone)),
            ("done on time", String(figures.callbacksDoneOnTime)),
            ("failed attempts", String(figures.failedAttempts)),
            ("missed calls returned", String(figures.missedCallsReturned)),
            ("delay p50", minutes(figures.callbackDelay(quantile: 0.5))),
            ("delay p90", minutes(figures.callbackDelay(quantile: 0.9))),
            ("delay p99", minutes(figures.callbackDelay(quantile: 0.99))),
            ("escalations", String(figures.escalations.values.reduce(0, +))),
            ("deals lost ①", String(figures.dealsLostTypeOne)),
            ("deals lost ②", String(figures.dealsLostTypeTwo)),
        ]
    }

    /// The whole human report.
    static func text(_ report: SimulationReport, calendar: BusinessCalendar) -> String {
        let labels = ["day", "mobile", "unans", "office", "answ", "aband", "ASA", "SL", "occ", "opened", "joined", "done",
                      "on time", "p50", "p90", "p99", "esc", "lost"]
        var table = TextTable(columns: labels.enumerated().map { .init($1, alignment: $0 == 0 ? .left : .right) })
        func cells(_ name: String, _ f: SimulationFigures) -> [String] {
            [name, String(f.mobileCalls), String(f.unansweredMobile), String(f.office.offered), String(f.office.answered),
             String(f.office.abandoned), seconds(f.office.averageSpeedOfAnswer), percent(f.office.serviceLevel),
             percent(f.occupancy), String(f.callbacksOpened), String(f.callbacksJoined), String(f.callbacksDone),
             String(f.callbacksDoneOnTime), minutes(f.callbackDelay(quantile: 0.5)), minutes(f.callbackDelay(quantile: 0.9)),
             minutes(f.callbackDelay(quantile: 0.99)), String(f.escalations.values.reduce(0, +)), String(f.dealsLost)]
        }
        for (index, day) in report.days.enumerated() {
            table.rows.append(cells(calendar.dayString(report.dayOpenings[index]), day))
        }
        table.rows.append(cells("total", report.total))
        var text = table.rendered() + daysLines(report, calendar: calendar)
        let c = report.erlangC, a = report.erlangA, total = report.total
        let target = report.configuration.serviceLevelSeconds
        text += "\noffice line, simulated vs theory at the run's average load (A = \(String(format: "%.2f", c.offeredLoad)) Erlangs, "
            + "\(c.agents) operator\(c.agents == 1 ? "" : "s")):\n"
        var theory = TextTable(columns: [.init(""), .init("simulated", alignment: .right), .init("Erlang C", alignment: .right),
                                         .init("Erlang A", alignment: .right)])
        theory.rows = [
            ["P(wait)", percent(total.office.probabilityOfWaiting), percent(c.probabilityOfWaiting), percent(a.probabilityOfWaiting)],
            ["abandoned", percent(total.office.abandonRate), "0%", percent(a.probabilityOfAbandoning)],
            ["ASA", seconds(total.office.averageSpeedOfAnswer), seconds(c.averageSpeedOfAnswer), "—"],
            ["service level \(Int(target)) s", percent(total.office.serviceLevel), percent(c.serviceLevel(target: target)), "—"],
            ["occupancy", percent(total.occupancy), percent(c.occupancy), percent(a.occupancy)],
        ]
        text += theory.rendered()
        text += "(both formulas assume the day's average load all day; the simulated day has morning and afternoon peaks. "
            + "Erlang C ignores hang-ups, Erlang A counts them: with impatient callers the simulated ASA is over answered "
            + "calls only, and falls below Erlang C's)\n"
        text += "\n" + DayChart.text(report, calendar: calendar)
        if !total.escalations.isEmpty {
            text += "\nescalations by step:\n"
            for (key, count) in total.escalations.sorted(by: { $0.key < $1.key }) { text += "  \(key): \(count)\n" }
        }
        return text
    }

    /// What the table's dates leave out, only when there is something to say: the closed days the run skipped,
    /// and the days whose hours are not the usual ones.
    static func daysLines(_ report: SimulationReport, calendar: BusinessCalendar) -> String {
        var text = ""
        if !report.closedDays.isEmpty {
            text += "closed within the run, not simulated: \(closedRuns(report.closedDays))\n"
        }
        let usual = "\(calendar.opens)-\(calendar.closes)"
        let own = zip(report.dayOpenings, report.dayClosings).map { ($0, hours($0, $1, calendar: calendar)) }
            .filter { $0.1 != usual }
        if !own.isEmpty {
            text += "days with their own hours (usually \(usual)): "
                + own.map { "\(calendar.dayString($0.0)) \($0.1)" }.joined(separator: ", ") + "\n"
        }
        return text
    }

    /// "2026-12-29..2027-01-03 (年末年始), 2027-02-11 (…)": consecutive days closed for the same reason as one range.
    static func closedRuns(_ days: [CalendarDay]) -> String {
        var runs: [(first: CalendarDay, last: CalendarDay, why: String)] = []
        // The report lists closed days only (SimulationReport.closedDays); an open day has no reason to name.
        for day in days {
            guard case .closed(let reason) = day.office else { continue }
            let why = CalendarOutput.why(reason, weekday: day.day.weekday)
            if let last = runs.last, last.why == why, last.last.day.end == day.day.start {
                runs[runs.count - 1].last = day
            } else {
                runs.append((day, day, why))
            }
        }
        return runs.map { run in
            (run.first.day == run.last.day ? run.first.day.description : "\(run.first.day)..\(run.last.day)") + " (\(run.why))"
        }.joined(separator: ", ")
    }

    /// A simulated day's hours, "09:00-18:00".
    static func hours(_ opening: Date, _ closing: Date, calendar: BusinessCalendar) -> String {
        "\(calendar.timeString(opening))-\(calendar.timeString(closing))"
    }

    /// Scenarios side by side: one row per figure, one column per value of the compared parameter.
    static func comparison(name: String, values: [String], reports: [SimulationReport]) -> String {
        var table = TextTable(columns: [.init("")] + values.map { .init("\(name)=\($0)", alignment: .right) })
        let columns = reports.map { rows($0.total) }
        for (row, label) in (columns.first ?? []).map(\.0).enumerated() {
            table.rows.append([label] + columns.map { $0[row].1 })
        }
        return table.rendered()
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func seconds(_ value: Double) -> String { value.isFinite ? String(format: "%.1f s", value) : "∞" }

    static func minutes(_ value: Double) -> String {
        let total = Int((value / 60).rounded())
        return total >= 60 ? "\(total / 60)h\(String(format: "%02d", total % 60))" : "\(total)m"
    }

    // MARK: - JSON

    static func json(_ figures: SimulationFigures) -> JSONValue {
        let office = figures.office
        return .object([
            ("calls_to_mobiles", .int(figures.mobileCalls)),
            ("unanswered_mobile", .int(figures.unansweredMobile)),
            ("fell_back_to_office", .int(figures.fellBackToOffice)),
            ("fallback_rate", .number(figures.fallbackRate)),
            ("office_offered", .int(office.offered)),
            ("office_answered", .int(office.answered)),
            ("office_abandoned", .int(office.abandoned)),
            ("office_waited", .int(office.waited)),
            ("average_speed_of_answer_seconds", .number(office.averageSpeedOfAnswer)),
            ("service_level", .number(office.serviceLevel)),
            ("service_level_seconds", .number(office.target)),
            ("occupancy", .number(figures.occupancy)),
            ("callbacks_opened", .int(figures.callbacksOpened)),
            ("callbacks_joined", .int(figures.callbacksJoined)),
            ("callbacks_done", .int(figures.callbacksDone)),
            ("callbacks_done_on_time", .int(figures.callbacksDoneOnTime)),
            ("failed_attempts", .int(figures.failedAttempts)),
            ("missed_calls_returned", .int(figures.missedCallsReturned)),
            ("callback_delay_seconds", .object([
                ("p50", .number(figures.callbackDelay(quantile: 0.5))),
                ("p90", .number(figures.callbackDelay(quantile: 0.9))),
                ("p99", .number(figures.callbackDelay(quantile: 0.99))),
            ])),
            ("escalations", .object(figures.escalations.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("deals_lost", .int(figures.dealsLost)),
            ("deals_lost_type_one", .int(figures.dealsLostTypeOne)),
            ("deals_lost_type_two", .int(figures.dealsLostTypeTwo)),
        ])
    }

    static func json(parameters configuration: SimulationConfiguration) -> JSONValue {
        .object(SimulationParameter.all.map { parameter in
            let text = parameter.value(in: configuration)
            return (parameter.name, Int(text).map(JSONValue.int) ?? Double(text).map(JSONValue.number) ?? .string(text))
        })
    }

    /// The report; `database` (where a single run left its simulated desk) comes first when given.
    static func json(_ report: SimulationReport, calendar: BusinessCalendar, database: String? = nil) -> JSONValue {
        let c = report.erlangC, a = report.erlangA
        return .object((database.map { [("database", JSONValue.string($0))] } ?? []) + [
            ("parameters", json(parameters: report.configuration)),
            ("days", .array(report.days.enumerated().map { index, figures in
                .object([("date", .string(calendar.dayString(report.dayOpenings[index]))),
                         ("hours", .string(hours(report.dayOpenings[index], report.dayClosings[index], calendar: calendar))),
                         ("figures", json(figures))])
            })),
            // As `desk calendar --json` lists a day; a holiday's forecast flag as of the run's first day.
            ("closed_days", .array(report.closedDays.map { day in
                CalendarOutput.json(day, today: report.dayOpenings.first.map { LocalDay(containing: $0, calendar: calendar) } ?? day.day)
            })),
            ("total", json(report.total)),
            ("theory", .object([
                ("offered_load_erlangs", .number(c.offeredLoad)),
                ("erlang_c", .object([
                    ("probability_of_waiting", .number(c.probabilityOfWaiting)),
                    ("service_level", .number(c.serviceLevel(target: report.configuration.serviceLevelSeconds))),
                    ("average_speed_of_answer_seconds", .number(c.averageSpeedOfAnswer)),
                    ("occupancy", .number(c.occupancy)),
                ])),
                ("erlang_a", .object([
                    ("probability_of_waiting", .number(a.probabilityOfWaiting)),
                    ("probability_of_abandoning", .number(a.probabilityOfAbandoning)),
                    ("occupancy", .number(a.occupancy)),
                ])),
            ])),
        ])
    }
}
