import CSQLite
import Foundation

/// One connection to a SQLite database file, set up for a desk shared by several processes: the first
/// implementation of `DatabaseConnection`.
///
/// Not `Sendable`: a connection has one owner, and the compiler enforces it.
package final class SQLiteDatabase: DatabaseConnection {
    let handle: OpaquePointer
    /// The file this connection opened.
    package let path: String
    private var statements: [String: SQLiteStatement] = [:]
    /// Set when a write nested in a transaction failed: that transaction must roll back, not commit.
    private var nestedWriteFailed = false
    /// Where writers wait their turn before `BEGIN IMMEDIATE`; nil for a reader, `:memory:`, or when turned off.
    private var writerQueue: WriterQueue?
    /// The WAL's size after this connection's last commit, noted for `checkpointIfDue` (queued writers only).
    let walSize = WALSize()
    /// The busy timeout the connection was opened with: the writer queue's wait and SQLite's share it.
    private let busyTimeoutMilliseconds: Int32

    /// How a connection is opened (the engine-neutral options).
    package typealias Options = ConnectionOptions

    /// SQLite's SQL where engines differ.
    package var dialect: any SQLDialect { SQLiteDialect() }
    private static let sql = SQLiteDialect()

    /// Opens (or creates) the database at `path` and runs the setup checklist.
    package init(path: String, options: Options = Options()) throws {
        let isMemory = path == ":memory:"
        if options.create && !options.readOnly && !isMemory {
            try SQLiteDatabase.prepareFile(at: path)
        }
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if options.create && !options.readOnly { flags |= SQLITE_OPEN_CREATE }
        var name = path
        if options.readOnly && options.immutable && !isMemory {
            flags |= SQLITE_OPEN_URI
            name = SQLiteDatabase.immutableURI(path)
        }
        var handle: OpaquePointer?
        let rc = sqlite3_open_v2(name, &handle, flags, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            // SQLite reports a file it may not open as CANTOPEN; the system error says it was permission.
            let systemError = handle.map { sqlite3_system_errno($0) } ?? 0
            sqlite3_close_v2(handle)
            let code = systemError == EACCES || systemError == EPERM ? SQLITE_PERM : rc
            throw DatabaseError(extendedCode: code, message: message, systemErrno: systemError)
        }
        self.handle = handle
        self.path = path
        busyTimeoutMilliseconds = options.busyTimeoutMilliseconds
        if options.queueWriters && !options.readOnly && !isMemory {
            writerQueue = WriterQueue(databasePath: path)
        }
        do {
            try setUp(options: options, isMemory: isMemory)
            if writerQueue != nil { deferCheckpoints() }
        } catch {
            statements.removeAll()
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// The setup checklist, in the order that makes each step's failure clear.
    private func setUp(options: Options, isMemory: Bool) throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds)
        // A probe that fails early, with SQLITE_NOTADB, on a file that is not a database.
        _ = try scalarInt("SELECT count(*) FROM sqlite_master")
        try execute("PRAGMA foreign_keys = ON")
        guard try scalarInt("PRAGMA foreign_keys") == 1 else {
            throw DatabaseError(extendedCode: SQLITE_MISUSE, message: "foreign keys could not be enabled")
        }
        if !options.readOnly && !options.keepsJournalMode && !isMemory {
            // "The WAL journaling mode uses a write-ahead log instead of a rollback journal" — and lets
            // readers go on while one writer commits. The pragma answers the mode it ended in.
            let mode = try scalarText("PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw DatabaseError(
                    extendedCode: SQLITE_CANTOPEN,
                    message: "journal_mode=WAL answered '\(mode ?? "nothing")'; the file system may not support WAL")
            }
        }
        // "In FULL mode … the database will not corrupt after a power loss"; and each commit is durable.
        try execute("PRAGMA synchronous = FULL")
        // Statement journals (one per statement that may fail part-way inside a transaction) and
        // temporary indexes stay in memory instead of temporary files: they never need to survive the
        // process, and when nested writes still used savepoints, writing them to disk cost a third of
        // the batch insert rate.
        try execute("PRAGMA temp_store = MEMORY")
        // Up to 64 MiB of pages (the default is 2 MiB), taken only as used: a desk database grows to
        // gigabytes over years, and with the small cache a year of the simulator read pages back from
        // the file system on most statements.
        try execute("PRAGMA cache_size = -65536")
    }

    /// `file:PATH?immutable=1`, the path percent-encoded so that `?`, `#` and `%` in it stay part of it.
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// True when SQLite opened the file read-only, asked to or not (a file or mount it may not write):
    /// such a connection does not even parse CHECK constraints, so it cannot check them.
    package var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Creates the parent directory and an empty file so SQLite never creates them wider: owner-only (0700,
    /// 0600), or the group's (02770, 0660) inside a shared desk's directory (`FileSharing`), whatever the umask.
    static func prepareFile(at path: String) throws {
        try prepareDirectory(of: path)
        if !FileManager.default.fileExists(atPath: path) {
            let sharing = FileSharing.ofNewFile(at: path)
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, sharing.fileMode)
            if fd >= 0 {
                let refused = sharing.applyMode(toDescriptor: fd)
                close(fd)
                if let refused { throw cannotCreate(path, refused) }
            } else if errno != EEXIST {
                throw cannotCreate(path, errno)
            }
        }
    }

    private static func cannotCreate(_ path: String, _ code: Int32) -> DatabaseError {
        DatabaseError(extendedCode: code == EACCES || code == EPERM ? SQLITE_PERM : SQLITE_CANTOPEN,
                      message: "cannot create \(path): \(String(cString: strerror(code)))", systemErrno: code)
    }

    /// Creates the directory that will hold `path` (with any missing parents), and nothing else: each new one
    /// 0700, or 02770 inside a shared desk's directory, whatever the umask.
    package static func prepareDirectory(of path: String) throws {
        let directory = PathParts(path).directory
        // mkdir -p, one level at a time, so the error names the system's reason (errno).
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            let parent = prefix.isEmpty ? "/" : prefix
            prefix += "/" + component
            var code: Int32?
            if mkdir(prefix, 0o700) == 0 {
                code = FileSharing.ofDirectory(parent).apply(to: prefix, isDirectory: true)
            } else if errno != EEXIST {
                code = errno
            }
            if let code {
                throw DatabaseError(
                    extendedCode: code == EACCES || code == EPERM ? SQLITE_PERM : SQLITE_CANTOPEN,
                    message: "cannot create directory \(prefix): \(String(cString: strerror(code)))", systemErrno: code)
            }
        }
    }

    // MARK: - Statements

    /// A cached prepared statement for `sql`, prepared once per connection.
    package func statement(_ sql: String) throws -> any PreparedStatement {
        try sqliteStatement(sql)
    }

    /// The same, as SQLite's own statement.
    func sqliteStatement(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try SQLiteStatement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs one or more statements that take no parameters.
    package func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// The rowid of the last row inserted on this connection.
    package var lastInsertedRowID: Int {
        Int(sqlite3_last_insert_rowid(handle))
    }

    /// Rows changed by the last statement.
    package var changes: Int {
        Int(sqlite3_changes(handle))
    }

    // MARK: - Transactions

    /// The writer queue's lock file, when writers queue.
    var writerLockPath: String? { writerQueue?.lockPath }

    /// True between BEGIN and COMMIT or ROLLBACK.
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Counts the transactions `write` and `read` have begun, so that what was read in one is not taken for the next.
    package private(set) var transactionSerial = 0

    /// How many transactions of this connection have committed a change (a row inserted, updated or
    /// deleted; migrations included). A program whose output fails afterwards can tell its user that
    /// something was saved, so that they do not do it again.
    package private(set) var committedChanges = 0

    /// Rows changed by this connection so far, committed or not (`sqlite3_total_changes64`).
    private var rowsChanged: Int64 { sqlite3_total_changes64(handle) }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: all of it commits, or none of it.
    ///
    /// IMMEDIATE takes the write lock at the start, so a busy desk waits (busy timeout) at BEGIN
    /// instead of failing half-way with `SQLITE_BUSY` when a read turns into a write.
    ///
    /// Inside another transaction it simply joins it: no savepoint, whose statement journal cost a nested
    /// write (every change the simulator makes) a fifth of its time. A nested write that fails marks the
    /// transaction instead, and the transaction then rolls back as a whole even if the failure was caught —
    /// part of a write is never saved.
    package func write<T>(_ body: () throws -> T) throws -> T {
        try rollBackStrandedTransaction()
        if isInTransaction {
            do {
                return try body()
            } catch {
                nestedWriteFailed = true
                throw error
            }
        }
        nestedWriteFailed = false
        transactionSerial += 1
        // The turn is let go after COMMIT or ROLLBACK, on every path.
        let waited = try enterWriterQueue()
        defer {
            if waited != nil { writerQueue?.leave() }
            checkpointIfDue()
        }
        let rowsBefore = rowsChanged
        try begin(afterWaiting: waited)
        let result: T
        do {
            result = try body()
            if nestedWriteFailed {
                throw DatabaseError(extendedCode: SQLITE_ABORT,
                                    message: "a change inside this transaction failed, so none of the transaction was saved")
            }
        } catch {
            try rollBack()
            throw error
        }
        try commit(rowsBefore: rowsBefore)
        return result
    }

    /// Waits for this connection's turn in the writer queue: the milliseconds it waited, or nil when it did not
    /// queue (no queue, or its lock file could not be used). A turn taken must be let go.
    private func enterWriterQueue() throws -> Int? {
        guard let writerQueue else { return nil }
        let start = ContinuousClock.now
        guard try writerQueue.enter(within: busyTimeoutMilliseconds) else { return nil }
        return Int(start.duration(to: .now) / .milliseconds(1))  // whole milliseconds, rounded down
    }

    /// `BEGIN IMMEDIATE`, with SQLite's busy handler left what the queue did not use of the busy timeout: a
    /// writer that does not queue (the `sqlite3` shell, an older desk) may still hold SQLite's own lock.
    private func begin(afterWaiting waited: Int?) throws {
        guard let waited, waited > 0 else { return try run(.begin) }
        sqlite3_busy_timeout(handle, Int32(max(0, Int(busyTimeoutMilliseconds) - waited)))
        defer { sqlite3_busy_timeout(handle, busyTimeoutMilliseconds) }
        try run(.begin)
    }

    /// Runs `body` in a read transaction, so that every query sees one snapshot.
    ///
    /// A write nested in it commits when the body returns, and is rolled back when the body throws or the
    /// nested write failed part-way: an error from `read` means none of it was saved.
    package func read<T>(_ body: () throws -> T) throws -> T {
        try rollBackStrandedTransaction()
        if isInTransaction { return try body() }
        nestedWriteFailed = false
        transactionSerial += 1
        let rowsBefore = rowsChanged
        try run(.beginRead)
        let result: T
        do {
            result = try body()
        } catch {
            try rollBack()
            throw error
        }
        if nestedWriteFailed {
            try rollBack()
        } else {
            try commit(rowsBefore: rowsBefore)
        }
        return result
    }

    /// COMMIT; when it fails (a deferred foreign key, a full disk) the transaction is still open, and is
    /// rolled back before the error is thrown, so the next write never joins it unawares.
    private func commit(rowsBefore: Int64) throws {
        do {
            try run(.commit)
        } catch {
            try rollBack()
            throw error
        }
        if rowsChanged != rowsBefore { committedChanges += 1 }
    }

    /// ROLLBACK of the transaction this connection opened, if still open (a failed statement may already have
    /// rolled it back). Its failure is thrown; a transaction it could not end is ended before the next use.
    private func rollBack() throws {
        guard isInTransaction else { return }
        do {
            try run(.rollback)
        } catch {
            // A statement left running is the one thing that may keep ROLLBACK from ending the transaction.
            var statement = sqlite3_next_stmt(handle, nil)
            while let running = statement {
                sqlite3_reset(running)
                statement = sqlite3_next_stmt(handle, running)
            }
            if isInTransaction { try? run(.rollback) }  // the first failure is the one thrown
            strandedTransaction = isInTransaction
            throw error
        }
    }

    /// Set when ROLLBACK could not end a transaction: `read` and `write` then end it before anything else,
    /// and fail while they cannot, instead of joining it.
    private var strandedTransaction = false

    private func rollBackStrandedTransaction() throws {
        guard strandedTransaction else { return }
        if isInTransaction { try run(.rollback) }
        strandedTransaction = false
    }

    /// The transaction statements, the dialect's, prepared once: `execute(_:)` would parse them on every write.
    private enum Control {
        case begin, beginRead, commit, rollback

        var sql: String {
            switch self {
            case .begin: SQLiteDatabase.sql.beginWrite[0]
            case .beginRead: SQLiteDatabase.sql.beginRead
            case .commit: SQLiteDatabase.sql.commit
            case .rollback: SQLiteDatabase.sql.rollback
            }
        }
    }

    private func run(_ control: Control) throws {
        try sqliteStatement(control.sql).execute([])
    }

    // MARK: - Errors

    func lastError(_ rc: Int32, sql: String?) -> DatabaseError {
        let extended = sqlite3_extended_errcode(handle)
        let code = (extended & 0xFF) == (rc & 0xFF) ? extended : rc
        return DatabaseError(extendedCode: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql,
                             systemErrno: sqlite3_system_errno(handle))
    }
}

@available(*, unavailable)
extension SQLiteDatabase: Sendable {}
