import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Calls that are not messages

    /// Records a call that leaves no message (`desk log --outcome`) for the chosen account, with a `call.screened`
    /// event; no callback is opened. A call from a number on the account's block list is recorded as blocked,
    /// whatever outcome was given.
    public func recordScreenedCall(_ new: NewScreenedCall, actor: String, at now: Date) throws -> ScreenedCall {
        guard new.outcome != .message else {
            throw DeskError(.badInput, "a message is recorded with --message; --outcome takes sales, wrong-number, silent, spam or test")
        }
        guard new.phone != nil || new.outcome == .silent || new.outcome == .blocked else {
            throw DeskError(.badInput, "a \(new.outcome.argument) call needs the caller's number; give it with --phone (only a silent caller may have none)")
        }
        try TextLimit.accountNotes.check(new.note)
        return try write {
            let scope = try requireWritableScope()
            var outcome = new.outcome
            if let phone = new.phone, try blockedEntry(phone, inAccount: scope.id) != nil { outcome = .blocked }
            return try insertScreenedCall(outcome, phone: new.phone, operatorHandle: new.operatorHandle, note: new.note,
                                          in: scope, actor: actor, at: now)
        }
    }

    /// Records the call as blocked when `phone` is on the chosen account's block list, in one transaction with
    /// the check; nil (and nothing written) when it is not, so the message is taken as usual.
    public func recordIfBlocked(_ phone: PhoneNumber, operatorHandle: String?, actor: String, at now: Date) throws -> ScreenedCall? {
        try write {
            let scope = try requireWritableScope()
            guard try blockedEntry(phone, inAccount: scope.id) != nil else { return nil }
            return try insertScreenedCall(.blocked, phone: phone, operatorHandle: operatorHandle, note: nil,
                                          in: scope, actor: actor, at: now)
        }
    }

    /// Whether `phone` is on the chosen account's block list (the form asks before the message).
    public func isBlocked(_ phone: PhoneNumber) throws -> Bool {
        try read { try blockedEntry(phone, inAccount: try requireScope().id) != nil }
    }

    private func insertScreenedCall(_ outcome: CallCategory, phone: PhoneNumber?, operatorHandle: String?, note: String?,
                                    in scope: Account, actor: String, at now: Date) throws -> ScreenedCall {
        let operatorID = try operatorHandle.map { handle in
            let person = try requireStaff(handle)
            try requireLinkable(person, to: scope.id, as: "the operator")
            return person.id
        }
        // One id names one call of either table: the next after every call and screened call, and the calls'
        // sequence raised past it, so the next message call does not take it (nor does a restore hand it out again).
        let id = (try database.scalarInt("""
            SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'calls'), 0),
                       coalesce((SELECT max(id) FROM calls), 0), coalesce((SELECT max(id) FROM screened_calls), 0))
            """) ?? 0) + 1
        try database.execute("""
            INSERT INTO screened_calls (id, account_id, at, outcome, phone, operator_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.int(id), .int(scope.id), .text(Timestamp.format(now)), .text(outcome.rawValue), .text(phone?.e164),
                  .int(operatorID), .text(note)])
        try database.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'calls'", [.int(id)])
        if database.changes == 0 { try database.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('calls', ?)", [.int(id)]) }
        try appendEvent(.callScreened, id, actor: actor, at: now, after: .object([
            ("account", .string(scope.code)), ("outcome", .string(outcome.rawValue)),
            ("phone", phone.map { .string($0.e164) } ?? .null),
        ]))
        return ScreenedCall(id: id, at: now, outcome: outcome, phone: phone, account: scope.code)
    }

    // MARK: - Strikes

    /// Moves call `id` of the chosen account to spam for billing, with a `call.struck` event. Refused for a call
    /// of a closed month (its usage is final), a call struck already or recorded as spam, an account with no plan,
    /// and past the plan's cap on the strikes of the call's month.
    public func strike(call id: Int, reason: String, actor: String, at now: Date) throws -> MonthlyUsage.Call {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw DeskError(.badInput, "--reason is empty; say why the call is not billed, e.g. --reason 'robocall'") }
        try TextLimit.accountNotes.check(reason)
        return try write {
            let scope = try requireWritableScope()
            guard let call = try recordedCall(id, inAccount: scope.id) else {
                throw DeskError(.badInput, "no call \(id) of account \(scope.code); see `desk usage --month …` for its calls")
            }
            let month = LocalMonth(containing: call.at, calendar: scope.timeZone.map(policy.calendar.with) ?? policy.calendar)
            guard now < month.end else {
                throw DeskError(.badInput, "call \(id) is of \(month), a closed month whose usage no longer changes; strike only this month's calls")
            }
            if try database.scalarInt("SELECT 1 FROM call_strikes WHERE call_id = ?", [.int(id)]) != nil {
                throw DeskError(.badInput, "call \(id) is struck already; a call is struck once")
            }
            guard call.category != .spam else { throw DeskError(.badInput, "call \(id) is recorded as spam already; nothing to strike") }
            guard let plan = try currentPlan(ofAccount: scope.id) else {
                throw DeskError(.badInput, "account \(scope.code) has no plan, and the plan caps the strikes; set one with `desk account plan \(scope.code) …`")
            }
            let struck = try strikes(inAccount: scope.id, from: month.start, to: month.end)
            guard struck < plan.strikeCap else {
                throw DeskError(.badInput,
                    "\(scope.code) has \(struck) strike\(struck == 1 ? "" : "s") in \(month), its plan's cap (\(plan.strikeCapPercent)% of \(plan.callsIncluded) calls included); call \(id) stays \(call.category.argument)")
            }
            try database.execute("INSERT INTO call_strikes (call_id, account_id, at, reason) VALUES (?, ?, ?, ?)",
                                 [.int(id), .int(scope.id), .text(Timestamp.format(now)), .text(reason)])
            try appendEvent(.callStruck, id, actor: actor, at: now, before: .object([("category", .string(call.category.rawValue))]),
                            after: .object([("category", .string(CallCategory.spam.rawValue))]), reason: reason)
            return MonthlyUsage.Call(id: id, at: call.at, category: .spam, struckFrom: call.category)
        }
    }

    /// The chosen account's screened calls from `phone`, oldest first: what a caller's calls left no message.
    public func screenedCalls(from phone: PhoneNumber) throws -> [ScreenedCall] {
        try read {
            let scope = try requireScope()
            return try database.statement(
                "SELECT id, at, outcome FROM screened_calls WHERE account_id = ? AND phone = ? ORDER BY at, id"
            ).map([.int(scope.id), .text(phone.e164)]) { row in
                ScreenedCall(id: try row.int(0), at: try Self.date(row.string(1)),
                             outcome: try StoredValue.read(try row.string(2), in: "screened_calls.outcome"), phone: phone,
                             account: scope.code)
            }
        }
    }

    /// Call `id` of the chosen account, of either kind; another account's call or none is bad input.
    public func call(id: Int) throws -> CallRecord {
        try read {
            let scope = try requireScope()
            let found = try database.statement("""
                SELECT k.at, 'message', cl.phone, o.handle, f.handle, m.callback_id FROM calls k
                JOIN callers cl ON cl.id = k.caller_id LEFT JOIN staff o ON o.id = k.operator_id
                LEFT JOIN staff f ON f.id = k.for_id LEFT JOIN messages m ON m.call_id = k.id
                WHERE k.id = ?1 AND cl.account_id = ?2
                UNION ALL
                SELECT sc.at, sc.outcome, sc.phone, o.handle, NULL, NULL FROM screened_calls sc
                LEFT JOIN staff o ON o.id = sc.operator_id WHERE sc.id = ?1 AND sc.account_id = ?2
                """).first([.int(id), .int(scope.id)]) { row in
                CallRecord(id: id, account: scope.code, at: try Self.date(row.string(0)),
                           category: try StoredValue.read(try row.string(1), in: "screened_calls.outcome"),
                           phone: row.optionalString(2).flatMap(PhoneNumber.init(e164:)), operatorHandle: row.optionalString(3),
                           forHandle: row.optionalString(4), callbackID: row.optionalInt(5))
            }
            guard let found else {
                throw DeskError(.badInput, "no call \(id) in account \(scope.code); see `desk usage --month …` for its calls")
            }
            return found
        }
    }

    /// Call `id` as recorded (a message, or a screened call's outcome), when it is of account `accountID`.
    private func recordedCall(_ id: Int, inAccount accountID: Int) throws -> (at: Date, category: CallCategory)? {
        let text = try database.statement("""
            SELECT k.at, 'message' FROM calls k JOIN callers c ON c.id = k.caller_id WHERE k.id = ?1 AND c.account_id = ?2
            UNION ALL SELECT at, outcome FROM screened_calls WHERE id = ?1 AND account_id = ?2
            """).first([.int(id), .int(accountID)]) { (at: try $0.string(0), category: try $0.string(1)) }
        guard let text else { return nil }
        return (try Self.date(text.at), try StoredValue.read(text.category, in: "screened_calls.outcome"))
    }

    /// How many calls of account `accountID` made in [start, end) are struck.
    private func strikes(inAccount accountID: Int, from start: Date, to end: Date) throws -> Int {
        try database.scalarInt("""
            SELECT count(*) FROM call_strikes s
            WHERE s.account_id = ?1 AND coalesce((SELECT at FROM calls WHERE id = s.call_id),
                                                 (SELECT at FROM screened_calls WHERE id = s.call_id)) >= ?2
              AND coalesce((SELECT at FROM calls WHERE id = s.call_id), (SELECT at FROM screened_calls WHERE id = s.call_id)) < ?3
            """, [.int(accountID), .text(Timestamp.format(start)), .text(Timestamp.format(end))]) ?? 0
    }

    // MARK: - Usage

    /// The chosen account's usage of `month` as of `now`: the whole month once it is over, the month so far while
    /// it lasts. Calls are never changed; the strikes and the plan are read as they stood at the month's end, so a
    /// closed month does not change after later strikes, plan changes or calls. An account with its own time zone
    /// has its months in that zone.
    public func monthlyUsage(_ month: LocalMonth, at now: Date) throws -> MonthlyUsage {
        let scope = try chosenAccount()
        let month = scope.timeZone.map(month.inTimeZone) ?? month
        try refuseFuture(month, at: now)
        return try read {
            let asOf = min(now, month.end)
            let bounds = Self.bounds(month, asOf: asOf)
            var recorded: [(id: Int, at: Date, category: CallCategory)] = []
            try database.statement("""
                SELECT k.id, k.at, 'message' FROM calls k JOIN callers c ON c.id = k.caller_id
                WHERE c.account_id = ?1 AND k.at >= ?2 AND k.at < ?3 AND k.at <= ?4
                UNION ALL
                SELECT id, at, outcome FROM screened_calls WHERE account_id = ?1 AND at >= ?2 AND at < ?3 AND at <= ?4
                """).forEach([.int(scope.id)] + bounds) { row in
                recorded.append((try row.int(0), try Self.date(row.string(1)),
                                 try StoredValue.read(try row.string(2), in: "screened_calls.outcome")))
            }
            let struck = Set(try database.statement("SELECT call_id FROM call_strikes WHERE account_id = ?1 AND at <= ?4")
                .map([.int(scope.id)] + bounds) { try $0.int(0) })
            return MonthlyUsage(account: scope.code, accountName: scope.name, month: month, asOf: asOf,
                                plan: try plan(ofAccount: scope.id, asOf: asOf),
                                calls: MonthlyUsage.tally(recorded: recorded, struck: struck))
        }
    }

    /// The message calls of a month, counted by account (?2 to ?4 as `bounds`): found through `calls_by_time`.
    static let monthsMessageCallsByAccount = """
        SELECT c.account_id, count(*) FROM calls k JOIN callers c ON c.id = k.caller_id
        WHERE k.at >= ?2 AND k.at < ?3 AND k.at <= ?4 GROUP BY c.account_id
        """

    /// The screened calls of a month, counted by account and outcome.
    static let monthsScreenedCallsByAccount = """
        SELECT account_id, outcome, count(*) FROM screened_calls
        WHERE at >= ?2 AND at < ?3 AND at <= ?4 GROUP BY account_id, outcome
        """

    /// Every account's usage of `month` (one per account that existed by the month's end, by code), for invoicing.
    /// The calls are counted, not listed: one grouped pass over the month's calls for each time zone the accounts'
    /// months run in (the desk's, and each account's own).
    public func monthlyUsageOfAllAccounts(_ month: LocalMonth, at now: Date) throws -> [MonthlyUsage] {
        try refuseFuture(month, at: now)
        return try read {
            let accounts = try database.statement("SELECT \(Self.accountColumns) ORDER BY code")
                .map([]) { try Self.account(from: $0, in: database) }
                .map { (account: $0, month: $0.timeZone.map(month.inTimeZone) ?? month) }
                .filter { $0.account.createdAt < $0.month.end }
            var counted: [LocalMonth: [Int: (counts: [CallCategory: Int], strikes: Int)]] = [:]
            for zoned in Set(accounts.map(\.month)) {
                counted[zoned] = try monthsCounts(zoned, asOf: min(now, zoned.end))
            }
            return try accounts.map { account, month in
                let asOf = min(now, month.end)
                let counts = counted[month]?[account.id] ?? ([:], 0)
                return MonthlyUsage(account: account.code, accountName: account.name, month: month, asOf: asOf,
                                    plan: try plan(ofAccount: account.id, asOf: asOf), counts: counts.counts, strikes: counts.strikes)
            }
        }
    }

    /// Every account's calls of `month` as of `asOf`, counted by category as billed, with the strikes among them.
    private func monthsCounts(_ month: LocalMonth, asOf: Date) throws -> [Int: (counts: [CallCategory: Int], strikes: Int)] {
        let bounds = Self.bounds(month, asOf: asOf)
        var counts: [Int: (counts: [CallCategory: Int], strikes: Int)] = [:]
        try database.statement(Self.monthsMessageCallsByAccount).forEach([.null] + bounds) { row in
            counts[try row.int(0), default: ([:], 0)].counts[.message] = try row.int(1)
        }
        try database.statement(Self.monthsScreenedCallsByAccount).forEach([.null] + bounds) { row in
            let category: CallCategory = try StoredValue.read(try row.string(1), in: "screened_calls.outcome")
            counts[try row.int(0), default: ([:], 0)].counts[category] = try row.int(2)
        }
        // The month's struck calls move from their category to spam (a call recorded as spam stays where it is).
        try database.statement("""
            SELECT s.account_id, coalesce(sc.outcome, 'message') FROM call_strikes s
            LEFT JOIN calls k ON k.id = s.call_id LEFT JOIN screened_calls sc ON sc.id = s.call_id
            WHERE s.at <= ?4 AND coalesce(k.at, sc.at) >= ?2 AND coalesce(k.at, sc.at) < ?3
            """).forEach([.null] + bounds) { row in
            let category: CallCategory = try StoredValue.read(try row.string(1), in: "screened_calls.outcome")
            let id = try row.int(0)
            guard category != .spam, counts[id, default: ([:], 0)].counts[category, default: 0] > 0 else { return }
            counts[id, default: ([:], 0)].counts[category, default: 0] -= 1
            counts[id, default: ([:], 0)].counts[.spam, default: 0] += 1
            counts[id, default: ([:], 0)].strikes += 1
        }
        return counts
    }

    /// ?2 the month's start, ?3 its end, ?4 the moment of the usage (?1 is the account, when there is one).
    private static func bounds(_ month: LocalMonth, asOf: Date) -> [SQLValue] {
        [.text(Timestamp.format(month.start)), .text(Timestamp.format(month.end)), .text(Timestamp.format(asOf))]
    }

    private func refuseFuture(_ month: LocalMonth, at now: Date) throws {
        guard now >= month.start else {
            let calendar = policy.calendar
            throw DeskError(.badInput,
                "\(month) has not begun yet (it is \(calendar.dayString(now)) now); give this month or an earlier one")
        }
    }
}
