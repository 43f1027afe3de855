import DeskStorage

/// Ids stay unique across a restore: every table's next id goes above the highest id the live
/// database ever handed out, not only above the highest the backup holds.
///
/// Why AUTOINCREMENT (migration 0006) and not an id-floor table of our own: with a plain `INTEGER
/// PRIMARY KEY`, SQLite gives a new row "one more than the largest ROWID currently in use", so a
/// floor would need every insert of the store to compute its own id (an extra query per insert,
/// in every INSERT statement, kept right by hand). AUTOINCREMENT keeps the floor where SQLite
/// already looks — `sqlite_sequence`, "the largest ROWID ever" per table — for every insert,
/// whoever writes it; a restore only has to raise it. Its cost, one `sqlite_sequence` look-up and
/// update per insert statement, is measured in BENCHMARKS.md.
enum IDHighWater {
    /// Raises `restored`'s id sequences so that each of its tables hands out ids above the highest `live`
    /// ever did: its sequence, or its highest row when higher (a live database from before 0006 has no
    /// sequence). Run inside the restore's lock.
    static func raise(_ restored: Database, above live: Database) throws {
        try restored.raiseIDs(to: live.idHighWater())
    }
}
