import DeskStorage

/// Writes the live database holds that a backup lacks: what restoring that backup would undo.
///
/// Precisely: the live database has writes newer than the backup when its last event (highest id)
/// is not in the backup — its id is higher than the backup's last event id, or the backup's event
/// with that id differs in time, actor, kind or subject (the two histories went apart: a backup of
/// another desk, or new writes after an earlier restore). Every change appends an event in its own
/// transaction and events are append-only, so when the live database's last event is also in the
/// backup, the backup holds every write the live database has.
public struct NewerWrites: Sendable, Equatable {
    /// The live database's last event, which the backup lacks.
    public let liveLast: LastEvent
    /// The backup's last event, or nil when it has none.
    public let backupLast: LastEvent?
    /// Events in the live database after the backup's last one.
    public let eventsAfterBackup: Int
    /// True when the backup's event with the live's last id is a different event.
    public let diverged: Bool

    /// Compares `live` with `backup`; nil when the backup holds everything the live database has.
    static func find(live: Database, backup: Database) throws -> NewerWrites? {
        guard let liveLast = try LastEvent.read(from: live) else { return nil }
        let backupLast = try LastEvent.read(from: backup)
        let after = try EventCount.after(backupLast?.id ?? 0, in: live)
        if let backupLast, liveLast.id <= backupLast.id {
            let same = try LastEvent.read(id: liveLast.id, from: backup)
            guard same != liveLast else { return nil }
            return NewerWrites(liveLast: liveLast, backupLast: backupLast, eventsAfterBackup: after, diverged: true)
        }
        return NewerWrites(liveLast: liveLast, backupLast: backupLast, eventsAfterBackup: after, diverged: false)
    }

    /// What the person restoring is told, e.g. `its last event #57 (2026-11-20T01:30:00Z, callback.done)
    /// is not in the backup, whose last event is #42 (2026-11-20T01:20:00Z)`.
    public var explanation: String {
        let live = "its last event #\(liveLast.id) (\(liveLast.at), \(liveLast.kind))"
        let backup = backupLast.map { "#\($0.id) (\($0.at))" } ?? "none"
        if diverged {
            return "\(live) differs from the backup's event #\(liveLast.id): the histories went apart"
        }
        let count = eventsAfterBackup == 1 ? "1 event" : "\(eventsAfterBackup) events"
        return "\(live) is not in the backup, whose last event is \(backup) (\(count) after it)"
    }
}
