import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Plans

    /// Sets account `code`'s plan (replacing the one before), with an `account.plan_set` event whose fields are
    /// what the usage of a month reads back as of the month's end.
    @discardableResult
    public func setPlan(_ plan: Plan, for code: String, actor: String, at now: Date) throws -> Plan {
        for (value, option) in [(plan.monthlyFeeYen, "--fee"), (plan.callsIncluded, "--included"), (plan.extraCallYen, "--extra")]
        where value < 0 {
            throw DeskError(.badInput, "\(option) is \(value); give zero or more (yen, or calls)")
        }
        guard (0...100).contains(plan.strikeCapPercent) else {
            throw DeskError(.badInput, "--strike-cap is \(plan.strikeCapPercent)%; give a share of the calls included from 0% to 100%")
        }
        return try write {
            let account = try requireAccount(code)
            try refuseIfClosed(account.id)
            let before = try currentPlan(ofAccount: account.id)
            try database.execute("""
                INSERT INTO account_plans (account_id, monthly_fee_yen, calls_included, extra_call_yen, billable,
                                           strike_cap_percent, set_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET monthly_fee_yen = excluded.monthly_fee_yen,
                    calls_included = excluded.calls_included, extra_call_yen = excluded.extra_call_yen,
                    billable = excluded.billable, strike_cap_percent = excluded.strike_cap_percent, set_at = excluded.set_at
                """,
                [.int(account.id), .int(plan.monthlyFeeYen), .int(plan.callsIncluded), .int(plan.extraCallYen),
                 .text(Self.billableJSON(plan).rendered()), .int(plan.strikeCapPercent), .text(Timestamp.format(now))])
            try appendEvent(.accountPlanSet, account.id, actor: actor, at: now, before: before.map(Self.json),
                            after: Self.json(plan))
            return plan
        }
    }

    /// Account `code`'s plan as it is now; nil when none was set.
    public func plan(of code: String) throws -> Plan? {
        try read { try currentPlan(ofAccount: try requireAccount(code).id) }
    }

    func currentPlan(ofAccount id: Int) throws -> Plan? {
        try plan(ofAccount: id, asOf: nil)
    }

    /// The plan in force for account `id` at `moment` (nil: now): the latest `account.plan_set` by then, from the log.
    func plan(ofAccount id: Int, asOf moment: Date?) throws -> Plan? {
        let json = try database.statement("""
            SELECT after FROM events WHERE subject = 'setting' AND subject_id = ?1 AND kind = 'account.plan_set'
              AND (?2 IS NULL OR at <= ?2)
            ORDER BY id DESC LIMIT 1
            """).first([.int(id), .text(moment.map(Timestamp.format))]) { try $0.string(0) }
        return try json.map(Self.plan(fromEvent:))
    }

    static func json(_ plan: Plan) -> JSONValue {
        .object([
            ("fee_yen", .int(plan.monthlyFeeYen)), ("calls_included", .int(plan.callsIncluded)),
            ("extra_call_yen", .int(plan.extraCallYen)), ("billable", billableJSON(plan)),
            ("strike_cap_percent", .int(plan.strikeCapPercent)),
        ])
    }

    private static func billableJSON(_ plan: Plan) -> JSONValue {
        .array(plan.billableInOrder.map { .string($0.rawValue) })
    }

    private static func plan(fromEvent text: String) throws -> Plan {
        let damaged = DeskError(.badInput, "a plan in the event log cannot be read; run `desk check`, or restore a backup")
        guard case .object(let fields) = try JSONValue.parse(text) else { throw damaged }
        func int(_ key: String) throws -> Int {
            guard let value = fields.first(where: { $0.0 == key })?.1, case .int(let number) = value else { throw damaged }
            return number
        }
        guard let listed = fields.first(where: { $0.0 == "billable" })?.1, case .array(let names) = listed else { throw damaged }
        let billable = try names.map { name -> CallCategory in
            guard case .string(let raw) = name, let category = CallCategory(rawValue: raw) else { throw damaged }
            return category
        }
        return Plan(monthlyFeeYen: try int("fee_yen"), callsIncluded: try int("calls_included"),
                    extraCallYen: try int("extra_call_yen"), billable: Set(billable),
                    strikeCapPercent: try int("strike_cap_percent"))
    }

    // MARK: - Block lists

    /// Puts `phone` on account `code`'s block list, with an `account.blocked` event.
    @discardableResult
    public func block(_ phone: PhoneNumber, for code: String, note: String?, actor: String, at now: Date) throws -> BlockedNumber {
        let note = note.flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed }
        try TextLimit.accountNotes.check(note)
        return try write {
            let account = try requireAccount(code)
            try refuseIfClosed(account.id)
            if try blockedEntry(phone, inAccount: account.id) != nil {
                throw DeskError(.badInput, "\(phone.national) is on \(code)'s block list already; see `desk account blocked \(code)`")
            }
            try database.execute("INSERT INTO account_blocks (account_id, phone, note, added_at) VALUES (?, ?, ?, ?)",
                                 [.int(account.id), .text(phone.e164), .text(note), .text(Timestamp.format(now))])
            let id = database.lastInsertedRowID
            try appendEvent(.accountBlocked, id, actor: actor, at: now, after: .object([
                ("account", .string(code)), ("phone", .string(phone.e164)), ("note", note.map(JSONValue.string) ?? .null),
            ]))
            return BlockedNumber(id: id, phone: phone, note: note, addedAt: now)
        }
    }

    /// Takes `phone` off account `code`'s block list, with an `account.unblocked` event.
    public func unblock(_ phone: PhoneNumber, for code: String, actor: String, at now: Date) throws {
        try write {
            let account = try requireAccount(code)
            try refuseIfClosed(account.id)
            guard let entry = try blockedEntry(phone, inAccount: account.id) else {
                throw DeskError(.badInput, "\(phone.national) is not on \(code)'s block list; see `desk account blocked \(code)`")
            }
            try database.execute("UPDATE account_blocks SET removed_at = ? WHERE id = ?",
                                 [.text(Timestamp.format(max(now, entry.addedAt))), .int(entry.id)])
            try appendEvent(.accountUnblocked, entry.id, actor: actor, at: now, before: .object([
                ("account", .string(code)), ("phone", .string(phone.e164)),
            ]))
        }
    }

    /// The numbers on account `code`'s block list, in the order they were added.
    public func blockedNumbers(of code: String) throws -> [BlockedNumber] {
        try read {
            let account = try requireAccount(code)
            return try database.statement(
                "SELECT id, phone, note, added_at FROM account_blocks WHERE account_id = ? AND removed_at IS NULL ORDER BY id"
            ).map([.int(account.id)], Self.blockedNumber(from:)).compactMap { $0 }
        }
    }

    func blockedEntry(_ phone: PhoneNumber, inAccount id: Int) throws -> BlockedNumber? {
        try database.statement(
            "SELECT id, phone, note, added_at FROM account_blocks WHERE account_id = ? AND phone = ? AND removed_at IS NULL"
        ).first([.int(id), .text(phone.e164)], Self.blockedNumber(from:)) ?? nil
    }

    private static func blockedNumber(from row: Row) throws -> BlockedNumber? {
        guard let phone = PhoneNumber(e164: try row.string(1)) else { return nil }
        return BlockedNumber(id: try row.int(0), phone: phone, note: row.optionalString(2), addedAt: try date(row.string(3)))
    }
}
