import Foundation

extension DeskStore {
    /// Brings back a callback closed by mistake (done or cancelled): it is open again, owed to the same person,
    /// with a `callback.reopened` event that keeps what the closing said (before → after) and why it was undone.
    ///
    /// The policy of a reopened callback, as for a message taken at the moment of reopening:
    /// - its due time is worked out again from now (urgent → 30 minutes, type ① → 2 business hours, else the end
    ///   of the business day), within the caller's window when that is still ahead;
    /// - its ladders start again: the urgent ladder counts from the reopening, the overdue ladder from the new
    ///   due time, and the steps fired before the closing do not count (the sweep tells them by their round);
    /// - it is open, not acknowledged: the owner acknowledges it again, which stops the urgent ladder again.
    ///
    /// When the caller already has a new live callback for the same owner (one they owe, or one taken for them
    /// and routed to their substitute), the reopened callback joins it as a repeat call would: the live one's
    /// repeat count rises by the calls of the reopened one, its urgency, new contact and sensitivity are the
    /// higher of the two, and its due time the earlier; the reopened one stays closed, and its event names the
    /// callback it joined. Refused for a live callback, and in a closed account (read-only).
    public func reopen(_ id: Int, reason: String, actor: String, at now: Date) throws -> ReopenedCallback {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw DeskError(.badInput, "--reason is empty: say why callback #\(id) is reopened") }
        try TextLimit.reason.check(reason)
        return try write {
            let before = try requireCallbackInScope(id)
            try refuseIfClosed(before.accountID)
            guard !before.state.isLive else {
                throw DeskError(.badInput, "callback #\(id) is \(before.state.rawValue), not closed; there is nothing to reopen")
            }
            // The owner's live callback for this caller (which the unique index allows only one of), else, for a
            // callback routed to a substitute, the one a new call for the absent owner would join.
            let owner = try requireStaff(before.owner, in: before.accountID)
            var live = try liveCallbackID(callerID: before.caller.id, for: owner.id)
            if live == nil, let from = before.routedFrom {
                live = try liveCallbackID(callerID: before.caller.id, for: try requireStaff(from, in: before.accountID).id)
            }
            if let live {
                return try join(before, into: live, reason: reason, actor: actor, at: now)
            }
            let at = try stamp(ofCallback: id, now)
            var after = before
            after.state = .open
            after.acknowledgedAt = nil
            after.closedAt = nil
            after.closingNote = nil
            after.dueAt = try dueAgain(before, at: at)
            try record(.callbackReopened, from: before, to: after, actor: actor, at: at, reason: reason)
            // The ladders start again from here; see the migration 0017.
            try database.execute("""
                UPDATE callbacks SET reopened_at = ?,
                    ladder_round_base = (SELECT coalesce(max(cycle) + 1, 0) FROM escalations WHERE callback_id = ? AND ladder <> 'manual')
                WHERE id = ?
                """, [.text(Timestamp.format(at)), .int(id), .int(id)])
            return ReopenedCallback(callback: after, reopenedID: id)
        }
    }

    /// The reopened callback `closed` joins the live callback `liveID` of the same caller and owner.
    private func join(_ closed: CallbackRequest, into liveID: Int, reason: String, actor: String,
                      at now: Date) throws -> ReopenedCallback {
        let at = stamp(now, after: [
            (try latestChange(ofCallback: closed.id), "the latest change of callback #\(closed.id)"),
            (try latestChange(ofCallback: liveID), "the latest change of callback #\(liveID)"),
        ])
        let live = try requireCallback(liveID)
        let due = min(live.dueAt, try dueAgain(closed, at: at))
        try database.execute("""
            UPDATE callbacks SET repeat_count = repeat_count + ?, urgent = max(urgent, ?), new_contact = max(new_contact, ?),
                due_at = ?, sensitive = max(sensitive, ?)
            WHERE id = ?
            """,
            [.int(closed.repeatCount + 1), .bool(closed.urgent), .bool(closed.newContact), .text(Timestamp.format(due)),
             .bool(closed.sensitive), .int(liveID)])
        let joined = try requireCallback(liveID)
        try appendEvent(.callbackJoined, liveID, actor: actor, at: at,
                        before: Self.json(live, fields: CallbackField.joined), after: Self.json(joined, fields: CallbackField.joined),
                        reason: "callback #\(closed.id) reopened: \(reason)")
        try appendEvent(.callbackReopened, closed.id, actor: actor, at: at,
                        after: .object([("joined", .int(liveID))]), reason: reason)
        return ReopenedCallback(callback: joined, reopenedID: closed.id)
    }

    /// The due time of `callback` owed again at `now`: its own policy's, within the caller's window while that is
    /// still ahead.
    private func dueAgain(_ callback: CallbackRequest, at now: Date) throws -> Date {
        let ahead = callback.notAfter.map { $0 > now } ?? false
        return try policy(ofAccount: callback.accountID).due.dueTime(
            takenAt: now, urgent: callback.urgent, notBefore: ahead ? callback.notBefore : nil,
            notAfter: ahead ? callback.notAfter : nil, buyerType: callback.buyerType)
    }
}
