import DeskStorage

extension DeskStore {
    /// Leaves the whole database in its one main file (SQLite: back to a rollback journal, which checkpoints
    /// the WAL into the file and removes it), so that the file can be renamed or copied on its own.
    func makeSelfContained() throws {
        do { try database.makeSelfContained() } catch { throw DeskError(error, path: path) }
    }
}
