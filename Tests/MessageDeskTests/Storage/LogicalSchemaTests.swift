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

    /// The comparison sees a schema one migration short: 0011 adds the screened calls, strikes, block lists and plans.
    @Test func aSchemaOneMigrationShortIsNotTheDeclaredOne() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try Migrator(migrations: Array(Migration.embedded.dropLast())).migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = try database.logicalSchema()
        #expect(schema != LogicalSchema.desk)
        #expect(Set(LogicalSchema.desk.tables.map(\.name)).subtracting(schema.tables.map(\.name)) == ["account_blocks", "account_plans", "call_strikes", "screened_calls"])
    }
}
