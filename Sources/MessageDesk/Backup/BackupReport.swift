/// What `desk backup` did: where the copy went, how big it is, how long it took, what its check found.
public struct BackupReport: Sendable, Equatable {
    /// The live database that was copied.
    public let source: String
    /// The finished backup.
    public let destination: String
    /// The backup's size in bytes.
    public let bytes: Int64
    /// From opening the live database to the backup's name being durable.
    public let duration: Duration
    /// The check of the copy, run before it was put in place.
    public let check: DatabaseCheck
    /// Partial files of killed runs that were removed beside the destination first.
    public let removed: AbandonedFiles
}
