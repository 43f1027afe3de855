import Foundation

extension DeskStore {
    /// Takes a message once per request id: the first submission records it and keeps `receipt(taken)`, what
    /// the command prints; a retry with the same id and the same request returns that receipt and records
    /// nothing; the same id with a different request is refused (bad input, 65).
    ///
    /// One transaction: the look-up, the call with everything it writes, the receipt (made inside it, so it
    /// shows the callback as this call left it) and the id's record are saved together, or none of them. Two
    /// processes submitting one id at once queue at `BEGIN IMMEDIATE`, so the second finds the first's record.
    public func takeMessage(_ new: NewMessage, submission: Submission, actor: String, at now: Date,
                            receipt: (TakenMessage) throws -> SubmissionReceipt) throws -> SubmissionReceipt {
        try write {
            let earlier = try database.statement(
                "SELECT fingerprint, call_id, submitted_at, receipt_text, receipt_json FROM submissions WHERE request_id = ?"
            ).first([.text(submission.id.text)]) { row in
                (fingerprint: try row.string(0), callID: try row.int(1), at: try row.string(2),
                 receipt: SubmissionReceipt(text: try row.string(3), json: try row.string(4)))
            }
            if let earlier {
                guard earlier.fingerprint == submission.fingerprint else {
                    let at = try Self.date(earlier.at)
                    throw DeskError(.badInput, "request id '\(submission.id)' was already used for a different message (call \(earlier.callID) at \(policy.calendar.dayString(at)) \(policy.calendar.timeString(at))); a retry must repeat the same request exactly — give a new --request-id for a new message")
                }
                return earlier.receipt
            }
            let taken = try takeMessage(new, actor: actor, at: now)
            let made = try receipt(taken)
            try database.execute("DELETE FROM submissions WHERE submitted_at < ?",
                                 [.text(Timestamp.format(now.addingTimeInterval(-Submission.retention)))])
            try database.execute("""
                INSERT INTO submissions (request_id, fingerprint, call_id, submitted_at, receipt_text, receipt_json)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [.text(submission.id.text), .text(submission.fingerprint), .int(taken.callID), .text(Timestamp.format(now)),
                 .text(made.text), .text(made.json)])
            return made
        }
    }
}
