import DeskStorage
import Foundation

/// What a program that loads a large history in one go (`desk-bench seed`) needs from the store beyond its
/// ordinary writes: the connection itself stays inside the store, so no row changes without its event.
extension DeskStore {
    /// Raises this connection's page cache to `kibibytes` (the desk's own is 64 MiB): building a file of
    /// millions of rows reads fewer pages back with more of them in memory.
    package func usePageCache(kibibytes: Int) throws {
        do { try database.setPageCache(kibibytes: kibibytes) } catch { throw DeskError(error, path: path) }
    }

    /// Copies the whole WAL into the database file and empties it (`wal_checkpoint(TRUNCATE)`), so the file's
    /// size is the database's.
    package func checkpointAll() throws {
        // Outside any transaction: a checkpoint cannot copy past a read transaction, this connection's included.
        do { try database.checkpoint() } catch { throw DeskError(error, path: path) }
    }

    /// How many callbacks the desk holds, and how many of them are still owed (open or acknowledged).
    package func callbackCounts() throws -> (all: Int, live: Int) {
        try read {
            let all = try database.scalarInt("SELECT count(*) FROM callbacks") ?? 0
            let live = try database.scalarInt("SELECT count(*) FROM callbacks WHERE state IN ('open', 'acknowledged')") ?? 0
            return (all, live)
        }
    }
}
