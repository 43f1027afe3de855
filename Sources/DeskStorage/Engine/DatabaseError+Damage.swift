extension DatabaseError {
    /// True when the file itself is damaged or is not a database.
    package var meansDamagedFile: Bool { cause.meansDamage }
}
