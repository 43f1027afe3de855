import Foundation
import Testing
@testable import DeskStorage

/// Each engine's migrations must build the one logical schema; this is SQLite's side (Migrations/sqlite/).
@Suite struct LogicalSchemaTests {
    @Test func theSQLiteMigrationsBuildTheDeclaredLogicalSchema() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try Migrator().migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = try database.logicalSchema()
        #expect(schema.tables.map(\.name) == LogicalSchema.desk.tables.map(\.name))
        for (built, declared) in zip(schema.tables, LogicalSchema.desk.tables) {
            #expect(built == declared, "table \(declared.name)")
        }
    }

    /// The comparison sees a schema one migration short: 0010 adds the dialled line and call id to calls.
    @Test func aSchemaOneMigrationShortIsNotTheDeclaredOne() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try Migrator(migrations: Array(Migration.embedded.dropLast())).migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = try database.logicalSchema()
        #expect(schema != LogicalSchema.desk)
        let calls = schema.tables.first { $0.name == "calls" }?.columns.map(\.name)
        #expect(calls?.contains("line_id") == false)
        #expect(calls?.contains("phone_call_id") == false)
    }
}
