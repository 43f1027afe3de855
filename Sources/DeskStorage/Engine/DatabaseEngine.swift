/// Where a connection's engine is chosen: the one place a second engine plugs in.
///
/// Today every location is an SQLite file. PostgreSQL (a later issue) is chosen here by the location's form
/// (a `postgresql://` URI or a libpq connection string) and returns its own `DatabaseConnection`; nothing
/// above this layer changes.
package enum DatabaseEngine {
    /// Opens (or creates) the database at `path` with the engine that keeps it.
    package static func open(_ path: String, options: ConnectionOptions = ConnectionOptions()) throws -> Database {
        try SQLiteDatabase(path: path, options: options)
    }

    /// Creates the directory that will hold the database at `path` (0700, or 02770 in a shared desk's; with any missing parents); nothing
    /// for an engine that keeps no file of its own.
    package static func prepareDirectory(for path: String) throws {
        try SQLiteDatabase.prepareDirectory(of: path)
    }
}
