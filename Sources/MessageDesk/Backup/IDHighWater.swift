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
    /// Raises `restored`'s `sqlite_sequence` so that each of its AUTOINCREMENT tables hands out ids
    /// above the highest `live` ever did: its `sqlite_sequence` entry, or its highest row when
    /// higher (a live database from before 0006 has no sequence). Run inside the restore's lock.
    static func raise(_ restored: Database, above live: Database) throws {
        let tables = try restored.statement(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name"
        ).map { try $0.string(0) }
        var liveSequence: [String: Int] = [:]
        if try exists("sqlite_sequence", in: live) {
            try live.statement("SELECT name, seq FROM sqlite_sequence").forEach { liveSequence[try $0.string(0)] = try $0.int(1) }
        }
        try restored.write {
            for table in tables where try exists(table, in: live) {
                let highest = max(liveSequence[table] ?? 0, try live.scalarInt("SELECT max(rowid) FROM \"\(table)\"") ?? 0)
                try restored.execute(
                    "INSERT INTO sqlite_sequence (name, seq) SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
                    [.text(table), .text(table)])
                try restored.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", [.int(highest), .text(table)])
            }
        }
    }

    private static func exists(_ table: String, in database: Database) throws -> Bool {
        try database.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", [.text(table)]) ?? 0 > 0
    }
}
