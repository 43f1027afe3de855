import CSQLite

/// The WAL checkpoint of a connection whose writers queue, run after the writer queue is let go.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that takes the WAL past 1,000 pages ("the
/// checkpoint is run by the connection that does the COMMIT", wal.html): with the writer queue held until
/// `COMMIT` returns, every writer would wait for it too. So such a connection replaces the automatic
/// checkpoint's WAL hook with one that only notes the WAL's size (as `sqlite3_wal_autocheckpoint` does, "a
/// wrapper around sqlite3_wal_hook"), and runs the same PASSIVE checkpoint once its turn in the queue is over,
/// while the next writer already writes.
final class WALSize {
    /// Pages in the WAL after the last commit on this connection.
    var pages: Int32 = 0
    /// SQLite's default automatic-checkpoint threshold.
    static let checkpointPages: Int32 = 1_000
}

extension SQLiteDatabase {
    /// Replaces the automatic checkpoint with the noting hook.
    func deferCheckpoints() {
        sqlite3_wal_hook(handle, { context, _, _, pages in
            if let context { Unmanaged<WALSize>.fromOpaque(context).takeUnretainedValue().pages = pages }
            return SQLITE_OK
        }, Unmanaged.passUnretained(walSize).toOpaque())
    }

    /// The checkpoint the last commit would have run, now that the queue is let go.
    func checkpointIfDue() {
        guard walSize.pages >= WALSize.checkpointPages else { return }
        walSize.pages = 0
        // Its result is not needed: a PASSIVE checkpoint copies what no reader still needs and never fails a
        // write; what it could not copy (a reader, another checkpoint) is copied by a later one.
        _ = sqlite3_wal_checkpoint_v2(handle, "main", SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
}
