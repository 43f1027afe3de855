import Foundation

extension DeskStore {
    /// Staff whose handle is `query`, or else whose handle or display name contains it (case
    /// folded, width folded, so ｔａｎａｋａ and 田中 both find tanaka). An exact handle wins alone.
    public func staff(matching query: String) throws -> [Staff] {
        let needle = query.folded
        guard !needle.isEmpty else { return [] }
        let everyone = try allStaff()
        if let exact = everyone.first(where: { $0.handle == needle }) { return [exact] }
        return everyone.filter { $0.handle.folded.contains(needle) || $0.displayName.folded.contains(needle) }
    }

    /// The caller known by this phone number in the chosen account, if they have called it before.
    public func caller(phone: PhoneNumber) throws -> Caller? {
        try read {
            try database.statement("SELECT id, name, company FROM callers WHERE account_id = ? AND phone = ?")
                .first([.int(try requireScope().id), .text(phone.e164)]) {
                Caller(id: try $0.int(0), name: try $0.string(1), company: $0.optionalString(2), phone: phone)
            }
        }
    }

    /// The callback still owed to this caller for `owner` — by them, or by the substitute it was
    /// routed to — which a new call for `owner` would join.
    public func liveCallback(callerID: Int, owner: String) throws -> CallbackRequest? {
        try read {
            try liveCallbackID(callerID: callerID, for: try requireStaff(owner).id).map(requireCallback)
        }
    }

    /// How many callbacks each person owes, and how many of those are overdue, as of `now`.
    public func owedCounts(at now: Date) throws -> [String: (owed: Int, overdue: Int)] {
        try read {
            var counts: [String: (owed: Int, overdue: Int)] = [:]
            try database.statement("""
                SELECT s.handle, count(*), sum(cb.due_at < ?) FROM callbacks cb JOIN staff s ON s.id = cb.owner_id
                JOIN callers cl ON cl.id = cb.caller_id
                WHERE cb.state IN ('open', 'acknowledged') AND cl.account_id = ? GROUP BY s.handle
                """
            ).forEach([.text(Timestamp.format(now)), .int(try requireScope().id)]) { counts[try $0.string(0)] = (try $0.int(1), try $0.int(2)) }
            return counts
        }
    }
}
