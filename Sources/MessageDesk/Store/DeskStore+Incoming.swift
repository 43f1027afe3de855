import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Lines

    /// The account whose line is `phone` (lines in use only); an unknown line is bad input that lists the accounts.
    public func account(forLine phone: PhoneNumber) throws -> Account {
        try read { try requireAccount(try requireLine(phone).accountID) }
    }

    /// The line in use with number `phone`; an unknown line is bad input that lists the accounts to choose from.
    func requireLine(_ phone: PhoneNumber) throws -> (id: Int, accountID: Int) {
        let found = try database.statement("SELECT id, account_id FROM account_lines WHERE phone = ? AND removed_at IS NULL")
            .first([.text(phone.e164)]) { (id: try $0.int(0), accountID: try $0.int(1)) }
        guard let found else {
            let codes = try database.statement("SELECT code FROM accounts WHERE closed_at IS NULL ORDER BY code").map([]) { try $0.string(0) }
            throw DeskError(.badInput,
                "\(phone.national) is no account's line; the accounts are: \(codes.joined(separator: ", ")) (give one with --account CODE, or add the line with `desk account line add`)")
        }
        return found
    }

    func requireAccount(_ id: Int) throws -> Account {
        guard let code = try database.scalarText("SELECT code FROM accounts WHERE id = ?", [.int(id)]) else {
            throw DeskError(.badInput, "the database names an account #\(id) that does not exist; run desk check")
        }
        return try requireAccount(code)
    }

    /// The line a call of `scope` came in on: it must be one of the account's lines in use.
    func requireLine(_ phone: PhoneNumber, of scope: Account) throws -> Int {
        let line = try requireLine(phone)
        guard line.accountID == scope.id else {
            let owner = try requireAccount(line.accountID)
            throw DeskError(.badInput,
                "\(phone.national) is a line of \(owner.code), not of \(scope.code); give --account \(owner.code), or leave --account out")
        }
        return line.id
    }

    /// Refuses a call id already logged for the account: a retried hook must not log a call twice.
    func refuseLoggedCall(_ phoneCallID: String, in scope: Account) throws {
        let logged = try database.statement("""
            SELECT k.id, k.at FROM calls k JOIN callers c ON c.id = k.caller_id WHERE k.phone_call_id = ? AND c.account_id = ?
            """).first([.text(phoneCallID), .int(scope.id)]) { (id: try $0.int(0), at: try Self.date($0.string(1))) }
        if let logged {
            let calendar = policy.calendar
            throw DeskError(.badInput,
                "call id \(phoneCallID) was logged already (call \(logged.id), \(calendar.dayString(logged.at)) \(calendar.timeString(logged.at))); nothing was written")
        }
    }

    // MARK: - A ringing call

    /// What the operator needs before answering a call to `line`: the account, the person whose mobile `diversion`
    /// is, and the caller with `callerPhone` with their live callbacks. Reads only.
    public func incoming(line: PhoneNumber, callerPhone: PhoneNumber?, diversion: PhoneNumber?, phoneCallID: String?,
                         at now: Date) throws -> IncomingCall {
        try read { () throws -> IncomingCall in
            let account = try requireAccount(try requireLine(line).accountID)
            var person: Staff?
            var whereabouts: Presence?
            if let diversion, let found = try staff(mobile: diversion, of: account.id) {
                person = found
                whereabouts = try presence(ofStaffID: found.id, at: now, createdAt: found.createdAt)
            }
            var caller: Caller?
            var callbacks: [RankedCallback] = []
            if let callerPhone {
                caller = try database.statement("SELECT id, name, company FROM callers WHERE account_id = ? AND phone = ?")
                    .first([.int(account.id), .text(callerPhone.e164)]) {
                        Caller(id: try $0.int(0), name: try $0.string(1), company: $0.optionalString(2), phone: callerPhone)
                    }
                if let caller { callbacks = try liveCallbacks(ofCaller: caller.id, at: now) }
            }
            let blocked = try callerPhone.flatMap { try blockedEntry($0, inAccount: account.id) }
            return IncomingCall(line: line, account: account, diversion: diversion, person: person, presence: whereabouts,
                                callerPhone: callerPhone, caller: caller, callbacks: callbacks, phoneCallID: phoneCallID,
                                blocked: blocked)
        }
    }
}
