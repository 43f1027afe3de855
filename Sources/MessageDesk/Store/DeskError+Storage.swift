import DeskStorage
import Foundation

extension DeskError {
    /// Translates any error the library raises into the one-line message a person reads.
    public init(_ error: any Error, path: String) {
        switch error {
        case let error as DeskError:
            self = error
        case let error as InputError:
            self.init(.badInput, error.message)
        case let error as Migrator.Failure:
            switch error {
            case .newerDatabase(let unknown):
                self.init(.configuration,
                    "\(path) was written by a newer MessageDesk (unknown migrations: \(unknown.joined(separator: ", "))); upgrade desk, or use a backup made by this version")
            case .foreignKeyViolation(let id):
                self.init(.configuration,
                    "migration \(id) left broken references and was rolled back; the database is unchanged — report this with `desk --version`")
            }
        case let error as DatabaseError:
            self.init(database: error, path: path)
        default:
            self.init(.io, "\(error)")
        }
    }

    /// Maps the storage layer's causes to the desk's kinds, with a hint for each.
    init(database error: DatabaseError, path: String) {
        self.init(database: error, path: path, readOnlyFileSystem: FileSystem.isReadOnly(at: path))
    }

    /// The mapping, told whether the file system holding `path` is mounted read-only: SQLite reports
    /// that as it reports a missing directory (`CANTOPEN`) or a file it may not write (`READONLY`).
    init(database error: DatabaseError, path: String, readOnlyFileSystem: Bool) {
        if error.systemErrno == EROFS || (error.cause.refusesAccess && readOnlyFileSystem) {
            self.init(.io, "\(path) is on a read-only file system; nothing can be saved there — remount it read-write, or copy the database to a writable place")
            return
        }
        switch error.cause {
        case .busy:
            self.init(.busy, "\(path) is busy: another desk held it past the busy timeout; try again (or raise DESK_BUSY_TIMEOUT)")
        case .notADatabase:
            self.init(.badInput, "\(path) is not a MessageDesk database (\(error.message)); check --db or $DESK_DB")
        case .corrupt:
            self.init(.badInput, "\(path) is damaged (\(error.message)); restore it from a backup")
        case .cannotOpen:
            self.init(.cannotCreate, "cannot open \(path) (\(error.message)); check that its directory exists and is writable")
        case .permission, .readOnly:
            self.init(.permission, "no permission to open or write \(path) (\(error.message)); check the owner and mode of it and its directory")
        case .full:
            self.init(.io, "the disk holding \(path) is full; nothing was saved — free space and try again")
        case .io:
            self.init(.io, "I/O error on \(path) (\(error.message)); nothing was saved — check the disk")
        case .constraint:
            self.init(.badInput, "the database refused the change (\(error.message)); nothing was saved")
        case .other:
            self.init(.io, "\(error)")
        }
    }
}
