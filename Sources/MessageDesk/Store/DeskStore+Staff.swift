import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Reading staff

    private static let staffColumns = """
        s.id, s.handle, s.display_name, s.role, s.mobile, sub.handle, esc.handle, s.created_at, s.account_id, a.code
        FROM staff s LEFT JOIN staff sub ON sub.id = s.substitute_id LEFT JOIN staff esc ON esc.id = s.escalation_id
        LEFT JOIN accounts a ON a.id = s.account_id
        """

    /// Built once: the statement cache is keyed by the text, and this lookup runs in every change. A handle names
    /// someone of the account (?2) or of the service: never both (a trigger of migration 0009 says so).
    private static let staffByHandle = "SELECT \(staffColumns) WHERE s.handle = ?1 AND (s.account_id IS NULL OR s.account_id = ?2)"

    /// The staff an account sees: its own and the service's (all of the service's when no account is chosen).
    private static let staffOfAccount = "SELECT \(staffColumns) WHERE s.account_id IS NULL OR s.account_id = ? ORDER BY s.handle"

    private func staff(from row: Row) throws -> Staff {
        Staff(
            id: try row.int(0), handle: try row.string(1), displayName: try row.string(2),
            role: try StoredValue.read(row.string(3), in: "staff.role"),
            mobile: row.optionalString(4).flatMap(PhoneNumber.init(e164:)),
            substitute: row.optionalString(5), escalationContact: row.optionalString(6),
            createdAt: try Self.date(row.string(7)), account: row.optionalString(9), accountID: row.optionalInt(8))
    }

    /// The member of account `accountID` whose mobile is `mobile` (the first by handle when several share it).
    func staff(mobile: PhoneNumber, of accountID: Int) throws -> Staff? {
        try database.statement("SELECT \(Self.staffColumns) WHERE s.account_id = ? AND s.mobile = ? ORDER BY s.handle LIMIT 1")
            .first([.int(accountID), .text(mobile.e164)], staff(from:))
    }

    /// Everyone on the account's staff list, and the service's staff, by handle.
    public func allStaff() throws -> [Staff] {
        try read { try database.statement(Self.staffOfAccount).map([.int(try requireScope().id)], staff(from:)) }
    }

    /// The member of staff with `handle`; an unknown handle is bad input.
    public func staff(handle: String) throws -> Staff {
        try read { try requireStaff(handle) }
    }

    /// The member of staff with `handle`, read once per transaction (every change and every sweep step
    /// looks up the people it concerns); an unknown handle is bad input.
    ///
    /// A bare handle names someone of `accountID` (by default the chosen account) or of the service;
    /// `acme/tanaka` names tanaka of account acme.
    func requireStaff(_ handle: String, in accountID: Int? = nil) throws -> Staff {
        let inTransaction = database.isInTransaction
        let within = accountID ?? account?.id
        let key = "\(within ?? 0)/\(handle)"
        if inTransaction && staffInTransaction.serial == database.transactionSerial,
           let cached = staffInTransaction.byHandle[key] {
            return cached
        }
        var (bare, accountIDs) = (handle, within)
        if let slash = handle.firstIndex(of: "/") {
            bare = String(handle[handle.index(after: slash)...])
            accountIDs = try requireAccount(String(handle[..<slash])).id
        }
        let found = try database.statement(Self.staffByHandle)
            .first([.text(bare), .int(accountIDs)], staff(from:))
        guard let found else {
            if accountIDs == nil, account == nil { _ = try requireScope() }
            throw DeskError(.badInput, "no staff member '\(handle)'; see `desk staff list`, or add them with `desk staff add`")
        }
        if inTransaction {
            if staffInTransaction.serial != database.transactionSerial {
                staffInTransaction = (database.transactionSerial, [:])
            }
            staffInTransaction.byHandle[key] = found
        }
        return found
    }

    /// Refuses to link `person` to the data of account `accountID` when they belong to another account.
    func requireLinkable(_ person: Staff, to accountID: Int, as what: String) throws {
        guard let theirs = person.accountID, theirs != accountID else { return }
        let code = try database.scalarText("SELECT code FROM accounts WHERE id = ?", [.int(accountID)]) ?? "?"
        throw DeskError(.badInput,
            "\(person.account ?? "?")/\(person.handle) is of account \(person.account ?? "?"); \(what) must be of \(code) or of the service")
    }

    // MARK: - Changing staff

    /// Adds a member of staff, with a `staff.added` event.
    @discardableResult
    public func addStaff(_ new: NewStaff, actor: String, at now: Date) throws -> Staff {
        do { try Staff.validate(handle: new.handle) } catch { throw DeskError(.badInput, error.message) }
        let name = new.displayName.trimmed
        guard !name.isEmpty else { throw DeskError(.badInput, "--name is empty: give the name people read, e.g. --name 田中一郎") }
        try TextLimit.staffName.check(name)
        return try write {
            // Operators and managers join the service, salespeople the chosen account (which must be open).
            let accountID = Staff.belongsToTheService(new.role) ? nil : try requireWritableScope().id
            // A service handle is used by no account, an account's handle by none of its staff and not by the service.
            if try database.scalarInt(
                "SELECT id FROM staff WHERE handle = ?1 AND (?2 IS NULL OR account_id IS NULL OR account_id = ?2)",
                [.text(new.handle), .int(accountID)]) != nil {
                throw DeskError(.badInput, "'\(new.handle)' is already on the staff list; see `desk staff show \(new.handle)`")
            }
            let substitute = try new.substitute.map { try requireStaff($0) }
            let escalation = try new.escalationContact.map { try requireStaff($0) }
            for (person, what) in [(substitute, "a substitute"), (escalation, "an escalation contact")] {
                guard let person else { continue }
                if let accountID { try requireLinkable(person, to: accountID, as: what) } else if person.accountID != nil {
                    throw DeskError(.badInput, "\(person.handle) is of account \(person.account ?? "?"); \(what) of the service's staff must be of the service")
                }
            }
            try database.execute(
                "INSERT INTO staff (handle, display_name, role, mobile, substitute_id, escalation_id, created_at, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(new.handle), .text(name), .text(new.role.rawValue), .text(new.mobile?.e164),
                 .int(substitute?.id), .int(escalation?.id), .text(Timestamp.format(now)), .int(accountID)])
            staffInTransaction.byHandle.removeAll()
            let added = try requireStaff(new.handle, in: accountID)
            try appendEvent(.staffAdded, added.id, actor: actor, at: now, after: Self.json(added))
            return added
        }
    }

    /// Changes a member of staff's details; only the given fields change. Records `staff.changed`.
    @discardableResult
    public func updateStaff(_ handle: String, displayName: String? = nil, role: Staff.Role? = nil,
                            mobile: PhoneNumber?? = nil, substitute: String?? = nil,
                            escalationContact: String?? = nil, actor: String, at now: Date) throws -> Staff {
        try write {
            let before = try requireStaff(handle)
            if let accountID = before.accountID { try refuseIfClosed(accountID) }
            var sets: [String] = []
            var values: [SQLValue] = []
            if let displayName {
                let name = displayName.trimmed
                guard !name.isEmpty else { throw DeskError(.badInput, "--name is empty: give the name people read") }
                try TextLimit.staffName.check(name)
                sets.append("display_name = ?"); values.append(.text(name))
            }
            if let role { sets.append("role = ?"); values.append(.text(role.rawValue)) }
            if let mobile { sets.append("mobile = ?"); values.append(.text(mobile?.e164)) }
            for (column, target) in [("substitute_id", substitute), ("escalation_id", escalationContact)] {
                guard let target else { continue }
                let person = try target.map { try requireStaff($0, in: before.accountID) }
                let what = column == "substitute_id" ? "a substitute" : "an escalation contact"
                if let person, let accountID = before.accountID { try requireLinkable(person, to: accountID, as: what) }
                if let person, before.accountID == nil, person.accountID != nil {
                    throw DeskError(.badInput, "\(person.handle) is of account \(person.account ?? "?"); \(what) of the service's staff must be of the service")
                }
                let id = person?.id
                if id == before.id {
                    throw DeskError(.badInput, "\(handle) cannot be their own \(column == "substitute_id" ? "substitute" : "escalation contact")")
                }
                sets.append("\(column) = ?"); values.append(.int(id))
            }
            guard !sets.isEmpty else { return before }
            try database.execute("UPDATE staff SET \(sets.joined(separator: ", ")) WHERE id = ?", values + [.int(before.id)])
            staffInTransaction.byHandle.removeAll()   // this row changed: read it again, here and after
            let after = try requireStaff(handle, in: before.accountID)
            if after != before {
                try appendEvent(.staffChanged, before.id, actor: actor, at: now,
                                before: Self.json(before), after: Self.json(after))
            }
            return after
        }
    }

    static func json(_ staff: Staff) -> JSONValue {
        .object([
            ("handle", .string(staff.handle)), ("display_name", .string(staff.displayName)),
            ("role", .string(staff.role.rawValue)), ("mobile", staff.mobile.map { .string($0.e164) } ?? .null),
            ("substitute", staff.substitute.map(JSONValue.string) ?? .null),
            ("escalation_contact", staff.escalationContact.map(JSONValue.string) ?? .null),
        ])
    }

    // MARK: - Presence

    /// The presence of `staffID` as of `now` (an absence past its end has ended by itself).
    func presence(ofStaffID staffID: Int, at now: Date, createdAt: Date) throws -> Presence {
        let latest = try database.statement(
            "SELECT status, since, until, note FROM presence WHERE staff_id = ? ORDER BY id DESC LIMIT 1"
        ).first([.int(staffID)]) { row in
            Presence(status: try StoredValue.read(row.string(0), in: "presence.status"), since: try Self.date(row.string(1)),
                     until: try Self.optionalDate(row.optionalString(2)), note: row.optionalString(3))
        }
        return (latest ?? .inOffice(since: createdAt)).effective(at: now)
    }

    /// The presence of `handle` as of `now`.
    public func presence(of handle: String, at now: Date) throws -> Presence {
        try read {
            let member = try requireStaff(handle)
            return try presence(ofStaffID: member.id, at: now, createdAt: member.createdAt)
        }
    }

    /// Everyone with their presence as of `now`, by handle.
    public func board(at now: Date) throws -> [(staff: Staff, presence: Presence)] {
        try read {
            try database.statement(Self.staffOfAccount).map([.int(try requireScope().id)], staff(from:)).map {
                ($0, try presence(ofStaffID: $0.id, at: now, createdAt: $0.createdAt))
            }
        }
    }

    /// Marks `handle` away (or back, with `.inOffice`), keeping the history; records `presence.changed`.
    @discardableResult
    public func setPresence(_ handle: String, status: Presence.Status, until: Date? = nil, note: String? = nil,
                            actor: String, at now: Date) throws -> Presence {
        if let until, until <= now {
            throw DeskError(.badInput, "--until \(policy.calendar.timeString(until)) is not in the future; give a later time, e.g. +1h or tomorrow 10:00")
        }
        if status == .inOffice && until != nil {
            throw DeskError(.badInput, "--until makes no sense for someone in the office; use `desk back`")
        }
        try TextLimit.presenceNote.check(note)
        return try write {
            let member = try requireStaff(handle)
            if let accountID = member.accountID { try refuseIfClosed(accountID) }
            // Never before the presence it replaces (or the day they joined the staff list).
            let latest = try latestTime("SELECT max(since) FROM presence WHERE staff_id = ?", [.int(member.id)])
            let stamped = stamp(now, after: [(max(latest ?? .distantPast, member.createdAt), "\(handle)'s latest presence change")])
            if let until, until <= stamped {
                throw DeskError(.badInput, "--until \(policy.calendar.timeString(until)) is before \(handle)'s latest presence change at \(policy.calendar.timeString(stamped)) (this terminal's clock is behind); give a later time")
            }
            let before = try presence(ofStaffID: member.id, at: stamped, createdAt: member.createdAt)
            let note = note.flatMap { $0.isEmpty ? nil : $0 }
            try database.execute(
                "INSERT INTO presence (staff_id, status, since, until, note, set_by) VALUES (?, ?, ?, ?, ?, ?)",
                [.int(member.id), .text(status.rawValue), .text(Timestamp.format(stamped)),
                 .text(until.map(Timestamp.format)), .text(note), .text(actor)])
            let after = Presence(status: status, since: stamped, until: until, note: note)
            try appendEvent(.presenceChanged, member.id, actor: actor, at: stamped,
                            before: Self.json(before), after: Self.json(after))
            return after
        }
    }

    static func json(_ presence: Presence) -> JSONValue {
        .object([
            ("status", .string(presence.status.rawValue)), ("since", .time(presence.since)),
            ("until", .time(presence.until)), ("note", presence.note.map(JSONValue.string) ?? .null),
        ])
    }
}
