import DeskStorage
import Foundation

extension DeskStore {
    /// What this database is for: a real desk unless `SimulationDatabase` created it.
    public func purpose() throws -> DatabasePurpose {
        try read { try Self.purpose(of: database) ?? .desk }
    }

    /// The recorded purpose, or nil when the database has no record of one (not a desk, or a desk from
    /// before migration 0007). Anything but `simulation` is read as a desk: the safe side.
    static func purpose(of database: Database) throws -> DatabasePurpose? {
        guard try database.tableExists("database_purpose") else { return nil }
        return try database.scalarText("SELECT purpose FROM database_purpose WHERE id = 1") == "simulation" ? .simulation : .desk
    }

    /// Marks a database that holds nothing yet as a simulation. The database allows it only while the
    /// event log is empty; it writes no event of its own, being part of the database's creation, like
    /// the schema.
    func markAsSimulation() throws {
        try write { try database.execute("UPDATE database_purpose SET purpose = 'simulation' WHERE id = 1") }
    }
}
