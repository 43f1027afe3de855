import MessageDesk

/// What this run of desk has saved so far, so that a failure to print afterwards says so: an operator
/// who sees only an error would take the call again, and the desk would record a phantom repeat call.
///
/// desk runs its command on the main thread, and only that thread reaches these.
enum SavedChanges {
    /// The stores opened to make a change, with the change each makes.
    nonisolated(unsafe) private static var watched: [(store: DeskStore, change: Change)] = []
    /// Changes made outside a store (backups and restores), in order.
    nonisolated(unsafe) private static var made: [Change] = []

    /// Remembers a store opened to make `change`; the store counts its own committed transactions.
    static func watch(_ store: DeskStore, making change: Change) {
        watched.append((store, change))
    }

    /// Records a change that is complete (a backup in place, a restored database).
    static func record(_ change: Change) {
        made.append(change)
    }

    /// The first change this run saved, if any.
    static var first: Change? {
        made.first ?? watched.first { $0.store.committedChanges > 0 }?.change
    }

    /// Lets go of the stores before desk exits, so that their connections close as they would have
    /// without this list: the last connection to close checkpoints the WAL and removes `-wal` and `-shm`.
    static func closeStores() {
        watched.removeAll()
    }
}
