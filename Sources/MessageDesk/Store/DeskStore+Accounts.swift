import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Reading accounts

    static let accountColumns = "id, code, name, greeting, reading, aliases, notes, created_at, closed_at, time_zone FROM accounts"

    static func account(from row: Row, in database: Database) throws -> Account {
        let id = try row.int(0)
        let lines = try database.statement(
            "SELECT phone FROM account_lines WHERE account_id = ? AND removed_at IS NULL ORDER BY id"
        ).map([.int(id)]) { try $0.string(0) }.compactMap(PhoneNumber.init(e164:))
        var aliases: [String] = []
        if case .array(let values) = try JSONValue.parse(try row.string(5)) {
            aliases = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
        return Account(
            id: id, code: try row.string(1), name: try row.string(2), greeting: row.optionalString(3),
            reading: row.optionalString(4), aliases: aliases, notes: row.optionalString(6), lines: lines,
            createdAt: try date(row.string(7)), closedAt: try optionalDate(row.optionalString(8)),
            timeZone: try row.optionalString(9).map { name in
                guard let zone = TimeZone(identifier: name) else {
                    throw DeskError(.badInput, "accounts.time_zone holds '\(name)', which is not a time zone this system knows")
                }
                return zone
            })
    }

    /// The one open account, when the desk has exactly one: the account commands use without `--account`.
    /// Nil too on a schema before 0009, which only tests open (to build older desks); before 0013, no account has
    /// a time zone of its own.
    static func onlyOpenAccount(in database: Database) throws -> Account? {
        // One look at the table: none before 0009; before 0013 an account has no time zone of its own.
        let known = try database.scalarInt("SELECT count(*) FROM pragma_table_info('accounts') WHERE name IN ('id', 'time_zone')")
        guard known != 0 else { return nil }
        let columns = known == 2 ? accountColumns : accountColumns.replacingOccurrences(of: "time_zone FROM", with: "NULL FROM")
        let open = try database.statement("SELECT \(columns) WHERE closed_at IS NULL ORDER BY code LIMIT 2")
            .map([]) { try account(from: $0, in: database) }
        return open.count == 1 ? open[0] : nil
    }

    /// Every account, open and closed, by code.
    public func accounts() throws -> [Account] {
        try read { try database.statement("SELECT \(Self.accountColumns) ORDER BY code").map([]) { try Self.account(from: $0, in: database) } }
    }

    /// The account with `code`; an unknown code is bad input that lists the accounts.
    public func account(code: String) throws -> Account {
        try read { try requireAccount(code) }
    }

    func requireAccount(_ code: String) throws -> Account {
        let found = try database.statement("SELECT \(Self.accountColumns) WHERE code = ?")
            .first([.text(code)]) { try Self.account(from: $0, in: database) }
        guard let found else {
            let codes = try database.statement("SELECT code FROM accounts ORDER BY code").map([]) { try $0.string(0) }
            throw DeskError(.badInput, "no account '\(code)'; the accounts are: \(codes.joined(separator: ", ")) (see `desk account list`)")
        }
        return found
    }

    /// Makes `code` the account that commands read and write (a closed one may still be read).
    public func selectAccount(_ code: String) throws {
        account = try account(code: code)
        staffInTransaction.byHandle.removeAll()
        try reloadPolicy()
    }

    /// The account commands read and write; with several open accounts and none chosen, bad input that lists them.
    public func chosenAccount() throws -> Account {
        try read { try requireScope() }
    }

    /// The chosen account; with several open accounts and none chosen, bad input that lists them.
    func requireScope() throws -> Account {
        if let account { return account }
        let codes = try database.statement("SELECT code FROM accounts WHERE closed_at IS NULL ORDER BY code").map([]) { try $0.string(0) }
        throw DeskError(.badInput,
            "this desk answers for several accounts (\(codes.joined(separator: ", "))); choose one with --account CODE or $DESK_ACCOUNT")
    }

    /// The chosen account, which must be open: a closed account's history is read-only.
    func requireWritableScope() throws -> Account {
        let scope = try requireScope()
        try refuseIfClosed(scope.id)
        return scope
    }

    /// Refuses a change to the data of account `id` once it is closed (read again inside the write).
    func refuseIfClosed(_ id: Int) throws {
        let closed = try database.statement("SELECT code, closed_at FROM accounts WHERE id = ?")
            .first([.int(id)]) { (code: try $0.string(0), closedAt: $0.optionalString(1)) }
        if let closed, let at = closed.closedAt {
            throw DeskError(.badInput,
                "account \(closed.code) was closed at \(policy.calendar.dayString(try Self.date(at))); its history is read-only")
        }
    }

    // MARK: - Changing accounts

    /// Adds a client company with its lines: an `account.added` event and one `account.line_added` per line.
    @discardableResult
    public func addAccount(_ new: NewAccount, actor: String, at now: Date) throws -> Account {
        do { try Account.validate(code: new.code) } catch { throw DeskError(.badInput, error.message) }
        let name = try Self.required(new.name, "--name", example: "--name 株式会社アクメ")
        let greeting = try Self.required(new.greeting, "--greeting", example: "--greeting 'はい、アクメでございます'")
        let reading = try Self.optional(new.reading)
        let aliases = try Self.aliases(new.aliases)
        try TextLimit.accountNotes.check(new.notes)
        let notes = new.notes.flatMap { $0.trimmed.isEmpty ? nil : $0 }
        let zone = try new.timeZone.map(Self.zoneName)
        return try write {
            if try database.scalarInt("SELECT id FROM accounts WHERE code = ?", [.text(new.code)]) != nil {
                throw DeskError(.badInput, "account '\(new.code)' exists already; see `desk account show \(new.code)`")
            }
            try database.execute(
                "INSERT INTO accounts (code, name, greeting, reading, aliases, notes, created_at, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(new.code), .text(name), .text(greeting), .text(reading), .text(JSONValue.array(aliases.map(JSONValue.string)).rendered()),
                 .text(notes), .text(Timestamp.format(now)), .text(zone)])
            let id = database.lastInsertedRowID
            let added = try requireAccount(new.code)
            try appendEvent(.accountAdded, id, actor: actor, at: now, after: Self.json(added))
            for line in new.lines { try insertLine(line, into: added, actor: actor, at: now) }
            return try requireAccount(new.code)
        }
    }

    /// Changes an open account's details; only the given fields change. Records `account.changed`.
    @discardableResult
    public func updateAccount(_ code: String, _ change: AccountChange, actor: String, at now: Date) throws -> Account {
        var sets: [String] = []
        var values: [SQLValue] = []
        if let name = change.name { sets.append("name = ?"); values.append(.text(try Self.required(name, "--name", example: "--name 株式会社アクメ"))) }
        if let greeting = change.greeting {
            sets.append("greeting = ?"); values.append(.text(try Self.required(greeting, "--greeting", example: "--greeting 'はい、アクメでございます'")))
        }
        if let reading = change.reading { sets.append("reading = ?"); values.append(.text(try Self.optional(reading))) }
        if let aliases = change.aliases {
            sets.append("aliases = ?"); values.append(.text(JSONValue.array(try Self.aliases(aliases).map(JSONValue.string)).rendered()))
        }
        if let notes = change.notes {
            try TextLimit.accountNotes.check(notes)
            sets.append("notes = ?"); values.append(.text(notes.flatMap { $0.trimmed.isEmpty ? nil : $0 }))
        }
        if let zone = change.timeZone { sets.append("time_zone = ?"); values.append(.text(try zone.map(Self.zoneName))) }
        return try write {
            let before = try requireAccount(code)
            try refuseIfClosed(before.id)
            guard !sets.isEmpty else { return before }
            try database.execute("UPDATE accounts SET \(sets.joined(separator: ", ")) WHERE id = ?", values + [.int(before.id)])
            let after = try requireAccount(code)
            if after != before {
                try appendEvent(.accountChanged, before.id, actor: actor, at: now, before: Self.json(before), after: Self.json(after))
            }
            if account?.id == after.id { account = after }
            return after
        }
    }

    /// Adds a line (a dialled number) to an open account; a number another account owns is refused, naming it.
    @discardableResult
    public func addLine(_ phone: PhoneNumber, to code: String, actor: String, at now: Date) throws -> Account {
        try write {
            let target = try requireAccount(code)
            try refuseIfClosed(target.id)
            try insertLine(phone, into: target, actor: actor, at: now)
            return try requireAccount(code)
        }
    }

    /// Removes a line from an account: the row is stamped removed, never deleted. `account.line_removed`.
    @discardableResult
    public func removeLine(_ phone: PhoneNumber, from code: String, actor: String, at now: Date) throws -> Account {
        try write {
            let target = try requireAccount(code)
            try refuseIfClosed(target.id)
            try database.execute(
                "UPDATE account_lines SET removed_at = ? WHERE account_id = ? AND phone = ? AND removed_at IS NULL",
                [.text(Timestamp.format(now)), .int(target.id), .text(phone.e164)])
            guard database.changes == 1 else {
                throw DeskError(.badInput, "\(phone.national) is not a line of \(code); see `desk account show \(code)`")
            }
            try appendEvent(.accountLineRemoved, target.id, actor: actor, at: now,
                            before: .object([("line", .string(phone.e164))]))
            return try requireAccount(code)
        }
    }

    /// Closes an account whose callbacks are all closed: it keeps its history, read-only, and gives up its lines;
    /// nothing is deleted.
    @discardableResult
    public func closeAccount(_ code: String, actor: String, at now: Date) throws -> Account {
        try write {
            let target = try requireAccount(code)
            try refuseIfClosed(target.id)
            let live = try database.scalarInt("""
                SELECT count(*) FROM callbacks cb JOIN callers c ON c.id = cb.caller_id
                WHERE c.account_id = ? AND cb.state IN ('open', 'acknowledged')
                """, [.int(target.id)]) ?? 0
            guard live == 0 else {
                throw DeskError(.badInput,
                    "\(code) still has \(live) open callback\(live == 1 ? "" : "s"); close or cancel them first (desk callbacks --account \(code))")
            }
            let at = Timestamp.format(max(now, target.createdAt))
            // Its lines are given up, so that another account may take the numbers (each removal its event).
            for line in target.lines {
                try database.execute("UPDATE account_lines SET removed_at = ? WHERE account_id = ? AND phone = ? AND removed_at IS NULL",
                                     [.text(at), .int(target.id), .text(line.e164)])
                try appendEvent(.accountLineRemoved, target.id, actor: actor, at: now, before: .object([("line", .string(line.e164))]),
                                reason: "the account was closed")
            }
            try database.execute("UPDATE accounts SET closed_at = ? WHERE id = ?", [.text(at), .int(target.id)])
            try appendEvent(.accountClosed, target.id, actor: actor, at: now,
                            before: .object([("closed_at", .null)]), after: .object([("closed_at", .string(at))]))
            let closed = try requireAccount(code)
            if account?.id == closed.id { account = closed }
            return closed
        }
    }

    /// Gives a new desk's one account the code `desk init --account CODE` names. Only a desk whose one account
    /// is the migrated `default`, with no staff of it and no callers yet, is renamed; a desk whose account has
    /// that code already is left as it is.
    public func claimFirstAccount(_ code: String, actor: String, at now: Date) throws -> Account {
        do { try Account.validate(code: code) } catch { throw DeskError(.badInput, error.message) }
        return try write {
            let all = try database.statement("SELECT \(Self.accountColumns) ORDER BY id").map([]) { try Self.account(from: $0, in: database) }
            if let same = all.first(where: { $0.code == code }) { return same }
            let unused = try database.scalarInt(
                "SELECT (SELECT count(*) FROM staff WHERE account_id IS NOT NULL) + (SELECT count(*) FROM callers)") == 0
            guard all.count == 1, let first = all.first, first.code == Account.defaultCode, unused else {
                throw DeskError(.badInput,
                    "--account \(code): this desk has its accounts already (\(all.map(\.code).joined(separator: ", "))); add one with `desk account add \(code)`")
            }
            try database.execute("UPDATE accounts SET code = ?, name = ? WHERE id = ?", [.text(code), .text(code), .int(first.id)])
            let renamed = try requireAccount(code)
            try appendEvent(.accountChanged, first.id, actor: actor, at: now, before: Self.json(first), after: Self.json(renamed))
            account = renamed
            return renamed
        }
    }

    private func insertLine(_ phone: PhoneNumber, into target: Account, actor: String, at now: Date) throws {
        let owner = try database.statement("""
            SELECT a.code FROM account_lines l JOIN accounts a ON a.id = l.account_id WHERE l.phone = ? AND l.removed_at IS NULL
            """).first([.text(phone.e164)]) { try $0.string(0) }
        if let owner {
            throw DeskError(.badInput, owner == target.code
                ? "\(phone.national) is a line of \(owner) already"
                : "\(phone.national) is a line of account \(owner); remove it there first (desk account line remove \(owner) \(phone.national))")
        }
        try database.execute("INSERT INTO account_lines (account_id, phone, added_at) VALUES (?, ?, ?)",
                             [.int(target.id), .text(phone.e164), .text(Timestamp.format(now))])
        try appendEvent(.accountLineAdded, target.id, actor: actor, at: now, after: .object([("line", .string(phone.e164))]))
    }

    // MARK: - Forms

    private static func required(_ text: String, _ option: String, example: String) throws -> String {
        let value = text.trimmed
        guard !value.isEmpty else { throw DeskError(.badInput, "\(option) is empty: give it, e.g. \(example)") }
        try TextLimit.accountName.check(value)
        return value
    }

    private static func optional(_ text: String?) throws -> String? {
        guard let value = text?.trimmed, !value.isEmpty else { return nil }
        try TextLimit.accountName.check(value)
        return value
    }

    private static func aliases(_ given: [String]) throws -> [String] {
        var seen: [String] = []
        for alias in given {
            let value = alias.trimmed
            guard !value.isEmpty else { throw DeskError(.badInput, "--alias is empty: give a name callers use, e.g. --alias アクメ") }
            try TextLimit.accountName.check(value)
            if !seen.contains(value) { seen.append(value) }
        }
        return seen
    }

    /// An account's details as its events record them.
    /// An account's zone as given (`--time-zone`), checked, in the form stored.
    private static func zoneName(_ name: String) throws -> String {
        do { return try Account.timeZone(named: name).identifier } catch { throw DeskError(.badInput, error.message) }
    }

    static func json(_ account: Account) -> JSONValue {
        .object(account.details)
    }
}
