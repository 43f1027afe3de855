import CSQLite

extension DatabaseError {
    /// True for the codes that mean the file itself is damaged or is not a database:
    /// `SQLITE_CORRUPT` and `SQLITE_NOTADB` (and their extended forms).
    package var meansDamagedFile: Bool {
        SQLITE_CORRUPT ~= self || SQLITE_NOTADB ~= self
    }
}
