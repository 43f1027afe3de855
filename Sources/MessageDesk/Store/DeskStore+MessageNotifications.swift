import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - A notification for every message

    /// Tells the callback's owner (the substitute it was routed to, when it was) of a message just taken, inside
    /// `takeMessage`'s transaction.
    ///
    /// An urgent callback's ladder begins by telling its owner at once: when its first step does that and has not
    /// fired, this notification is that step (its row in `escalations`, so the sweep does not send a second one).
    @discardableResult
    func notifyOfMessage(_ callback: CallbackRequest, messageID: Int, at now: Date) throws -> FiredEscalation? {
        let owner = try requireStaff(callback.owner, in: callback.accountID)
        var escalationID: Int?
        var reason = callback.repeatCount == 0 ? "a message was taken" : "repeat call \(callback.repeatCount)"
        let ladder = try policy(ofAccount: callback.accountID).escalation.urgent
        if callback.urgent, let first = ladder.steps.first, first.offsetMinutes == 0, first.target == .owner,
           try database.scalarInt("SELECT 1 FROM escalations WHERE callback_id = ? AND ladder = 'urgent' AND cycle = 0 AND step = 0",
                                  [.int(callback.id)]) == nil {
            reason += "; urgent: step 1 of \(ladder.steps.count)" + (ladder.cycles > 1 ? ", round 1 of \(ladder.cycles)" : "")
            try database.execute(
                "INSERT INTO escalations (callback_id, ladder, cycle, step, target_id, at, reason) VALUES (?, 'urgent', 0, 0, ?, ?, ?)",
                [.int(callback.id), .int(owner.id), .text(Timestamp.format(now)), .text(reason)])
            escalationID = database.lastInsertedRowID
        }
        try enqueue(callback, to: owner, kind: .message, reason: reason, escalationID: escalationID, messageID: messageID, at: now)
        return escalationID.map { _ in
            FiredEscalation(callbackID: callback.id, ladder: .urgent, cycle: 0, step: 0, target: owner.handle, kind: .reminder, reason: reason)
        }
    }
}

extension DeskStore {
    // MARK: - Answering from the notification

    /// Acks or closes the callback of the notification that carries `code`, once: the code is used up, and the
    /// callback's event says which notification the act came through. An unknown or used code changes nothing.
    ///
    /// The code names its account: with none chosen, its callback's account is; with another chosen, the code is
    /// unknown there (one account's codes never act on another's callbacks).
    public func act(_ act: ReplyAct, replyCode code: ReplyCode, note: String? = nil, actor: String,
                    at now: Date) throws -> CallbackRequest {
        try write {
            let found = try database.statement("""
                SELECT n.id, n.callback_id, n.reply_used_at, a.code, a.id FROM notifications n
                JOIN callbacks cb ON cb.id = n.callback_id JOIN callers cl ON cl.id = cb.caller_id
                JOIN accounts a ON a.id = cl.account_id WHERE n.reply_code = ?
                """).first([.text(code.text)]) {
                    (id: try $0.int(0), callbackID: try $0.int(1), used: $0.optionalString(2), account: try $0.string(3), accountID: try $0.int(4))
                }
            guard let found, account.map({ $0.id == found.accountID }) ?? true else {
                throw DeskError(.badInput, "no notification has the reply code \(code); check the code in the notification")
            }
            guard found.used == nil else {
                throw DeskError(.badInput, "reply code \(code) was already used; act on callback #\(found.callbackID) by its id")
            }
            if account == nil { try selectAccount(found.account) }
            let at = try stamp(ofCallback: found.callbackID, now)
            try database.execute("UPDATE notifications SET reply_used_at = ? WHERE id = ?", [.text(Timestamp.format(at)), .int(found.id)])
            let reason = "through notification #\(found.id)"
            return switch act {
            case .acknowledge: try acknowledge(found.callbackID, reason: reason, actor: actor, at: now)
            case .done: try complete(found.callbackID, note: note, reason: reason, actor: actor, at: now)
            }
        }
    }
}

/// A message told again because nobody acknowledged its callback.
public struct Renotification: Sendable, Equatable {
    public let callbackID: Int
    public let messageID: Int
    /// Who was told (the owner, on their channels and the account's group channel).
    public let target: String
    public let reason: String
}

extension DeskStore {
    // MARK: - Re-notification

    /// `desk sweep`: the ladders' steps that are due (`sweep`), then the re-notifications (`renotify`), in one
    /// transaction, so a clock found behind by either is reported.
    public func sweepAndRenotify(actor: String, at now: Date) throws -> (fired: [FiredEscalation], renotified: [Renotification]) {
        try write { (try sweep(actor: actor, at: now), try renotify(actor: actor, at: now)) }
    }

    /// Tells once more of each message whose callback is still open (nobody acknowledged it) the account's
    /// `renotify_after` after its notification: on the same channels, and on the account's group channels.
    ///
    /// One transaction, and a message's row in `renotifications` is unique: run twice, or twice at once, each
    /// message is re-notified once. Urgent callbacks are left to their ladder, which already tells again.
    public func renotify(actor: String, at now: Date) throws -> [Renotification] {
        try write {
            let candidates = try database.statement("""
                SELECT n.message_id, n.callback_id, min(n.created_at), cl.account_id FROM notifications n
                JOIN callbacks cb ON cb.id = n.callback_id JOIN callers cl ON cl.id = cb.caller_id
                WHERE n.kind = 'message' AND cb.state = 'open' AND cb.urgent = 0
                  AND NOT EXISTS (SELECT 1 FROM renotifications r WHERE r.message_id = n.message_id)
                GROUP BY n.message_id ORDER BY n.message_id
                """).map([]) { (message: try $0.int(0), callback: try $0.int(1), told: try Self.date($0.string(2)), account: try $0.int(3)) }
            var told: [Renotification] = []
            for candidate in candidates {
                guard let minutes = try policy(ofAccount: candidate.account).renotifyMinutes,
                      candidate.told.addingTimeInterval(TimeInterval(minutes * 60)) <= now else { continue }
                told.append(try renotify(message: candidate.message, callbackID: candidate.callback, after: minutes,
                                         actor: actor, at: now))
            }
            return told
        }
    }

    /// Re-notifies one message: its row, its event, its notifications, in the caller's transaction.
    private func renotify(message messageID: Int, callbackID: Int, after minutes: Int, actor: String, at now: Date) throws -> Renotification {
        let at = try stamp(ofCallback: callbackID, now)
        try database.execute("INSERT INTO renotifications (message_id, at) VALUES (?, ?)", [.int(messageID), .text(Timestamp.format(at))])
        let callback = try requireCallback(callbackID)
        let reason = "not acknowledged \(Self.spoken(minutes: minutes)) after message \(messageID) was notified"
        let sent = try database.statement("""
            SELECT DISTINCT s.handle, n.channel_kind, n.channel_address, n.channel_bot_id FROM notifications n
            JOIN staff s ON s.id = n.recipient_id WHERE n.message_id = ? AND n.kind = 'message' ORDER BY n.id
            """).map([.int(messageID)]) { row -> (handle: String, channel: Channel?) in
                (try row.string(0), try Self.notificationChannel(kind: try row.string(1), address: row.optionalString(2),
                                                                 botID: row.optionalString(3)))
            }
        let owner = try requireStaff(callback.owner, in: callback.accountID)
        for (handle, routes) in Dictionary(grouping: sent, by: \.handle).sorted(by: { $0.key < $1.key }) {
            try enqueue(callback, to: try requireStaff(handle, in: callback.accountID), kind: .renotify, reason: reason,
                        escalationID: nil, messageID: messageID, routes: routes.map(\.channel), at: at)
        }
        let already = sent.compactMap(\.channel)
        let group = try groupChannels(ofAccount: callback.accountID).filter { !already.contains($0) }
        if !group.isEmpty {
            try enqueue(callback, to: owner, kind: .renotify, reason: reason, escalationID: nil, messageID: messageID,
                        routes: group, at: at)
        }
        try appendEvent(.callbackReminded, callbackID, actor: actor, at: at,
                        after: .object([("notified", .string(owner.handle)), ("message_id", .int(messageID))]), reason: reason)
        return Renotification(callbackID: callbackID, messageID: messageID, target: owner.handle, reason: reason)
    }
}
