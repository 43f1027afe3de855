import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Reading callbacks

    /// The caller's name and phone are the latest corrections of this callback's (`desk correct`), else the caller's.
    private static let callbackQuery = """
        SELECT cb.id, s.handle, s.display_name, cl.id,
               coalesce((SELECT after FROM corrections WHERE callback_id = cb.id AND field = 'caller' ORDER BY id DESC LIMIT 1), cl.name),
               cl.company,
               coalesce((SELECT after FROM corrections WHERE callback_id = cb.id AND field = 'phone' ORDER BY id DESC LIMIT 1), cl.phone),
               cb.state, cb.urgent,
               cb.new_contact, cb.not_before, cb.not_after, cb.due_at, cb.repeat_count, cb.attempts,
               cb.escalation_level, cb.opened_at, cb.acknowledged_at, cb.closed_at, cb.closing_note, m.body, m.wants,
               cb.buyer_type, cb.sensitive, rf.handle, cl.account_id
        FROM callbacks cb
        JOIN staff s ON s.id = cb.owner_id
        LEFT JOIN staff rf ON rf.id = cb.routed_from_id
        JOIN callers cl ON cl.id = cb.caller_id
        JOIN messages m ON m.id = (SELECT max(id) FROM messages WHERE callback_id = cb.id)
        """

    /// The SELECT that `callbacks(_:at:)` runs for `filter`, with a `?` for each value in this order: the account,
    /// the owner (with `owner`), the moment (with `overdueOnly`). `desk-bench callback-query` prints it, so that the
    /// benchmarks' `sqlite3` side runs the very text the store runs, account scope included.
    package static func callbackListQuery(_ filter: CallbackFilter) -> String {
        // Only the chosen account's callbacks, whoever owes them.
        var conditions = ["cl.account_id = ?"]
        if filter.owner != nil { conditions.append("cb.owner_id = ?") }
        let states = CallbackRequest.State.allCases.filter(filter.states.contains)
        if states.count < CallbackRequest.State.allCases.count {
            // The literal list lets SQLite use the partial index of live callbacks.
            conditions.append("cb.state IN (\(states.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
        }
        if filter.overdueOnly { conditions.append("cb.due_at < ? AND cb.state IN ('open', 'acknowledged')") }
        if filter.urgentOnly { conditions.append("cb.urgent = 1") }
        return callbackQuery + " WHERE " + conditions.joined(separator: " AND ")
    }

    /// Built once: the statement cache is keyed by the text, and this read runs in every change.
    private static let callbackByID = "\(callbackQuery) WHERE cb.id = ?"

    private func callback(from row: Row) throws -> CallbackRequest {
        let phone = try row.string(6)
        guard let number = PhoneNumber(e164: phone) else {
            throw DeskError(.badInput, "the database holds a malformed phone number for caller \(try row.int(3)); restore a backup")
        }
        return CallbackRequest(
            id: try row.int(0), owner: try row.string(1), ownerName: try row.string(2),
            caller: Caller(id: try row.int(3), name: try row.string(4), company: row.optionalString(5), phone: number),
            state: try StoredValue.read(row.string(7), in: "callbacks.state"), urgent: try row.bool(8),
            newContact: try row.bool(9), notBefore: try Self.optionalDate(row.optionalString(10)),
            notAfter: try Self.optionalDate(row.optionalString(11)), dueAt: try Self.date(row.string(12)),
            repeatCount: try row.int(13), attempts: try row.int(14), escalationLevel: try row.int(15),
            openedAt: try Self.date(row.string(16)), acknowledgedAt: try Self.optionalDate(row.optionalString(17)),
            closedAt: try Self.optionalDate(row.optionalString(18)), closingNote: row.optionalString(19),
            latestMessage: try row.string(20), wants: try StoredValue.read(row.string(21), in: "messages.wants"),
            buyerType: try StoredValue.read(row.string(22), in: "callbacks.buyer_type"), sensitive: try row.bool(23),
            routedFrom: row.optionalString(24), accountID: try row.int(25))
    }

    func requireCallback(_ id: Int) throws -> CallbackRequest {
        let found = try database.statement(Self.callbackByID).first([.int(id)], callback(from:))
        guard let found else {
            throw DeskError(.badInput, "no callback #\(id); see `desk callbacks --state all`")
        }
        return found
    }

    /// The callback `id` of the chosen account: another account's is as unknown as a missing one.
    func requireCallbackInScope(_ id: Int) throws -> CallbackRequest {
        let scope = try requireScope()
        let found = try requireCallback(id)
        guard found.accountID == scope.id else {
            throw DeskError(.badInput, "no callback #\(id) in account \(scope.code); see `desk callbacks --state all`")
        }
        return found
    }

    /// The callback with `id`; an unknown id is bad input.
    public func callback(id: Int) throws -> CallbackRequest {
        try read { try requireCallbackInScope(id) }
    }

    /// The callbacks that match `filter`, with their priority as of `now`. Live callbacks come
    /// highest priority first (then earliest due, then oldest); closed ones most recently closed first.
    public func callbacks(_ filter: CallbackFilter, at now: Date) throws -> [RankedCallback] {
        // The values in the order of callbackListQuery's placeholders.
        var values: [SQLValue] = [.int(try read { try requireScope() }.id)]
        if let owner = filter.owner { values.append(.int(try read { try requireStaff(owner).id })) }
        if filter.overdueOnly { values.append(.text(Timestamp.format(now))) }
        let sql = Self.callbackListQuery(filter)
        let found = try read { try database.statement(sql).map(values, callback(from:)) }
        let ranked = found.map { RankedCallback(callback: $0, priority: policy.priority.score($0, at: now)) }
            .sorted { a, b in
                let (x, y) = (a.callback, b.callback)
                if x.state.isLive != y.state.isLive { return x.state.isLive }
                if !x.state.isLive {
                    return (x.closedAt ?? .distantPast, x.id) > (y.closedAt ?? .distantPast, y.id)
                }
                if a.priority != b.priority { return a.priority > b.priority }
                if x.dueAt != y.dueAt { return x.dueAt < y.dueAt }
                return x.id < y.id
            }
        return filter.limit.map { Array(ranked.prefix($0)) } ?? ranked
    }

    /// The live callbacks of caller `callerID`, highest priority first (then earliest due), inside a read.
    func liveCallbacks(ofCaller callerID: Int, at now: Date) throws -> [RankedCallback] {
        try database.statement(Self.callbackQuery + " WHERE cb.caller_id = ? AND cb.state IN ('open', 'acknowledged')")
            .map([.int(callerID)], callback(from:))
            .map { RankedCallback(callback: $0, priority: policy.priority.score($0, at: now)) }
            .sorted { ($0.priority, $1.callback.dueAt, $1.callback.id) > ($1.priority, $0.callback.dueAt, $0.callback.id) }
    }

    /// The history of a callback: its own events and those of the calls that joined it, oldest first.
    public func history(ofCallback id: Int) throws -> [Event] {
        try read {
            _ = try requireCallbackInScope(id)
            return try events(
                where: "(subject = 'callback' AND subject_id = ?) OR (subject = 'call' AND subject_id IN (SELECT call_id FROM messages WHERE callback_id = ?))",
                [.int(id), .int(id)])
        }
    }

    // MARK: - The state machine

    /// The owner has seen the callback and will make it: open → acknowledged.
    @discardableResult
    public func acknowledge(_ id: Int, actor: String, at now: Date) throws -> CallbackRequest {
        try acknowledge(id, reason: nil, actor: actor, at: now)
    }

    /// The same, with the reason its event gives (a reply code's notification).
    func acknowledge(_ id: Int, reason: String?, actor: String, at now: Date) throws -> CallbackRequest {
        try change(id, .callbackAcknowledged, actor: actor, at: now, reason: reason) { callback, at in
            guard callback.state == .open else {
                throw DeskError(.badInput, "callback #\(id) is already \(callback.state.rawValue); nothing to acknowledge")
            }
            callback.state = .acknowledged
            callback.acknowledgedAt = Timestamp.stored(at)
        }
    }

    /// A try that did not reach the caller: the attempt is counted and the callback stays owed.
    @discardableResult
    public func recordAttempt(_ id: Int, note: String?, actor: String, at now: Date) throws -> CallbackRequest {
        try TextLimit.attemptNote.check(note)
        return try change(id, .callbackAttempted, actor: actor, at: now, reason: note ?? "no answer") { callback, _ in
            callback.attempts += 1
        }
    }

    /// The caller was called back: the callback is done.
    @discardableResult
    public func complete(_ id: Int, note: String?, actor: String, at now: Date) throws -> CallbackRequest {
        try complete(id, note: note, reason: nil, actor: actor, at: now)
    }

    /// The same, with the reason its event gives (a reply code's notification).
    func complete(_ id: Int, note: String?, reason: String?, actor: String, at now: Date) throws -> CallbackRequest {
        try TextLimit.closingNote.check(note)
        return try change(id, .callbackDone, actor: actor, at: now, reason: reason) { callback, at in
            callback.close(.done, at: at, note: note)
        }
    }

    /// The callback is no longer owed (the caller withdrew, a duplicate, …); the reason is required.
    @discardableResult
    public func cancel(_ id: Int, reason: String, actor: String, at now: Date) throws -> CallbackRequest {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw DeskError(.badInput, "--reason is empty: say why the callback is cancelled") }
        try TextLimit.reason.check(reason)
        return try change(id, .callbackCancelled, actor: actor, at: now, reason: reason) { callback, at in
            callback.close(.cancelled, at: at, note: reason)
        }
    }

    /// Hands the callback to someone else; it is open again until they acknowledge it.
    @discardableResult
    public func reassign(_ id: Int, to handle: String, reason: String?, actor: String, at now: Date) throws -> CallbackRequest {
        try TextLimit.reason.check(reason)
        return try change(id, .callbackReassigned, actor: actor, at: now, reason: reason) { callback, _ in
            let target = try requireStaff(handle)
            try requireLinkable(target, to: callback.accountID, as: "the new owner")
            guard target.handle != callback.owner else {
                throw DeskError(.badInput, "callback #\(id) is already \(handle)'s")
            }
            try giveOwnership(of: &callback, to: target)
        }
    }

    /// Hands a routed callback back to the owner it was taken for, once they can call back themselves.
    /// Explicit on purpose: an owner's return never takes a callback from the substitute by itself.
    @discardableResult
    public func reassignBack(_ id: Int, reason: String?, actor: String, at now: Date) throws -> CallbackRequest {
        let reason = reason.flatMap { $0.isEmpty ? nil : $0 } ?? "back to the owner it was routed from"
        try TextLimit.reason.check(reason)
        return try change(id, .callbackReassigned, actor: actor, at: now, reason: reason) { callback, _ in
            guard let from = callback.routedFrom else {
                throw DeskError(.badInput,
                    "callback #\(id) was not routed to a substitute, so it has no owner to go back to; give it to someone with --to HANDLE")
            }
            try giveOwnership(of: &callback, to: try requireStaff(from, in: callback.accountID))
        }
    }

    /// Escalates by hand: the level rises and the callback goes to `handle`, or to the person that
    /// `step` (1-based) of the callback's ladder names, or else to the owner's escalation contact.
    /// With none of these, or to the owner, it is refused: an escalation that tells nobody new would
    /// look done and help no one. The new owner is notified through the outbox.
    @discardableResult
    public func escalate(_ id: Int, to handle: String?, step: Int? = nil, reason: String?, actor: String,
                         at now: Date) throws -> CallbackRequest {
        let reason = reason.flatMap { $0.isEmpty ? nil : $0 } ?? "escalated by hand"
        try TextLimit.reason.check(reason)
        return try write {
            let current = try requireCallbackInScope(id)
            // The escalation's row and notification are stamped with its event.
            let at = try stamp(ofCallback: id, now)
            var chosen = handle
            if let step {
                let urgentLadder = current.urgent && current.state == .open
                let ladder = urgentLadder ? policy.escalation.urgent : policy.escalation.overdue
                guard ladder.steps.indices.contains(step - 1) else {
                    throw DeskError(.badInput,
                        "--step \(step): the \(urgentLadder ? LadderName.urgent : .overdue) ladder has steps 1 to \(ladder.steps.count); see `desk config show`")
                }
                chosen = try resolve(ladder.steps[step - 1].target, owner: try requireStaff(current.owner, in: current.accountID), in: current.accountID).0.handle
            }
            let after = try change(id, .callbackEscalated, actor: actor, at: at, reason: reason) { callback, _ in
                let ownerContact = try requireStaff(callback.owner, in: callback.accountID).escalationContact
                guard let targetHandle = chosen ?? ownerContact else {
                    throw DeskError(.badInput,
                        "\(callback.owner) has no escalation contact; use --to HANDLE, or set one with `desk staff edit \(callback.owner) --escalate-to HANDLE`")
                }
                guard targetHandle != callback.owner else {
                    throw DeskError(.badInput, "callback #\(id) is already \(targetHandle)'s; escalate it to someone else with --to")
                }
                let target = try requireStaff(targetHandle, in: chosen == nil ? callback.accountID : nil)
                try requireLinkable(target, to: callback.accountID, as: "the escalation's target")
                try giveOwnership(of: &callback, to: target)
                callback.escalationLevel += 1
            }
            let earlier = try database.scalarInt(
                "SELECT count(*) FROM escalations WHERE callback_id = ? AND ladder = ?", [.int(id), .text(LadderName.manual.rawValue)]) ?? 0
            let newOwner = try requireStaff(after.owner, in: after.accountID)
            try database.execute(
                "INSERT INTO escalations (callback_id, ladder, cycle, step, target_id, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [.int(id), .text(LadderName.manual.rawValue), .int(earlier), .int((step ?? 1) - 1), .int(newOwner.id), .text(Timestamp.format(at)), .text(reason)])
            try enqueue(after, to: newOwner, kind: .escalation, reason: "escalated by \(actor): \(reason)",
                        escalationID: database.lastInsertedRowID, at: at)
            return after
        }
    }

    /// Gives `callback` to `target`, open again until they acknowledge it; refused when they already owe the
    /// same caller. Given back to the owner it was routed from, it is no longer routed.
    private func giveOwnership(of callback: inout CallbackRequest, to target: Staff) throws {
        if let clash = try liveCallbackID(callerID: callback.caller.id, ownedBy: target.id) {
            throw DeskError(.badInput,
                "\(target.handle) already owes this caller callback #\(clash); cancel one of the two first (desk cancel ID --reason duplicate)")
        }
        callback.owner = target.handle
        callback.ownerName = target.displayName
        callback.state = .open
        callback.acknowledgedAt = nil
        if callback.routedFrom == target.handle { callback.routedFrom = nil }
    }

    /// The live callback `ownerID` owes this caller, if any (at most one: a unique index says so).
    func liveCallbackID(callerID: Int, ownedBy ownerID: Int) throws -> Int? {
        try database.scalarInt(
            "SELECT id FROM callbacks WHERE caller_id = ? AND owner_id = ? AND state IN ('open', 'acknowledged')",
            [.int(callerID), .int(ownerID)])
    }

    /// The live callback a new call from this caller for `ownerID` joins: the one they owe, else the
    /// one taken for them and routed to their substitute (or passed on from there).
    /// Two index look-ups rather than one query with OR, which SQLite answered through a temporary b-tree on
    /// every message taken.
    func liveCallbackID(callerID: Int, for ownerID: Int) throws -> Int? {
        if let own = try liveCallbackID(callerID: callerID, ownedBy: ownerID) { return own }
        return try database.scalarInt("""
            SELECT id FROM callbacks
            WHERE caller_id = ? AND routed_from_id = ? AND state IN ('open', 'acknowledged') ORDER BY id LIMIT 1
            """, [.int(callerID), .int(ownerID)])
    }

    /// Applies one change to a live callback and records its event, in one transaction. `update` changes a
    /// copy of the callback, given the time the change is stamped with (never before the callback's latest
    /// event); the columns of the fields it changed are written, and the event names the same fields, so the
    /// returned callback, the row and the event cannot disagree (and the row is not read back).
    private func change(_ id: Int, _ kind: EventKind, actor: String, at now: Date, reason: String?,
                        _ update: (inout CallbackRequest, Date) throws -> Void) throws -> CallbackRequest {
        try write {
            let before = try requireCallbackInScope(id)
            guard before.state.isLive else {
                throw DeskError(.badInput, "callback #\(id) is \(before.state.rawValue); a closed callback cannot change")
            }
            let at = try stamp(ofCallback: id, now)
            var after = before
            try update(&after, at)
            try record(kind, from: before, to: after, actor: actor, at: at, reason: reason)
            return after
        }
    }

    /// Writes the columns of the fields that differ between `before` and `after`, and the event that names the
    /// same fields, inside the caller's transaction.
    func record(_ kind: EventKind, from before: CallbackRequest, to after: CallbackRequest, actor: String, at: Date,
                reason: String?) throws {
        let changed = CallbackField.allCases.filter { $0.differs(before, after) }
        if !changed.isEmpty {
            let sets = changed.map { "\($0.column) = ?" }.joined(separator: ", ")
            let values = try changed.map { try storedValue($0, of: after) }
            try database.execute("UPDATE callbacks SET \(sets) WHERE id = ?", values + [.int(after.id)])
        }
        try appendEvent(kind, after.id, actor: actor, at: at,
                        before: Self.json(before, fields: changed), after: Self.json(after, fields: changed),
                        reason: reason)
    }

    /// A field's value in `callback` as its column stores it (people by id).
    private func storedValue(_ field: CallbackField, of callback: CallbackRequest) throws -> SQLValue {
        switch field {
        case .owner: .int(try requireStaff(callback.owner, in: callback.accountID).id)
        case .state: .text(callback.state.rawValue)
        case .urgent: .bool(callback.urgent)
        case .newContact: .bool(callback.newContact)
        case .notBefore: .text(callback.notBefore.map(Timestamp.format))
        case .notAfter: .text(callback.notAfter.map(Timestamp.format))
        case .dueAt: .text(Timestamp.format(callback.dueAt))
        case .repeatCount: .int(callback.repeatCount)
        case .attempts: .int(callback.attempts)
        case .escalationLevel: .int(callback.escalationLevel)
        case .acknowledgedAt: .text(callback.acknowledgedAt.map(Timestamp.format))
        case .closedAt: .text(callback.closedAt.map(Timestamp.format))
        case .closingNote: .text(callback.closingNote)
        case .buyerType: .text(callback.buyerType.rawValue)
        case .sensitive: .bool(callback.sensitive)
        case .routedFrom: .int(try callback.routedFrom.map { try requireStaff($0, in: callback.accountID).id })
        }
    }

    // MARK: - Event forms

    /// The fields of a callback as the event log records them, in the order given.
    static func json(_ callback: CallbackRequest, fields: [CallbackField]) -> JSONValue {
        .object(fields.map { ($0.rawValue, $0.eventValue(of: callback)) })
    }
}
