import CSQLite

extension SQLiteDatabase {
    /// Sets `PRAGMA journal_mode` and checks that SQLite answered the mode asked for: the pragma
    /// reports the mode it ended in rather than failing.
    package func setJournalMode(_ mode: String) throws {
        let answer = try scalarText("PRAGMA journal_mode = \(mode)")
        guard answer?.lowercased() == mode else {
            throw DatabaseError(extendedCode: SQLITE_ERROR, message: "journal_mode=\(mode) answered '\(answer ?? "nothing")'")
        }
    }
}
