import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Never before the state it changes

    /// The time to stamp a change with: `now`, unless what it changes already holds a later time (the terminal's
    /// clock is behind another's); then that time, and `clockClamp` says so. Clamping rather than refusing keeps
    /// the desk working when a clock drifts — the operator's `done` is recorded, never lost — while the history
    /// stays in order.
    ///
    /// - Parameter latest: the latest times of what the change depends on, each with what it is, for the message;
    ///   of two equal times the first is named.
    func stamp(_ now: Date, after latest: [(time: Date?, what: String)]) -> Date {
        let found = latest.compactMap { candidate in candidate.time.map { (time: $0, what: candidate.what) } }
        guard let newest = found.max(by: { $0.time < $1.time }), newest.time > now else { return now }
        let clamp = ClockClamp(clock: now, stampedAt: newest.time, latest: newest.what)
        if clockClamp.map({ clamp.behind > $0.behind }) ?? true { clockClamp = clamp }
        return newest.time
    }

    /// The time to stamp a change of callback `id` with: not before its latest event.
    func stamp(ofCallback id: Int, _ now: Date) throws -> Date {
        stamp(now, after: [(try latestChange(ofCallback: id), "the latest change of callback #\(id)")])
    }

    /// The time of callback `id`'s latest event.
    func latestChange(ofCallback id: Int) throws -> Date? {
        try latestTime("SELECT max(at) FROM events WHERE subject = 'callback' AND subject_id = ?", [.int(id)])
    }

    /// The time a `SELECT max(...)` query finds, or nil.
    func latestTime(_ sql: String, _ values: [SQLValue] = []) throws -> Date? {
        try Self.optionalDate(database.scalarText(sql, values))
    }
}
