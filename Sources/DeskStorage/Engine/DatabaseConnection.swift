/// One connection to a desk's database, whichever engine keeps it: the seam the store talks through.
///
/// SQLite (`SQLiteDatabase`) is the first implementation; a second engine (PostgreSQL through libpq) implements
/// the same requirements, and `DatabaseEngine.open` is where it plugs in. Nothing here names an engine's types.
///
/// Not `Sendable`: a connection has one owner.
package protocol DatabaseConnection: AnyObject {
    /// Where the connection points: the file, or the server and database.
    var path: String { get }
    /// The engine's SQL, where engines differ.
    var dialect: any SQLDialect { get }
    /// True when the engine opened the database read-only, asked to or not.
    var isReadOnly: Bool { get }

    // MARK: - Statements

    /// A cached prepared statement for `sql` (exactly one statement, parameters written `?`).
    func statement(_ sql: String) throws -> any PreparedStatement
    /// Runs a script of one or more statements that take no parameters.
    func execute(_ sql: String) throws
    /// The id the last INSERT on this connection gave its row.
    var lastInsertedRowID: Int { get }
    /// Rows changed by the last statement.
    var changes: Int { get }

    // MARK: - Transactions

    /// True between BEGIN and COMMIT or ROLLBACK.
    var isInTransaction: Bool { get }
    /// Counts the transactions `write` and `read` have begun, so that what was read in one is not taken for the next.
    var transactionSerial: Int { get }
    /// How many transactions of this connection have committed a change (migrations included).
    var committedChanges: Int { get }
    /// Runs `body` in an immediate write transaction: the write lock is taken at BEGIN (SQLite's `BEGIN
    /// IMMEDIATE`, an explicit lock elsewhere), writers wait their turn, and all of it commits or none of it.
    /// Inside another transaction it joins it; a nested write that fails makes the whole transaction roll back.
    /// Commit and rollback errors are thrown: the connection is never left inside a transaction it did not open.
    func write<T>(_ body: () throws -> T) throws -> T
    /// Runs `body` on one read snapshot; a write nested in it commits when the body returns normally.
    func read<T>(_ body: () throws -> T) throws -> T

    // MARK: - Engine operations (what each engine does in its own SQL)

    /// The names of the desk's tables (not the engine's own), sorted.
    func tableNames() throws -> [String]
    /// What the engine's full integrity check reports; empty when the database is intact.
    func integrityProblems() throws -> [String]
    /// Rows whose references point nowhere.
    func foreignKeyViolations() throws -> [ForeignKeyViolation]
    /// Turns the enforcement of foreign keys on or off for this connection (outside a transaction): migrations
    /// run with it off and check `foreignKeyViolations` before they commit.
    func setForeignKeysEnforced(_ enforced: Bool) throws
    /// Makes this connection refuse every write from now on.
    func refuseWrites() throws
    /// Leaves the database whole in its main file (SQLite: a rollback journal, the WAL checkpointed and
    /// removed), so that it can be renamed, copied or mailed on its own.
    func makeSelfContained() throws
    /// Asks the engine to keep up to `kibibytes` of pages in memory (bulk loads).
    func setPageCache(kibibytes: Int) throws
    /// Moves what the engine logged ahead of its main file into it, and empties that log (SQLite's WAL).
    func checkpoint() throws
    /// The highest id each table with an id sequence ever handed out (or holds, if higher).
    func idHighWater() throws -> [String: Int]
    /// Raises each table's id sequence to at least the given id, so that ids handed out elsewhere stay taken.
    func raiseIDs(to highWater: [String: Int]) throws
    /// The logical schema the database has, to compare with `LogicalSchema.desk`.
    func logicalSchema() throws -> LogicalSchema
    /// Copies this whole database into `destination`, a connection of the same engine, as one consistent
    /// snapshot while others keep writing. `whileDestinationLocked` runs once the destination is locked and
    /// before anything is copied; if it throws, nothing is copied.
    func backup(to destination: any DatabaseConnection, whileDestinationLocked: (() throws -> Void)?) throws
}

/// A connection to the desk's database, of whichever engine: the type the store and its clients hold.
package typealias Database = any DatabaseConnection

extension DatabaseConnection {
    /// Runs a cached statement with parameters, discarding rows.
    package func execute(_ sql: String, _ values: [SQLValue]) throws {
        try statement(sql).execute(values)
    }

    /// The first column of the first row as an integer.
    package func scalarInt(_ sql: String, _ values: [SQLValue] = []) throws -> Int? {
        try statement(sql).first(values) { $0.optionalInt(0) } ?? nil
    }

    /// The first column of the first row as text.
    package func scalarText(_ sql: String, _ values: [SQLValue] = []) throws -> String? {
        try statement(sql).first(values) { $0.optionalString(0) } ?? nil
    }

    /// True when the desk's table `name` exists.
    package func tableExists(_ name: String) throws -> Bool {
        try scalarInt(dialect.tableExists, [.text(name)]) ?? 0 > 0
    }

    /// Copies this whole database into `destination` (see the requirement).
    package func backup(to destination: any DatabaseConnection) throws {
        try backup(to: destination, whileDestinationLocked: nil)
    }
}

/// One row that breaks a foreign key: which table, which row, which table it should point into.
package struct ForeignKeyViolation: Sendable, Equatable {
    package let table: String
    /// The row's id; nil when the engine cannot name it (a SQLite `WITHOUT ROWID` table).
    package let rowID: Int?
    package let parent: String

    package init(table: String, rowID: Int?, parent: String) {
        (self.table, self.rowID, self.parent) = (table, rowID, parent)
    }
}
