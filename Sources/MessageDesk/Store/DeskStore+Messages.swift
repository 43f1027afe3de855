import Foundation

extension DeskStore {
    /// Records a call and its message, and opens the callback it asks for — or joins the caller's
    /// callback already live for the same owner (repeat count +1, priority rising at once), wherever
    /// it sits: with the owner, or with the substitute it was routed to.
    ///
    /// A new callback whose owner is away past its due time goes to their substitute (see
    /// `SubstituteRouting`). The buyer type is read from the latest word on each buyer attribute over
    /// all the callback's calls; the message is sensitive when the operator says so or a keyword matches.
    ///
    /// One transaction: the caller, the call, the message, the callback and their events are all
    /// saved, or nothing is.
    public func takeMessage(_ new: NewMessage, actor: String, at now: Date) throws -> TakenMessage {
        let body = new.body.trimmed
        let callerName = new.callerName.trimmed
        let company = new.company.map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
        guard !body.isEmpty else { throw DeskError(.badInput, "the message is empty; write what the caller said with --message") }
        guard !callerName.isEmpty else { throw DeskError(.badInput, "the caller's name is empty; give it with --caller") }
        try TextLimit.message.check(new.body)
        try TextLimit.callerName.check(callerName)
        try TextLimit.company.check(company)
        try checkWindow(notBefore: new.notBefore, notAfter: new.notAfter, at: now)
        let phoneCallID = try new.phoneCallID.map(PhoneCallID.checked)
        let sensitive = policy.sensitivity.isSensitive(new)

        return try write {
            // The call is the chosen account's: its caller, the person it is for and the operator are looked up there.
            let scope = try requireWritableScope()
            let lineID = try new.line.map { try requireLine($0, of: scope) }
            if let phoneCallID { try refuseLoggedCall(phoneCallID, in: scope) }
            let owner = try requireStaff(new.forHandle)
            try requireLinkable(owner, to: scope.id, as: "the person a call is for")
            let operatorID = try new.operatorHandle.map { handle in
                let person = try requireStaff(handle)
                try requireLinkable(person, to: scope.id, as: "the operator")
                return person.id
            }
            // A known caller's call comes after their latest call, and one that joins a callback after its latest
            // change: a terminal whose clock is behind stamps the call then (and its window is checked again).
            let known = try database.scalarInt("SELECT id FROM callers WHERE account_id = ? AND phone = ?",
                                               [.int(scope.id), .text(new.phone.e164)])
            let live = try known.flatMap { try liveCallbackID(callerID: $0, for: owner.id) }
            var latest: [(time: Date?, what: String)] = []
            if let live { latest.append((try latestChange(ofCallback: live), "the latest change of callback #\(live)")) }
            if let known {
                latest.append((try latestTime("SELECT max(at) FROM calls WHERE caller_id = ?", [.int(known)]), "this caller's latest call"))
            }
            let stamped = stamp(now, after: latest)
            if stamped != now { try checkWindow(notBefore: new.notBefore, notAfter: new.notAfter, at: stamped) }
            let callerID = try upsertCaller(name: callerName, company: company, phone: new.phone, in: scope.id, actor: actor, at: stamped)
            let presence = try presence(ofStaffID: owner.id, at: stamped, createdAt: owner.createdAt)
            let earlier = try live.map { try loadMessages(ofCallback: $0).map(\.buyer) } ?? []
            let buyerType = BuyerType.read(BuyerAttributes.latest(earlier + [new.buyer])).type

            let callbackID: Int
            var joinedFrom: CallbackRequest?
            if let live {
                let before = try requireCallback(live)
                joinedFrom = before
                // The caller's latest window wins (a call that gives none keeps the one given before), and
                // the due time, worked out with that window, only ever moves earlier.
                let restated = new.notAfter != nil || new.notBefore != nil
                let notBefore = restated ? new.notBefore : before.notBefore
                let notAfter = restated ? new.notAfter : before.notAfter
                let due = policy.due.dueTime(takenAt: stamped, urgent: new.urgent, notBefore: notBefore, notAfter: notAfter,
                                             buyerType: buyerType)
                try database.execute("""
                    UPDATE callbacks SET repeat_count = repeat_count + 1, urgent = max(urgent, ?),
                        new_contact = max(new_contact, ?), not_before = ?, not_after = ?, due_at = min(due_at, ?),
                        buyer_type = ?, sensitive = max(sensitive, ?)
                    WHERE id = ?
                    """,
                    [.bool(new.urgent), .bool(new.newContact), .text(notBefore.map(Timestamp.format)),
                     .text(notAfter.map(Timestamp.format)), .text(Timestamp.format(due)), .text(buyerType.rawValue),
                     .bool(sensitive), .int(live)])
                callbackID = live
            } else {
                let due = policy.due.dueTime(takenAt: stamped, urgent: new.urgent, notBefore: new.notBefore,
                                             notAfter: new.notAfter, buyerType: buyerType)
                try database.execute("""
                    INSERT INTO callbacks (owner_id, caller_id, state, urgent, new_contact, not_before, not_after, due_at,
                                           opened_at, buyer_type, sensitive)
                    VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.int(owner.id), .int(callerID), .bool(new.urgent), .bool(new.newContact),
                     .text(new.notBefore.map(Timestamp.format)), .text(new.notAfter.map(Timestamp.format)),
                     .text(Timestamp.format(due)), .text(Timestamp.format(stamped)), .text(buyerType.rawValue), .bool(sensitive)])
                callbackID = database.lastInsertedRowID
            }

            try database.execute("""
                INSERT INTO calls (at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome, line_id,
                                   phone_call_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(Timestamp.format(stamped)), .int(callerID), .int(owner.id), .int(operatorID), .text(callerName),
                 .text(company), .bool(new.triedMobile), .text(new.wants == .callAgain ? "will_call_again" : "message_taken"),
                 .int(lineID), .text(phoneCallID)])
            let callID = database.lastInsertedRowID
            try database.execute("""
                INSERT INTO messages (call_id, callback_id, body, urgent, wants, not_before, not_after, new_contact,
                                      decision, proceed, order_timing, other_vendors, sensitive)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.int(callID), .int(callbackID), .text(new.body), .bool(new.urgent), .text(new.wants.rawValue),
                 .text(new.notBefore.map(Timestamp.format)), .text(new.notAfter.map(Timestamp.format)),
                 .bool(new.newContact), .text(new.buyer.decision?.rawValue), .text(new.buyer.proceed?.rawValue),
                 .text(new.buyer.orderTiming?.rawValue), .text(new.buyer.otherVendors?.rawValue), .bool(sensitive)])
            let messageID = database.lastInsertedRowID
            // The event names the message and never copies its words: the log is listed, and may be sensitive.
            // The line and the call id follow only when given, so a call logged without them reads as before.
            var taken: [(String, JSONValue)] = [
                ("for", .string(owner.handle)), ("caller_id", .int(callerID)), ("message_id", .int(messageID)),
                ("callback_id", .int(callbackID)), ("tried_mobile", .bool(new.triedMobile)),
            ]
            if let line = new.line { taken.append(("line", .string(line.e164))) }
            if let phoneCallID { taken.append(("call_id", .string(phoneCallID))) }
            try appendEvent(.callTaken, callID, actor: actor, at: stamped, after: .object(taken))

            var callback = try requireCallback(callbackID)
            var routing: SubstituteRouting?
            if let joinedFrom {
                try appendEvent(.callbackJoined, callbackID, actor: actor, at: stamped,
                                before: Self.json(joinedFrom, fields: CallbackField.joined),
                                after: Self.json(callback, fields: CallbackField.joined),
                                reason: "repeat call \(callback.repeatCount) (call \(callID))")
            } else {
                // Fields at their default are left out, so the opened line says only what matters.
                var fields = CallbackField.opened
                if callback.buyerType != .unknown { fields.append(.buyerType) }
                if callback.sensitive { fields.append(.sensitive) }
                try appendEvent(.callbackOpened, callbackID, actor: actor, at: stamped,
                                after: Self.json(callback, fields: fields), reason: "call \(callID)")
                (routing, callback) = try route(callback, owner: owner, ownerPresence: presence, actor: actor, at: stamped)
            }
            let step = try notifyOfMessage(callback, messageID: messageID, at: stamped)
            return TakenMessage(callback: callback, messageID: messageID, callID: callID, joined: joinedFrom != nil,
                                forHandle: owner.handle, ownerPresence: presence, routing: routing, ladderStep: step)
        }
    }

    /// Sends a just-opened callback to the owner's substitute when `SubstituteRouting` says so, with a
    /// `callback.routed` event (owner before → after) saying why.
    private func route(_ opened: CallbackRequest, owner: Staff, ownerPresence: Presence, actor: String,
                       at now: Date) throws -> (SubstituteRouting, CallbackRequest) {
        // Most owners can call back in time: then nothing about the substitute matters, so it is not read.
        guard ownerPresence.isAway(through: opened.dueAt) else { return (.owner, opened) }
        let substitute = try owner.substitute.map { try requireStaff($0, in: opened.accountID) }
        let routing = SubstituteRouting.decide(
            dueAt: opened.dueAt, buyerType: opened.buyerType, ownerPresence: ownerPresence,
            substitute: substitute?.handle,
            substitutePresence: try substitute.map { try presence(ofStaffID: $0.id, at: now, createdAt: $0.createdAt) },
            substituteOwesCaller: try substitute.map { try liveCallbackID(callerID: opened.caller.id, ownedBy: $0.id) != nil } ?? false)
        guard case .substitute = routing, let substitute else { return (routing, opened) }
        try database.execute("UPDATE callbacks SET owner_id = ?, routed_from_id = ? WHERE id = ?",
                             [.int(substitute.id), .int(owner.id), .int(opened.id)])
        let routed = try requireCallback(opened.id)
        let calendar = policy.calendar
        let until = ownerPresence.until.map { " until \(calendar.dayString($0)) \(calendar.timeString($0))" } ?? " with no return time"
        try appendEvent(.callbackRouted, opened.id, actor: actor, at: now,
                        before: Self.json(opened, fields: CallbackField.routed), after: Self.json(routed, fields: CallbackField.routed),
                        reason: "\(owner.handle) is away (\(ownerPresence.status.rawValue))\(until), past the due time; to the substitute")
        return (routing, routed)
    }

    /// The caller with this phone number, created or brought up to date (with an event).
    /// The same number calling two accounts is two callers.
    private func upsertCaller(name: String, company: String?, phone: PhoneNumber, in accountID: Int, actor: String,
                              at now: Date) throws -> Int {
        let existing = try database.statement("SELECT id, name, company FROM callers WHERE account_id = ? AND phone = ?")
            .first([.int(accountID), .text(phone.e164)]) { (id: try $0.int(0), name: try $0.string(1), company: $0.optionalString(2)) }
        guard let existing else {
            try database.execute("INSERT INTO callers (phone, name, company, created_at, account_id) VALUES (?, ?, ?, ?, ?)",
                                 [.text(phone.e164), .text(name), .text(company), .text(Timestamp.format(now)), .int(accountID)])
            let id = database.lastInsertedRowID
            try appendEvent(.callerAdded, id, actor: actor, at: now, after: .object([
                ("name", .string(name)), ("company", company.map(JSONValue.string) ?? .null), ("phone", .string(phone.e164)),
            ]))
            return id
        }
        // A known caller who gives no company keeps the one on file.
        let newCompany = company ?? existing.company
        if existing.name != name || existing.company != newCompany {
            try database.execute("UPDATE callers SET name = ?, company = ? WHERE id = ?",
                                 [.text(name), .text(newCompany), .int(existing.id)])
            try appendEvent(.callerChanged, existing.id, actor: actor, at: now,
                before: .object([("name", .string(existing.name)), ("company", existing.company.map(JSONValue.string) ?? .null)]),
                after: .object([("name", .string(name)), ("company", newCompany.map(JSONValue.string) ?? .null)]))
        }
        return existing.id
    }

    /// Checks a caller's window: "by" must be in the future and after "not before".
    public func checkWindow(notBefore: Date?, notAfter: Date?, at now: Date) throws {
        let calendar = policy.calendar
        if let notAfter, notAfter <= now {
            throw DeskError(.badInput, "the call-back-by time \(calendar.dayString(notAfter)) \(calendar.timeString(notAfter)) is already past; give a later time, e.g. +2h or 17:00")
        }
        if let notBefore, let notAfter, notBefore >= notAfter {
            throw DeskError(.badInput, "the not-before time must be earlier than the call-back-by time; the caller's window would be empty")
        }
    }

    // MARK: - Reading messages

    /// The messages of a callback, oldest first.
    public func messages(ofCallback id: Int) throws -> [Message] {
        try read {
            _ = try requireCallbackInScope(id)
            return try loadMessages(ofCallback: id)
        }
    }

    /// The messages of a callback, oldest first, inside the caller's transaction.
    func loadMessages(ofCallback id: Int) throws -> [Message] {
        try database.statement("""
            SELECT m.id, m.call_id, m.callback_id, m.body, m.urgent, m.wants, m.not_before, m.not_after,
                   m.new_contact, c.at, c.caller_name, c.company, op.handle, c.tried_mobile,
                   m.decision, m.proceed, m.order_timing, m.other_vendors, m.sensitive,
                   (SELECT after FROM corrections WHERE callback_id = m.callback_id AND message_id = m.id AND field = 'message_note'
                    ORDER BY id DESC LIMIT 1)
            FROM messages m JOIN calls c ON c.id = m.call_id LEFT JOIN staff op ON op.id = c.operator_id
            WHERE m.callback_id = ? ORDER BY m.id
            """
        ).map([.int(id)]) { row in
            Message(
                id: try row.int(0), callID: try row.int(1), callbackID: try row.int(2), body: try row.string(3), urgent: try row.bool(4),
                wants: try StoredValue.read(row.string(5), in: "messages.wants"),
                notBefore: try Self.optionalDate(row.optionalString(6)),
                notAfter: try Self.optionalDate(row.optionalString(7)), newContact: try row.bool(8),
                takenAt: try Self.date(row.string(9)), callerName: try row.string(10), company: row.optionalString(11),
                takenBy: row.optionalString(12), triedMobile: try row.bool(13),
                buyer: BuyerAttributes(
                    decision: try StoredValue.optional(row.optionalString(14), in: "messages.decision"),
                    proceed: try StoredValue.optional(row.optionalString(15), in: "messages.proceed"),
                    orderTiming: try StoredValue.optional(row.optionalString(16), in: "messages.order_timing"),
                    otherVendors: try StoredValue.optional(row.optionalString(17), in: "messages.other_vendors")),
                sensitive: try row.bool(18), note: row.optionalString(19))
        }
    }
}
