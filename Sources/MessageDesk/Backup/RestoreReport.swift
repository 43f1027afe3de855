/// What `desk restore` did.
public struct RestoreReport: Sendable, Equatable {
    /// The live database that was replaced.
    public let database: String
    /// The backup it was replaced with.
    public let source: String
    /// The restored database's size in bytes (the checked copy of the backup).
    public let bytes: Int64
    /// From the first check of the backup to the restore being durable.
    public let duration: Duration
    /// The check of the backup, made before anything changed.
    public let check: DatabaseCheck
    /// Where the database as it was before the restore is kept; nil when there was none.
    public let keptAs: String?
    /// What the replaced database held that the backup lacks (only ever with `force`).
    public let undone: NewerWrites?
    /// Migrations applied to the backup's copy before it was restored, when it was older than this binary.
    public let migrated: [String]
    /// Partial files of killed runs that were removed beside the database first.
    public let removed: AbandonedFiles
    /// Older `.before-restore` copies removed by retention.
    public let removedCopies: [String]
}
