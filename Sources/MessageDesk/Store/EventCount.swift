import DeskStorage

/// How many events a desk database holds: the measure of how much it has recorded, since events are
/// append-only (backups compare it; a restore counts what it would undo).
enum EventCount {
    /// Every event in `database`.
    static func all(in database: Database) throws -> Int {
        try database.scalarInt("SELECT count(*) FROM events") ?? 0
    }

    /// The events after the one with id `id`.
    static func after(_ id: Int, in database: Database) throws -> Int {
        try database.scalarInt("SELECT count(*) FROM events WHERE id > ?", [.int(id)]) ?? 0
    }
}
