import DeskStorage
import Foundation

extension DeskStore {
    // MARK: - Channels

    /// Whose channels: a member of staff's own, or an account's group channel.
    public enum ChannelOwner: Sendable {
        case staff(String)
        case account(String)
    }

    /// Adds a channel (`staff.channel_added` or `account.channel_added`). An SMS channel with no number takes the
    /// person's mobile.
    @discardableResult
    public func addChannel(_ kind: Channel.Kind, _ arguments: [String], to owner: ChannelOwner, actor: String,
                           at now: Date) throws -> StoredChannel {
        try write {
            let place = try resolve(owner)
            let channel = try Channel(kind: kind, arguments: arguments, mobile: place.mobile, owner: place.name)
            try database.execute("""
                INSERT INTO channels (staff_id, account_id, kind, address, bot_id, added_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [.int(place.staffID), .int(place.accountID), .text(channel.kind.rawValue), .text(channel.address),
                      .text(channel.botID), .text(Timestamp.format(now))])
            let stored = StoredChannel(id: database.lastInsertedRowID, channel: channel)
            try appendEvent(place.added, place.subjectID, actor: actor, at: now, after: Self.json(stored))
            return stored
        }
    }

    /// Removes a channel: stamped removed, never deleted, so the notifications sent to it still say where they went.
    public func removeChannel(_ id: Int, of owner: ChannelOwner, actor: String, at now: Date) throws {
        try write {
            let place = try resolve(owner)
            guard let stored = try liveChannels(of: place).first(where: { $0.id == id }) else {
                throw DeskError(.badInput, "\(place.name) has no channel #\(id); see `desk \(place.command) channel list \(place.name)`")
            }
            try database.execute("UPDATE channels SET removed_at = ? WHERE id = ?", [.text(Timestamp.format(now)), .int(id)])
            try appendEvent(place.removed, place.subjectID, actor: actor, at: now, before: Self.json(stored))
        }
    }

    /// The channels in use, oldest first.
    public func channels(of owner: ChannelOwner) throws -> [StoredChannel] {
        try read { try liveChannels(of: try resolve(owner)) }
    }

    /// Where each notification to `recipient` goes, one per row of the outbox: each of their channels; when they
    /// are on leave or have none, the account's group channels; when there are none either, nil (the gateway goes
    /// by the recipient, as before channels).
    func routes(to recipient: Staff, accountID: Int, at now: Date) throws -> [Channel?] {
        let own = try liveChannels(staffID: recipient.id, accountID: nil)
        let onLeave = try presence(ofStaffID: recipient.id, at: now, createdAt: recipient.createdAt).status == .leave
        if !own.isEmpty && !onLeave { return own.map(\.channel) }
        let group = try groupChannels(ofAccount: accountID)
        if !group.isEmpty { return group }
        return own.isEmpty ? [nil] : own.map(\.channel)
    }

    /// An account's group channels.
    func groupChannels(ofAccount accountID: Int) throws -> [Channel] {
        try liveChannels(staffID: nil, accountID: accountID).map(\.channel)
    }

    /// What a channel owner stands for in the tables and the log.
    private struct ChannelPlace {
        let staffID: Int?
        let accountID: Int?
        let name: String
        let mobile: PhoneNumber?
        let subjectID: Int
        let command: String
        let added: EventKind
        let removed: EventKind
    }

    private func resolve(_ owner: ChannelOwner) throws -> ChannelPlace {
        switch owner {
        case .staff(let handle):
            let person = try requireStaff(handle)
            if let accountID = person.accountID { try refuseIfClosed(accountID) }
            return ChannelPlace(staffID: person.id, accountID: nil, name: handle, mobile: person.mobile, subjectID: person.id,
                                command: "staff", added: .staffChannelAdded, removed: .staffChannelRemoved)
        case .account(let code):
            let account = try requireAccount(code)
            try refuseIfClosed(account.id)
            return ChannelPlace(staffID: nil, accountID: account.id, name: code, mobile: nil, subjectID: account.id,
                                command: "account", added: .accountChannelAdded, removed: .accountChannelRemoved)
        }
    }

    private func liveChannels(of place: ChannelPlace) throws -> [StoredChannel] {
        try liveChannels(staffID: place.staffID, accountID: place.accountID)
    }

    private func liveChannels(staffID: Int?, accountID: Int?) throws -> [StoredChannel] {
        let (column, id) = staffID.map { ("staff_id", $0) } ?? ("account_id", accountID ?? 0)
        return try database.statement("SELECT id, kind, address, bot_id FROM channels WHERE \(column) = ? AND removed_at IS NULL ORDER BY id")
            .map([.int(id)]) { row in
                StoredChannel(id: try row.int(0), channel: Channel(stored: try StoredValue.read(row.string(1), in: "channels.kind"),
                                                                   address: try row.string(2), botID: row.optionalString(3)))
            }
    }

    /// The channel a notification row carries (`channel_kind`, `channel_address`, `channel_bot_id`); nil for `none`.
    static func notificationChannel(kind: String, address: String?, botID: String?) throws -> Channel? {
        guard kind != "none" else { return nil }
        guard let address else {
            throw DeskError(.badInput, "the database holds a \(kind) notification with no address; run `desk check`, or restore a backup")
        }
        return Channel(stored: try StoredValue.read(kind, in: "notifications.channel_kind"), address: address, botID: botID)
    }

    /// A channel as its events record it.
    static func json(_ stored: StoredChannel) -> JSONValue {
        var fields: [(String, JSONValue)] = [("channel_id", .int(stored.id)), ("kind", .string(stored.channel.kind.rawValue)),
                                             ("address", .string(stored.channel.address))]
        if let bot = stored.channel.botID { fields.append(("bot_id", .string(bot))) }
        return .object(fields)
    }
}
