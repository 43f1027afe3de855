/// How a connection is opened.
package struct ConnectionOptions: Sendable {
    /// How long a writer waits for another writer before giving up with `.busy`.
    package var busyTimeoutMilliseconds: Int32 = 5_000
    /// Create the database (a file: and its directory, owner-only) when missing.
    package var create: Bool = true
    /// Open without writing.
    package var readOnly: Bool = false
    /// With `readOnly`: read a database that nobody is writing without taking locks and without creating
    /// anything beside it (SQLite's `immutable=1`: "SQLite assumes that the database file cannot be changed,
    /// even by a process with higher privilege").
    package var immutable: Bool = false
    /// Leave the database's journal mode as it is (SQLite: not switched to WAL): for a check that must not
    /// change the file it checks.
    package var keepsJournalMode: Bool = false
    /// Queue writers fairly before they take the write lock (SQLite: `WriterQueue`); off only to measure the
    /// baseline of the engine's own busy handling.
    package var queueWriters: Bool = true

    package init(busyTimeoutMilliseconds: Int32 = 5_000, create: Bool = true, readOnly: Bool = false,
                 immutable: Bool = false, keepsJournalMode: Bool = false, queueWriters: Bool = true) {
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.create = create
        self.readOnly = readOnly
        self.immutable = immutable
        self.keepsJournalMode = keepsJournalMode
        self.queueWriters = queueWriters
    }
}
