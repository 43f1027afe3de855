/// Temporary files that killed backups or restores left, removed by the next run.
public struct AbandonedFiles: Sendable, Equatable {
    /// Where they were.
    public let directory: String
    /// Their names, sorted.
    public let names: [String]
    /// Their total size in bytes.
    public let bytes: Int64

    /// Nothing was removed.
    public static func none(in directory: String) -> AbandonedFiles {
        AbandonedFiles(directory: directory, names: [], bytes: 0)
    }
}
