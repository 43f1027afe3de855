import Foundation
import Testing
@testable import MessageDesk

/// Settings are validated as a whole, the same way when set and when loaded: no sequence of `config set`
/// commands, accepted or refused, leaves a desk that cannot open, take a message, list, sweep or show its settings.
@Suite struct SettingsFuzzTests {
    /// Values a person might type for each setting: most plausible, some not (each setting gets both).
    static func candidates(for setting: Setting) -> [String] {
        switch setting {
        case .timeZone: ["Asia/Tokyo", "UTC", "Europe/London", "America/New_York", "Mars/Olympus", ""]
        case .businessHours: ["09:00-18:00", "08:30-17:30", "10:00-19:00", "00:00-23:59", "18:00-09:00", "9-5", "25:00-26:00"]
        case .businessDays: ["mon-fri", "mon,tue,thu", "mon-sat", "sat,sun", "", "funday"]
        case .yearEndClosure: ["12-29..01-03", "12-28..01-04", "none", "2026-12-29..2027-01-03", "02-30", "01-03..12-29", ""]
        case .nationalHolidays: ["on", "off", "OFF", " on ", "yes", ""]
        case .urgentDueMinutes, .type1DueMinutes: ["1", "30", "120", "1440", "0", "1441", "-5", "abc"]
        case .sensitiveKeywords: ["給与,訴訟", "", "salary、ソショウ", ",,"]
        case .priorityUrgent, .priorityBuyerType1, .priorityOverduePerHour, .priorityAgePerHour, .priorityAgeCap,
             .priorityRepeatCall, .priorityNewContact, .priorityEscalationLevel:
            ["0", "1.5", "3", "1000", "1001", "-1", "nan", "inf", "abc"]
        case .urgentEscalation, .overdueEscalation:
            ["owner@0m", "owner@0m substitute@30m boss@60m", "owner@0m substitute@10m escalation_contact@20m",
             "owner@0m boss@5h", "owner@0m escalation_contact@2d", "substitute@10m owner@0m", "owner@soon", "ghost@0m", ""]
        case .urgentEscalationEvery, .overdueEscalationEvery: ["10m", "30m", "45m", "2h", "4h", "1d", "3d", "0m", "banana"]
        case .urgentEscalationCycles, .overdueEscalationCycles: ["1", "2", "3", "100", "0", "101", "x"]
        case .renotifyAfter: ["off", "15m", "30m", "1h", "12h", "24h", "45m", "0", ""]
        }
    }

    /// One pick from `items` (never empty here).
    static func pick<T>(_ items: [T], _ random: inout SeededGenerator) -> T {
        items[Int(random.next() % UInt64(items.count))]
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func noSequenceOfConfigSetsBricksTheDesk(seed: UInt64) throws {
        var now = at("2026-11-24T10:00:00+09:00")
        let desk = try makeDesk(now: now)
        var random = SeededGenerator(seed: seed)
        var accepted = 0
        for step in 0..<120 {
            let setting = Self.pick(Setting.allCases, &random)
            let value = Self.pick(Self.candidates(for: setting), &random)
            let events = try count(desk, "events", where: "subject = 'setting'")
            let stored = try desk.storedSettings()
            do {
                try desk.set(setting, to: value, actor: "boss", at: now)
                accepted += 1
            } catch let error as DeskError {
                #expect(error.kind == .badInput, "step \(step): \(setting.rawValue) = '\(value)': \(error)")
                // A refused change stores nothing.
                #expect(try desk.storedSettings() == stored, "step \(step): \(setting.rawValue) = '\(value)'")
                #expect(try count(desk, "events", where: "subject = 'setting'") == events)
            }
            // What the next command sees: the desk opened afresh from the file.
            let next: DeskStore
            do {
                next = try DeskStore.open(path: desk.path, mode: .existing, now: now)
            } catch {
                Issue.record("step \(step): after \(setting.rawValue) = '\(value)' the desk no longer opens: \(error)")
                return
            }
            #expect(next.policy == desk.policy, "step \(step): the policy loaded differs from the one set")
            #expect(next.settingProblems.isEmpty, "step \(step): \(next.settingProblems.map(\.message))")
            let taken = try next.takeMessage(
                message(phone: "03-1234-\(String(format: "%04d", step))", urgent: step % 2 == 0), actor: "sato", at: now)
            #expect(try next.callbacks(CallbackFilter(), at: now).contains { $0.callback.id == taken.callback.id })
            _ = try next.sweep(actor: "cron", at: now)
            #expect(Setting.values(of: next.policy).count == Setting.allCases.count)
            now.addTimeInterval(7 * 60)
        }
        #expect(accepted > 20)
    }

    // MARK: - Whatever is stored

    @Test func storedValuesResolveWholeWhateverTheirOrderAndBadOnesGiveWayToDefaults() {
        // The audit's pair, valid together: in force, whatever order they are read in.
        let pair = DeskSettings.resolve(["escalation.urgent_steps": "owner@0m substitute@30m boss@60m",
                                         "escalation.urgent_every": "2h"], isStaff: { $0 == "boss" })
        #expect(pair.problems.isEmpty)
        #expect(pair.policy.escalation.urgent.cycleMinutes == 120)
        #expect(pair.policy.escalation.urgent.steps.map(\.offsetMinutes) == [0, 30, 60])

        let stored = ["escalation.urgent_every": "banana", "escalation.urgent_steps": "owner@0m boss@1h",
                      "business_hours": "18:00-09:00", "priority.urgent": "9", "some.future_setting": "x"]
        let resolved = DeskSettings.resolve(stored, isStaff: { _ in false })
        #expect(resolved.problems.map(\.message) == [
            "the stored setting escalation.urgent_every = 'banana' is not in force ('banana' is not a duration: use e.g. 30m, 4h or 1d); its default 30m applies until you fix it with `desk config set escalation.urgent_every VALUE`",
            "the stored setting business_hours = '18:00-09:00' is not in force (business hours 18:00–09:00 close before they open: give a closing time after the opening time, e.g. 09:00–18:00); the defaults of the business calendar apply until you fix it with `desk config set business_hours VALUE`",
            "the stored setting escalation.urgent_steps = 'owner@0m boss@1h' is not in force (the ladder repeats every 30m but its last step is at 60m; repeat it later); the defaults of the urgent ladder apply until you fix it with `desk config set escalation.urgent_steps VALUE`",
        ])
        // What is in force: the defaults where a value or its group failed, the rest as stored.
        var expected = DeskPolicy.standard
        expected.coefficients.urgent = 9
        #expect(resolved.policy == expected)
        #expect(resolved.problems.map { Setting.allCases.filter($0.concerns) } == [
            [.urgentEscalationEvery],
            [.timeZone, .businessHours, .businessDays, .yearEndClosure, .nationalHolidays],
            [.urgentEscalation, .urgentEscalationEvery, .urgentEscalationCycles],
        ])
    }

    @Test func aDeskWithBadStoredSettingsOpensTakesMessagesAndIsRepairedBySettingThem() throws {
        let desk = try makeDesk()
        let now = at("2026-11-24T10:00:00+09:00")
        try desk.database.execute("""
            INSERT INTO settings (key, value) VALUES ('escalation.overdue_steps', 'owner@0m ghost@1h'),
                ('urgent_due_minutes', '0'), ('time_zone', 'Mars/Olympus')
            """)
        let opened = try DeskStore.open(path: desk.path, mode: .existing, now: now)
        #expect(opened.policy == DeskPolicy.standard)
        #expect(opened.settingProblems.map(\.settings) == [[.timeZone], [.urgentDueMinutes], [.overdueEscalation]])
        #expect(opened.settingProblems.last?.reason
                == "'ghost' is not on the staff list; add them first, or use owner, substitute or escalation_contact")
        _ = try opened.takeMessage(message(urgent: true), actor: "sato", at: now)
        _ = try opened.sweep(actor: "cron", at: now.addingTimeInterval(3600 * 10))
        // A change elsewhere in the ghost's ladder cannot be in force while the ghost is: refused, and why.
        #expect(throws: DeskError(.badInput,
            "escalation.overdue_cycles: 'ghost' is not on the staff list; add them first, or use owner, substitute or escalation_contact")) {
            try opened.set(.overdueEscalationCycles, to: "2", actor: "boss", at: now)
        }
        try opened.set(.overdueEscalation, to: "owner@0m boss@1h", actor: "boss", at: now)
        try opened.set(.urgentDueMinutes, to: "15", actor: "boss", at: now)
        try opened.set(.timeZone, to: "Asia/Tokyo", actor: "boss", at: now)
        #expect(opened.settingProblems.isEmpty)
        let reopened = try DeskStore.open(path: desk.path, mode: .existing, now: now)
        #expect(reopened.settingProblems.isEmpty && reopened.policy == opened.policy)
        #expect(reopened.policy.urgentMinutes == 15)
    }
}
