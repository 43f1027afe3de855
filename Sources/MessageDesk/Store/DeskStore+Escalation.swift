import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - The sweep

    /// Applies the escalation policy as of `now`: every ladder step whose time has come and that has
    /// not fired yet fires once — an event that says why, a notification in the outbox, and for
    /// steps that tell someone other than the owner, a higher escalation level.
    ///
    /// One immediate transaction, and a step's row in `escalations` is unique: running the sweep
    /// twice, or twice at once from cron, fires each step exactly once.
    ///
    /// Cron (and the simulator) run it every few minutes over every overdue callback, and most of the
    /// time nothing is due: so it first reads only the times and the steps already fired, and reads a
    /// whole callback only when one of its steps fires.
    public func sweep(actor: String, at now: Date) throws -> [FiredEscalation] {
        try write {
            var fired: [FiredEscalation] = []
            var climbingUrgently: Set<Int> = []
            // Each callback climbs its own account's ladders, counted in its own account's calendar.
            for candidate in try sweepCandidates(ladder: .urgent, start: "coalesce(cb.reopened_at, cb.opened_at)", where: "cb.state = 'open' AND cb.urgent = 1", []) {
                let urgentLadder = try policy(ofAccount: candidate.accountID).escalation.urgent
                let elapsed = Int((now.timeIntervalSince(candidate.start) / 60).rounded(.down))
                if urgentLadder.cycles == 1 || elapsed < urgentLadder.cycles * urgentLadder.cycleMinutes {
                    climbingUrgently.insert(candidate.id)
                }
                fired += try climb(candidate, ladder: urgentLadder, name: .urgent, elapsed: elapsed, actor: actor, at: now)
            }
            let overdue = try sweepCandidates(ladder: .overdue, start: "cb.due_at",
                                              where: "cb.state IN ('open', 'acknowledged') AND cb.due_at < ?",
                                              [.text(Timestamp.format(now))])
            // While the urgent ladder is still climbing, it speaks for the callback: one ladder at a time.
            for candidate in overdue where !climbingUrgently.contains(candidate.id) {
                let policy = try policy(ofAccount: candidate.accountID)
                let elapsed = policy.calendar.businessMinutes(from: candidate.start, to: now)
                fired += try climb(candidate, ladder: policy.escalation.overdue, name: .overdue, elapsed: elapsed,
                                   actor: actor, at: now)
            }
            return fired
        }
    }

    /// A callback a ladder may have reached: when its ladder started, and the steps of it already fired.
    private struct SweepCandidate {
        let id: Int
        /// The account whose policy it climbs by.
        let accountID: Int
        /// Opened or reopened (the urgent ladder), or due (the overdue ladder).
        let start: Date
        /// The number of its ladders' first round: past the rounds fired before it was reopened (migration 0017).
        let roundBase: Int
        var fired: Set<EscalationStepKey> = []
    }

    /// Which step of which run of a ladder.
    private struct EscalationStepKey: Hashable {
        let cycle: Int
        let step: Int
    }

    /// The callbacks matching `condition`, oldest first, each with the time `ladder` started (the column `start`)
    /// and the steps of it already fired: two queries, whatever the number of callbacks.
    private func sweepCandidates(ladder: LadderName, start startColumn: String, where condition: String,
                                 _ values: [SQLValue]) throws -> [SweepCandidate] {
        var candidates = try database.statement("""
            SELECT cb.id, (SELECT account_id FROM callers WHERE id = cb.caller_id), \(startColumn), cb.ladder_round_base
            FROM callbacks cb WHERE \(condition) ORDER BY cb.id
            """
        ).map(values) {
            SweepCandidate(id: try $0.int(0), accountID: try $0.int(1), start: try Self.date($0.string(2)), roundBase: try $0.int(3))
        }
        guard !candidates.isEmpty else { return [] }
        var position: [Int: Int] = [:]
        for (index, candidate) in candidates.enumerated() { position[candidate.id] = index }
        try database.statement("""
            SELECT e.callback_id, e.cycle, e.step FROM callbacks cb JOIN escalations e ON e.callback_id = cb.id
            WHERE \(condition) AND e.ladder = ? AND e.cycle >= cb.ladder_round_base
            """
        ).forEach(values + [.text(ladder.rawValue)]) { row in
            if let index = position[try row.int(0)] {
                candidates[index].fired.insert(EscalationStepKey(cycle: try row.int(1), step: try row.int(2)))
            }
        }
        return candidates
    }

    /// Fires the steps of `ladder` that are due `elapsed` minutes after it started and not yet fired.
    ///
    /// Only the current round is considered: when the sweep has not run for a while (cron was down),
    /// rounds that passed unseen are not replayed, so nobody gets a burst of stale notifications.
    private func climb(_ candidate: SweepCandidate, ladder: EscalationLadder, name: LadderName, elapsed: Int,
                       actor: String, at now: Date) throws -> [FiredEscalation] {
        // A ladder starts when its callback is opened or falls due: a sweep with an earlier clock (a replayed
        // or simulated day) finds nothing due yet.
        guard elapsed >= 0 else { return [] }
        // A one-round ladder runs to its last step; a repeating one is over after its last round.
        let round = ladder.cycles == 1 ? 0 : elapsed / max(ladder.cycleMinutes, 1)
        guard round < ladder.cycles else { return [] }
        let due = ladder.steps.indices.filter { index in
            round * ladder.cycleMinutes + ladder.steps[index].offsetMinutes <= elapsed
                && !candidate.fired.contains(EscalationStepKey(cycle: candidate.roundBase + round, step: index))
        }
        guard !due.isEmpty else { return [] }
        var callback = try requireCallback(candidate.id)
        var fired: [FiredEscalation] = []
        for index in due {
            // A late sweep can fire several steps at once: each escalation's event starts from the level the
            // one before it left.
            if fired.last?.kind == .escalation { callback = try requireCallback(candidate.id) }
            let why = name == .urgent
                ? "urgent and unacknowledged for \(Self.spoken(minutes: elapsed))"
                : "overdue by \(Self.spoken(minutes: elapsed)) of business time"
            let position = "step \(index + 1) of \(ladder.steps.count)"
                + (ladder.cycles > 1 ? ", round \(round + 1) of \(ladder.cycles)" : "")
            fired.append(try fire(callback, ladder: name, cycle: candidate.roundBase + round, step: index, target: ladder.steps[index].target,
                                  why: "\(why) (\(position))", actor: actor, at: now))
        }
        return fired
    }

    /// `135` → `2h 15m`, for reasons people read.
    static func spoken(minutes: Int) -> String {
        let (hours, rest) = (minutes / 60, minutes % 60)
        if hours == 0 { return "\(rest)m" }
        return rest == 0 ? "\(hours)h" : "\(hours)h \(rest)m"
    }

    /// Records one step: its row, its event, its notification — all in the caller's transaction.
    private func fire(_ callback: CallbackRequest, ladder: LadderName, cycle: Int, step: Int, target: EscalationTarget,
                      why: String, actor: String, at now: Date) throws -> FiredEscalation {
        // Whether a step is due goes by the clock; its records are never stamped before the callback's latest change.
        let at = try stamp(ofCallback: callback.id, now)
        let owner = try requireStaff(callback.owner, in: callback.accountID)
        // A callback routed to a substitute escalates along the absent owner's lines (their
        // substitute, their escalation contact), as if it had stayed with them.
        let principal = try callback.routedFrom.map { try requireStaff($0, in: callback.accountID) } ?? owner
        let (recipient, note) = target == .owner ? (owner, nil) : try resolve(target, owner: principal, in: callback.accountID)
        let kind: OutboxNotification.Kind = recipient.id == owner.id ? .reminder : .escalation
        let reason = why + (note.map { "; \($0)" } ?? "")
        try database.execute(
            "INSERT INTO escalations (callback_id, ladder, cycle, step, target_id, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.int(callback.id), .text(ladder.rawValue), .int(cycle), .int(step), .int(recipient.id), .text(Timestamp.format(at)),
             .text(reason)])
        let escalationID = database.lastInsertedRowID
        if kind == .escalation {
            try database.execute("UPDATE callbacks SET escalation_level = escalation_level + 1 WHERE id = ?", [.int(callback.id)])
            try appendEvent(.callbackEscalated, callback.id, actor: actor, at: at,
                            before: .object([(CallbackField.escalationLevel.rawValue, .int(callback.escalationLevel))]),
                            after: .object([(CallbackField.escalationLevel.rawValue, .int(callback.escalationLevel + 1)),
                                            ("notified", .string(recipient.handle))]),
                            reason: reason)
        } else {
            try appendEvent(.callbackReminded, callback.id, actor: actor, at: at,
                            after: .object([("notified", .string(recipient.handle))]), reason: reason)
        }
        try enqueue(callback, to: recipient, kind: kind, reason: reason, escalationID: escalationID, at: at)
        return FiredEscalation(callbackID: callback.id, ladder: ladder, cycle: cycle, step: step, target: recipient.handle,
                               kind: kind, reason: reason)
    }

    /// The person a target names for this owner; a missing substitute or contact falls back along
    /// substitute → escalation contact → owner, and the note says so.
    func resolve(_ target: EscalationTarget, owner: Staff, in accountID: Int) throws -> (Staff, String?) {
        switch target {
        case .owner:
            return (owner, nil)
        case .staff(let handle):
            return (try requireStaff(handle, in: accountID), nil)
        case .substitute:
            if let handle = owner.substitute { return (try requireStaff(handle, in: accountID), "\(handle) is \(owner.handle)'s substitute") }
            if let handle = owner.escalationContact {
                return (try requireStaff(handle, in: accountID), "\(owner.handle) has no substitute; told the escalation contact \(handle)")
            }
            return (owner, "\(owner.handle) has no substitute or escalation contact; reminded the owner")
        case .escalationContact:
            if let handle = owner.escalationContact { return (try requireStaff(handle, in: accountID), "\(handle) is \(owner.handle)'s escalation contact") }
            if let handle = owner.substitute {
                return (try requireStaff(handle, in: accountID), "\(owner.handle) has no escalation contact; told the substitute \(handle)")
            }
            return (owner, "\(owner.handle) has no escalation contact or substitute; reminded the owner")
        }
    }

    /// Writes a notification into the outbox (inside the caller's transaction): one row per channel it is routed
    /// to (`routes`; by default the recipient's, see `routes(to:accountID:at:)`), each with its own reply code.
    func enqueue(_ callback: CallbackRequest, to recipient: Staff, kind: OutboxNotification.Kind, reason: String,
                 escalationID: Int?, messageID: Int? = nil, routes given: [Channel?]? = nil, at now: Date) throws {
        let calendar = try policy(ofAccount: callback.accountID).calendar
        let text = NotificationText(callback: callback, kind: kind, reason: reason, recipientName: recipient.displayName,
                                    due: "\(calendar.dayString(callback.dueAt)) \(calendar.timeString(callback.dueAt))")
        for route in try given ?? routes(to: recipient, accountID: callback.accountID, at: now) {
            try database.execute("""
                INSERT INTO notifications (created_at, recipient_id, callback_id, escalation_id, kind, reason, body, subject, summary,
                                           message_id, channel_kind, channel_address, channel_bot_id, reply_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(Timestamp.format(now)), .int(recipient.id), .int(callback.id), .int(escalationID), .text(kind.rawValue),
                 .text(reason), .text(text.body), .text(text.subject), .text(text.summary), .int(messageID),
                 .text(route?.kind.rawValue ?? "none"), .text(route?.address), .text(route?.botID), .text(try freshReplyCode().text)])
        }
    }

    /// A reply code no notification has yet: at 40 bits a repeat is all but impossible, but the UNIQUE index would
    /// refuse it, so it is drawn again rather than failing the message.
    private func freshReplyCode() throws -> ReplyCode {
        while true {
            let code = ReplyCode.random(using: &replyCodeRandomness)
            if try database.scalarInt("SELECT 1 FROM notifications WHERE reply_code = ?", [.text(code.text)]) == nil { return code }
        }
    }

    // MARK: - The outbox

    /// Notifications, oldest first, of the chosen account's callbacks (of every account's for the notifier, which
    /// sends them all), as `selection` picks them.
    public func notifications(_ selection: OutboxSelection, everyAccount: Bool = false) throws -> [OutboxNotification] {
        try read {
            var conditions: [String] = []
            var values: [SQLValue] = []
            switch selection {
            case .all: break
            case .undelivered: conditions.append("n.state IN ('pending', 'sending', 'failed-temporary')")
            case .failed: conditions.append("n.state = 'failed-permanent'")
            case .due(let now):
                conditions.append("(n.state IN ('pending', 'sending') OR (n.state = 'failed-temporary' AND n.next_attempt_at <= ?))")
                values.append(.text(Timestamp.format(now)))
            }
            if !everyAccount {
                conditions.append("a.id = ?")
                values.append(.int(try requireScope().id))
            }
            return try database.statement("""
                SELECT n.id, n.created_at, s.handle, s.display_name, s.mobile, n.callback_id, n.kind, n.reason, n.body,
                       n.attempts, n.last_error, n.delivered_at, n.channel_kind, n.channel_address, n.channel_bot_id,
                       a.code, a.name, n.subject, n.summary, n.reply_code, n.message_id, n.state, n.next_attempt_at
                FROM notifications n JOIN staff s ON s.id = n.recipient_id JOIN callbacks cb ON cb.id = n.callback_id
                JOIN callers cl ON cl.id = cb.caller_id JOIN accounts a ON a.id = cl.account_id
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY n.id
                """
            ).map(values) { row in
                let kind: OutboxNotification.Kind = try StoredValue.read(row.string(6), in: "notifications.kind")
                let channel = try Self.notificationChannel(kind: try row.string(12), address: row.optionalString(13),
                                                           botID: row.optionalString(14))
                let body = try row.string(8)
                let callbackID = try row.int(5)
                return OutboxNotification(
                    id: try row.int(0), createdAt: try Self.date(row.string(1)), recipient: try row.string(2),
                    recipientName: try row.string(3), recipientMobile: row.optionalString(4).flatMap { PhoneNumber(e164: $0) },
                    callbackID: callbackID, kind: kind, reason: try row.string(7), body: body, attempts: try row.int(9),
                    lastError: row.optionalString(10), deliveredAt: try Self.optionalDate(row.optionalString(11)), channel: channel,
                    accountCode: try row.string(15), accountName: try row.string(16),
                    // Written before migration 0014: no subject or summary of their own.
                    subject: row.optionalString(17) ?? "[MessageDesk] #\(callbackID) \(kind.rawValue)",
                    summary: row.optionalString(18) ?? body, replyCode: row.optionalString(19).flatMap(ReplyCode.init(reading:)),
                    messageID: row.optionalInt(20),
                    state: try StoredValue.read(row.string(21), in: "notifications.state"),
                    nextAttemptAt: try Self.optionalDate(row.optionalString(22)))
            }
        }
    }

    /// How many notifications of the chosen account failed permanently: what `desk report` counts.
    public func permanentlyFailedNotificationCount() throws -> Int {
        try notifications(.failed).count
    }

    /// The notifier is about to hand the notification to a gateway: it is sending (with an event). Under the
    /// notifier's lock only, so a row found sending later is one whose notifier died.
    public func markSending(_ notification: OutboxNotification, actor: String, at now: Date) throws {
        try changeState(of: notification, to: .sending, actor: actor, at: now, event: .notificationSending)
    }

    /// The gateway took the notification: it is delivered (with an event on its callback).
    public func markDelivered(_ notification: OutboxNotification, actor: String, at now: Date) throws {
        try changeState(of: notification, to: .delivered, actor: actor, at: now, event: .notificationDelivered,
                        set: "delivered_at = ?, next_attempt_at = NULL, attempts = attempts + 1", [.text(Timestamp.format(now))])
    }

    /// The gateway failed: a temporary failure is tried again after `DeliveryBackoff`'s wait, a permanent one is
    /// kept and never tried again. The failure is kept either way. Returns when it is tried again (nil: never).
    @discardableResult
    public func markFailed(_ notification: OutboxNotification, error: String, permanent: Bool, actor: String,
                           at now: Date) throws -> Date? {
        let retry = permanent ? nil : now.addingTimeInterval(DeliveryBackoff.delay(afterFailures: notification.attempts + 1))
        try changeState(of: notification, to: permanent ? .failedPermanent : .failedTemporary, actor: actor, at: now,
                        event: .notificationFailed, set: "attempts = attempts + 1, last_error = ?, next_attempt_at = ?",
                        [.text(error), .text(retry.map(Timestamp.format))], reason: error,
                        extra: [("next_attempt_at", retry.map { .string(Timestamp.format($0)) } ?? .null)])
        return retry
    }

    /// Moves a notification that is still undelivered to `state`, with its event (before: the state it left), in
    /// one transaction; a notification delivered or failed for good meanwhile is left alone. The event names the
    /// state `delivery`: its subject is the callback, whose own `state` the log's replay reads.
    private func changeState(of notification: OutboxNotification, to state: DeliveryState, actor: String, at now: Date,
                             event: EventKind, set assignments: String = "next_attempt_at = NULL", _ values: [SQLValue] = [],
                             reason: String? = nil, extra: [(String, JSONValue)] = []) throws {
        try write {
            let before = try database.statement("SELECT state FROM notifications WHERE id = ?")
                .map([.int(notification.id)]) { row in try row.string(0) }.first
            guard let before else { return }
            let old: DeliveryState = try StoredValue.read(before, in: "notifications.state")
            guard old.isUndelivered else { return }
            try database.execute("UPDATE notifications SET state = ?, \(assignments) WHERE id = ?",
                                 [.text(state.rawValue)] + values + [.int(notification.id)])
            try appendEvent(event, notification.callbackID, actor: actor, at: now,
                            before: .object([("delivery", .string(old.rawValue))]),
                            after: .object([("notification_id", .int(notification.id)), ("to", .string(notification.recipient)),
                                            ("delivery", .string(state.rawValue))] + extra),
                            reason: reason)
        }
    }

    /// Runs `body` holding the outbox lock, a lock on the database file itself (`DatabaseFileLock`), so two
    /// `desk notify` runs never hand the same notification to a gateway twice, whatever path each took to
    /// the file. Returns nil when another run holds the lock.
    public func withNotifierLock<T>(_ body: () throws -> T) throws -> T? {
        try DatabaseFileLock.withLock(on: path, body)
    }
}
