import DeskStorage
import Foundation

/// What a database path holds, found without changing a byte of it.
///
/// Opening a file read-write switches it to WAL and lets a migration run: done to an empty file or to
/// another program's database, that turns it into a desk. So before any command opens a file that
/// way, it looks first, read-only — and without creating a `-wal` or `-shm`: a file in WAL mode with
/// no `-wal` beside it (nobody has it open) is read with SQLite's `immutable=1`, since a read-only
/// connection would otherwise create both and leave them behind.
public enum DeskFile: Equatable, Sendable {
    /// Nothing at the path.
    case missing
    /// A file of no bytes, or an SQLite database without a single table.
    case empty
    /// An SQLite database with tables, but no desk migrations recorded: another program's.
    case otherDatabase
    /// A desk database, with how its schema compares with this binary's.
    case desk(SchemaStatus)

    /// Looks at the file at `path`. Throws for a directory (66), a file that is not an SQLite
    /// database or is damaged (65), and a file that may not be read (77).
    public static func inspect(_ path: String) throws -> DeskFile {
        try inspect(path, migrator: Migrator())
    }

    /// The same, with the migrations this binary is taken to know (tests give older or newer sets).
    package static func inspect(_ path: String, migrator: Migrator) throws -> DeskFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            if errno == EACCES, let refusal = SharedGroup.refusal(toOpen: path) { throw refusal }
            throw DeskError.system(errno, "cannot look at \(path)", hint: "check the path")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { try DeskStore.refuseDirectory(at: path) }
        if info.st_size == 0 { return .empty }
        let header = try readHeader(path)
        // "Every valid SQLite database file begins with the following 16 bytes: SQLite format 3\000".
        guard header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw DeskError(database: .notADatabase("file is not a database"), path: path)
        }
        do {
            let database = try openWithoutChanging(path, walHeader: header.count > 19 && (header[18] == 2 || header[19] == 2))
            guard try !database.tableNames().isEmpty else { return .empty }
            let schema = try SchemaStatus.of(database, migrator: migrator)
            return schema == .notADesk ? .otherDatabase : .desk(schema)
        } catch let error as DatabaseError where error.meansDamagedFile {
            throw DeskError(.badInput, "\(path) is damaged (\(error.message)); restore it from a backup")
        } catch {
            throw DeskError(error, path: path)
        }
    }

    /// A read-only connection that creates nothing beside the file: immutable when the file is in WAL
    /// mode with no `-wal` (so nobody is writing it), else an ordinary read-only one.
    static func openWithoutChanging(_ path: String, walHeader: Bool? = nil, busyTimeoutMilliseconds: Int32 = 5_000) throws -> Database {
        let wal = try walHeader ?? {
            let header = try readHeader(path)
            return header.count > 19 && (header[18] == 2 || header[19] == 2)
        }()
        // SQLite keeps the -wal beside the file a symlink leads to, not beside the link.
        let nobodyWriting = wal && FileIdentity(path: resolved(path) + "-wal") == nil
        return try DatabaseEngine.open(path, options: .init(
            busyTimeoutMilliseconds: busyTimeoutMilliseconds, create: false, readOnly: true, immutable: nobodyWriting))
    }

    /// `path` with every symlink followed, as SQLite opens it; `path` itself when that fails.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// The directory that holds the database at `path` (its backups and logs go beside it), as `dirname(1)` says.
    public static func directory(of path: String) -> String {
        PathParts(path).directory
    }

    /// The first 100 bytes (the database header), or fewer when the file is shorter.
    private static func readHeader(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES || code == EPERM {
                if let refusal = SharedGroup.refusal(toOpen: path) { throw refusal }
                throw DeskError(.permission, "no permission to open or write \(path) (\(String(cString: strerror(code)))); check the owner and mode of it and its directory")
            }
            throw DeskError.system(code, "cannot read \(path)", hint: "check the disk")
        }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        guard count >= 0 else { throw DeskError.system(errno, "cannot read \(path)", hint: "check the disk") }
        return Array(header.prefix(count))
    }

    // MARK: - Refusals

    /// The schema of the desk at `path`; for anything that is not a desk, the error people read:
    /// 66 for nothing or an empty file, 65 for another program's database.
    public func requireDesk(at path: String) throws -> SchemaStatus {
        switch self {
        case .missing:
            throw DeskError(.noDatabase,
                "no database at \(path); create it with `desk init` (or point --db or DESK_DB at an existing one)")
        case .empty:
            throw DeskError(.noDatabase,
                "\(path) is empty, not a MessageDesk database; create a desk there with `desk init`, or point --db or DESK_DB at your desk")
        case .otherDatabase:
            throw DeskError(.badInput,
                "\(path) is another program's SQLite database, not a MessageDesk database; check --db or DESK_DB (`desk init` creates a desk only in a new or empty file)")
        case .desk(let schema):
            return schema
        }
    }

    /// A desk this binary would have to migrate: only `desk init` does that (78).
    static func olderSchema(_ path: String, pending: [String]) -> DeskError {
        let list = pending.count == 1 ? "pending migration: \(pending[0])" : "pending migrations: \(pending.joined(separator: ", "))"
        return DeskError(.configuration,
            "\(path) has an older schema (\(list)); run `desk init` to upgrade it (a backup first is wise: `desk backup`)")
    }
}
