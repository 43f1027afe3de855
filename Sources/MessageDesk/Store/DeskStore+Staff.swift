import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Reading staff

    private static let staffColumns = """
        s.id, s.handle, s.display_name, s.role, s.mobile, sub.handle, esc.handle, s.created_at
        FROM staff s LEFT JOIN staff sub ON sub.id = s.substitute_id LEFT JOIN staff esc ON esc.id = s.escalation_id
        """

    /// Built once: the statement cache is keyed by the text, and this lookup runs in every change.
    private static let staffByHandle = "SELECT \(staffColumns) WHERE s.handle = ?"

    private func staff(from row: Row) throws -> Staff {
        Staff(
            id: try row.int(0), handle: try row.string(1), displayName: try row.string(2),
            role: try StoredValue.read(row.string(3), in: "staff.role"),
            mobile: row.optionalString(4).flatMap(PhoneNumber.init(e164:)),
            substitute: row.optionalString(5), escalationContact: row.optionalString(6),
            createdAt: try Self.date(row.string(7)))
    }

    /// Everyone on the staff list, by handle.
    public func allStaff() throws -> [Staff] {
        try read { try database.statement("SELECT \(Self.staffColumns) ORDER BY s.handle").map([], staff(from:)) }
    }

    /// The member of staff with `handle`; an unknown handle is bad input.
    public func staff(handle: String) throws -> Staff {
        try read { try requireStaff(handle) }
    }

    /// The member of staff with `handle`, read once per transaction (every change and every sweep step
    /// looks up the people it concerns); an unknown handle is bad input.
    func requireStaff(_ handle: String) throws -> Staff {
        let inTransaction = database.isInTransaction
        if inTransaction && staffInTransaction.serial == database.transactionSerial,
           let cached = staffInTransaction.byHandle[handle] {
            return cached
        }
        let found = try database.statement(Self.staffByHandle)
            .first([.text(handle)], staff(from:))
        guard let found else {
            throw DeskError(.badInput, "no staff member '\(handle)'; see `desk staff list`, or add them with `desk staff add`")
        }
        if inTransaction {
            if staffInTransaction.serial != database.transactionSerial {
                staffInTransaction = (database.transactionSerial, [:])
            }
            staffInTransaction.byHandle[handle] = found
        }
        return found
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
            if try database.scalarInt("SELECT id FROM staff WHERE handle = ?", [.text(new.handle)]) != nil {
                throw DeskError(.badInput, "'\(new.handle)' is already on the staff list; see `desk staff show \(new.handle)`")
            }
            let substituteID = try new.substitute.map { try requireStaff($0).id }
            let escalationID = try new.escalationContact.map { try requireStaff($0).id }
            try database.execute(
                "INSERT INTO staff (handle, display_name, role, mobile, substitute_id, escalation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [.text(new.handle), .text(name), .text(new.role.rawValue), .text(new.mobile?.e164),
                 .int(substituteID), .int(escalationID), .text(Timestamp.format(now))])
            staffInTransaction.byHandle.removeAll()
            let added = try requireStaff(new.handle)
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
                let id = try target.map { try requireStaff($0).id }
                if id == before.id {
                    throw DeskError(.badInput, "\(handle) cannot be their own \(column == "substitute_id" ? "substitute" : "escalation contact")")
                }
                sets.append("\(column) = ?"); values.append(.int(id))
            }
            guard !sets.isEmpty else { return before }
            try database.execute("UPDATE staff SET \(sets.joined(separator: ", ")) WHERE id = ?", values + [.int(before.id)])
            staffInTransaction.byHandle.removeAll()   // this row changed: read it again, here and after
            let after = try requireStaff(handle)
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
            try database.statement("SELECT \(Self.staffColumns) ORDER BY s.handle").map([], staff(from:)).map {
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
