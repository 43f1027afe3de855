import CSQLite
import Foundation

/// A failure the desk reports to a person: one line saying what was wrong and how to fix it,
/// and a kind that the command line maps to a `sysexits` exit code.
public struct DeskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure, in the `sysexits` sense.
    public enum Kind: Sendable, Equatable {
        /// Bad input: an unknown handle or id, an impossible time, a phone that is not a number (65).
        case badInput
        /// The database does not exist (66).
        case noDatabase
        /// A file or directory cannot be created (73).
        case cannotCreate
        /// Reading or writing failed: disk full, I/O error (74).
        case io
        /// Another writer held the database past the busy timeout (75, try again).
        case busy
        /// The operating system refused access (77).
        case permission
        /// The schema or configuration is wrong: a newer database, a bad setting (78).
        case configuration
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The conventional exit code of this kind (`sysexits.h`).
    public var exitCode: Int32 {
        switch kind {
        case .badInput: 65
        case .noDatabase: 66
        case .cannotCreate: 73
        case .io: 74
        case .busy: 75
        case .permission: 77
        case .configuration: 78
        }
    }
}

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

    /// Maps SQLite's result codes to the desk's kinds, with a hint for each.
    init(database error: DatabaseError, path: String) {
        self.init(database: error, path: path, readOnlyFileSystem: FileSystem.isReadOnly(at: path))
    }

    /// The mapping, told whether the file system holding `path` is mounted read-only: SQLite reports
    /// that as it reports a missing directory (`CANTOPEN`) or a file it may not write (`READONLY`).
    init(database error: DatabaseError, path: String, readOnlyFileSystem: Bool) {
        let cannotWrite = [SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM].contains(error.code)
        if error.systemErrno == EROFS || (cannotWrite && readOnlyFileSystem) {
            self.init(.io, "\(path) is on a read-only file system; nothing can be saved there — remount it read-write, or copy the database to a writable place")
            return
        }
        switch error.code {
        case SQLITE_BUSY, SQLITE_LOCKED:
            self.init(.busy, "\(path) is busy: another desk held it past the busy timeout; try again (or raise DESK_BUSY_TIMEOUT)")
        case SQLITE_NOTADB:
            self.init(.badInput, "\(path) is not a MessageDesk database (\(error.message)); check --db or $DESK_DB")
        case SQLITE_CORRUPT:
            self.init(.badInput, "\(path) is damaged (\(error.message)); restore it from a backup")
        case SQLITE_CANTOPEN:
            self.init(.cannotCreate, "cannot open \(path) (\(error.message)); check that its directory exists and is writable")
        case SQLITE_PERM, SQLITE_READONLY, SQLITE_AUTH:
            self.init(.permission, "no permission to open or write \(path) (\(error.message)); check the owner and mode of it and its directory")
        case SQLITE_FULL:
            self.init(.io, "the disk holding \(path) is full; nothing was saved — free space and try again")
        case SQLITE_IOERR:
            self.init(.io, "I/O error on \(path) (\(error.message)); nothing was saved — check the disk")
        case SQLITE_CONSTRAINT:
            self.init(.badInput, "the database refused the change (\(error.message)); nothing was saved")
        default:
            self.init(.io, "\(error)")
        }
    }
}
