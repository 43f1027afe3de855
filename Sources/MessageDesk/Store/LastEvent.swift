import DeskStorage

/// The last event a desk database holds, which marks its last write: every change appends its event
/// in the same transaction, events are never changed or deleted, and their ids only grow.
public struct LastEvent: Sendable, Equatable {
    /// The event's id: the highest in the database.
    public let id: Int
    /// When it happened, in the stored UTC form (`2026-11-20T01:15:00Z`).
    public let at: String
    /// Who did it.
    public let actor: String
    /// What happened (`callback.opened`, …).
    public let kind: String
    /// What it happened to (`callback`, …).
    public let subject: String
    /// The id of the row it happened to.
    public let subjectID: Int

    /// An event as read from the `events` table.
    public init(id: Int, at: String, actor: String, kind: String, subject: String, subjectID: Int) {
        self.id = id
        self.at = at
        self.actor = actor
        self.kind = kind
        self.subject = subject
        self.subjectID = subjectID
    }

    /// The event with the highest id in `database`, or nil when it has none (or no event table at
    /// all: an empty file, or not a desk — nothing a restore could undo).
    static func read(from database: Database) throws -> LastEvent? {
        try database.read {
            guard try database.tableExists("events") else { return nil }
            return try database.statement(
                "SELECT id, at, actor, kind, subject, subject_id FROM events ORDER BY id DESC LIMIT 1"
            ).first { try event(from: $0) }
        }
    }

    /// The event with id `id` in `database`, or nil when it has none.
    static func read(id: Int, from database: Database) throws -> LastEvent? {
        try database.read {
            try database.statement(
                "SELECT id, at, actor, kind, subject, subject_id FROM events WHERE id = ?"
            ).first([.int(id)]) { try event(from: $0) }
        }
    }

    private static func event(from row: Row) throws -> LastEvent {
        LastEvent(id: try row.int(0), at: try row.string(1), actor: try row.string(2), kind: try row.string(3),
                  subject: try row.string(4), subjectID: try row.int(5))
    }
}
