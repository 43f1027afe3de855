import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - A notification for every message

    /// Tells the callback's owner (the substitute it was routed to, when it was) of a message just taken, inside
    /// `takeMessage`'s transaction.
    ///
    /// An urgent callback's ladder begins by telling its owner at once: when its first step does that and has not
    /// fired, this notification is that step (its row in `escalations`, so the sweep does not send a second one).
    func notifyOfMessage(_ callback: CallbackRequest, messageID: Int, at now: Date) throws {
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
    }
}
