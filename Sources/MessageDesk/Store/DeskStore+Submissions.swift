import Foundation

extension DeskStore {
    /// Takes a message once per request id: the first submission records it and keeps `receipt(taken)`, what
    /// the command prints; a retry with the same id and the same request returns that receipt and records
    /// nothing; the same id with a different request is refused (bad input, 65).
    ///
    /// One transaction: the look-up, the call with everything it writes, the receipt (made inside it, so it
    /// shows the callback as this call left it) and the id's record are saved together, or none of them. Two
    /// processes submitting one id at once queue at `BEGIN IMMEDIATE`, so the second finds the first's record.
    ///
    /// With `blocked`, a caller's number on the account's block list is recorded as a blocked call instead, in the
    /// same transaction and once per request id too, and `blocked(call)` is the receipt.
    public func takeMessage(_ new: NewMessage, submission: Submission, actor: String, at now: Date,
                            receipt: (TakenMessage) throws -> SubmissionReceipt,
                            blocked: ((ScreenedCall) throws -> SubmissionReceipt)? = nil) throws -> SubmissionReceipt {
        try submitOnce(submission, of: "message", at: now) {
            if let blocked, let call = try recordIfBlocked(new.phone, operatorHandle: new.operatorHandle, actor: actor, at: now) {
                return (.screened(call.id), try blocked(call))
            }
            let taken = try takeMessage(new, actor: actor, at: now)
            return (.message(taken.callID), try receipt(taken))
        }
    }

    /// Records a screened call (`desk log --outcome`) once per request id, as a message is taken once: a retry
    /// returns the first receipt and records nothing; the same id with another request is refused.
    public func recordScreenedCall(_ new: NewScreenedCall, submission: Submission, actor: String, at now: Date,
                                   receipt: (ScreenedCall) throws -> SubmissionReceipt) throws -> SubmissionReceipt {
        try submitOnce(submission, of: "call", at: now) {
            let call = try recordScreenedCall(new, actor: actor, at: now)
            return (.screened(call.id), try receipt(call))
        }
    }

    /// The call a submission recorded: a message's call, or a screened call (one id sequence names either).
    private enum SubmittedCall {
        case message(Int)
        case screened(Int)
    }

    /// Runs `record` once for `submission`'s id, in one transaction with the id's record; `request` names what a
    /// request records ("message", "call") in the refusal of an id used for another request.
    private func submitOnce(_ submission: Submission, of request: String, at now: Date,
                            record: () throws -> (call: SubmittedCall, receipt: SubmissionReceipt)) throws -> SubmissionReceipt {
        try write {
            // The account the earlier call belongs to: a key is one account's, and another account's retry must
            // see nothing of it (neither its receipt nor its call), only that the key is taken.
            let earlier = try database.statement("""
                SELECT s.fingerprint, coalesce(s.call_id, s.screened_call_id), s.submitted_at, s.receipt_text, s.receipt_json,
                       coalesce((SELECT r.account_id FROM calls c JOIN callers r ON r.id = c.caller_id WHERE c.id = s.call_id),
                                (SELECT account_id FROM screened_calls WHERE id = s.screened_call_id))
                FROM submissions s WHERE s.request_id = ?
                """
            ).first([.text(submission.id.text)]) { row in
                (fingerprint: try row.string(0), callID: try row.int(1), at: try row.string(2),
                 receipt: SubmissionReceipt(text: try row.string(3), json: try row.string(4)), accountID: try row.int(5))
            }
            if let earlier {
                guard earlier.accountID == (try requireScope()).id else {
                    throw DeskError(.badInput, "request id '\(submission.id)' was already used by another account; give a new --request-id for a new \(request)")
                }
                guard earlier.fingerprint == submission.fingerprint else {
                    let at = try Self.date(earlier.at)
                    throw DeskError(.badInput, "request id '\(submission.id)' was already used for a different \(request) (call \(earlier.callID) at \(policy.calendar.dayString(at)) \(policy.calendar.timeString(at))); a retry must repeat the same request exactly — give a new --request-id for a new \(request)")
                }
                return earlier.receipt
            }
            let made = try record()
            let (callID, screenedCallID): (Int?, Int?) = switch made.call {
            case .message(let id): (id, nil)
            case .screened(let id): (nil, id)
            }
            try database.execute("DELETE FROM submissions WHERE submitted_at < ?",
                                 [.text(Timestamp.format(now.addingTimeInterval(-Submission.retention)))])
            try database.execute("""
                INSERT INTO submissions (request_id, fingerprint, call_id, screened_call_id, submitted_at, receipt_text, receipt_json)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(submission.id.text), .text(submission.fingerprint), .int(callID), .int(screenedCallID),
                 .text(Timestamp.format(now)), .text(made.receipt.text), .text(made.receipt.json)])
            return made.receipt
        }
    }
}
