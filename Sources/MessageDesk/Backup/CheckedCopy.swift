import DeskStorage
import Foundation

/// A checked, durable copy of a database in an owner-only temporary file beside where it will go:
/// the one path every copy takes — `desk backup`, the `.before-restore` copy `desk restore` keeps,
/// and the backup being restored.
///
/// Copy with the online backup API, check the copy, `fsync` it; only then may it be `place`d with
/// an atomic rename. Until then the destination is untouched, and a failure removes the file. The
/// temporary file is locked while this copy exists (`PartialFile`), so that the next run can tell
/// a copy in progress from one a killed run left.
final class CheckedCopy {
    /// The temporary file holding the copy (`.NAME.partial-` and a unique suffix, mode 0600).
    var temporaryPath: String { partial.path }
    /// Its size in bytes.
    let bytes: Int64
    /// What the check of the copy found.
    let check: DatabaseCheck
    private let partial: PartialFile

    private init(partial: PartialFile, bytes: Int64, check: DatabaseCheck) {
        self.partial = partial
        self.bytes = bytes
        self.check = check
    }

    /// Copies `source` into a new temporary file beside `destination`, runs the checks on the copy,
    /// lets `validate` refuse it (it gets the check and a connection to the copy), and flushes it to the disk.
    static func make(of source: Database, beside destination: String, migrator: Migrator,
                     validate: (DatabaseCheck, Database) throws -> Void) throws -> CheckedCopy {
        let partial = try DurableFile.makeTemporary(beside: destination)
        let temporary = partial.path
        do {
            let check = try copy(source, into: temporary, migrator: migrator, validate: validate)
            try DurableFile.sync(temporary)
            return CheckedCopy(partial: partial, bytes: FileIdentity(path: temporary)?.size ?? 0, check: check)
        } catch let error as DatabaseError {
            partial.discard()
            throw DeskError(error, path: destination)
        } catch {
            partial.discard()
            throw error
        }
    }

    /// The copy, its check and its validation, on a connection that is closed when this returns.
    private static func copy(_ source: Database, into temporary: String, migrator: Migrator,
                             validate: (DatabaseCheck, Database) throws -> Void) throws -> DatabaseCheck {
        let copy = try DatabaseEngine.open(temporary, options: .init(busyTimeoutMilliseconds: 0, create: true))
        // A backup is one self-contained file, in rollback-journal mode: it can be opened read-only,
        // copied or mailed on its own, with no -wal beside it to forget.
        try copy.makeSelfContained()
        try source.backup(to: copy)
        // The copied first page carries the source's WAL flag; this checkpoints the copy's WAL into the
        // file, removes it, and clears the flag.
        try copy.makeSelfContained()
        let check = try DatabaseCheck.run(on: copy, migrator: migrator)
        try validate(check, copy)
        return check
    }

    /// Renames the copy to `destination`, replacing any file there atomically, and flushes the directory.
    func place(at destination: String) throws {
        do {
            try DurableFile.moveIntoPlace(temporaryPath, at: destination)
        } catch {
            discard()
            throw error
        }
        partial.release()
    }

    /// Removes the temporary file (after it was used as the source of a restore).
    func discard() {
        partial.discard()
    }
}
