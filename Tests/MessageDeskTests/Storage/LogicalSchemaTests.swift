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

    /// The comparison sees a schema one migration short: 0017 gives the callbacks the columns of reopening and
    /// adds the corrections, and drops no table.
    @Test func aSchemaOneMigrationShortIsNotTheDeclaredOne() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try Migrator(migrations: Array(Migration.embedded.dropLast())).migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = try database.logicalSchema()
        #expect(schema != LogicalSchema.desk)
        #expect(LogicalSchema.desk.tables.map(\.name).filter { $0 != "corrections" } == schema.tables.map(\.name))
        let declared = LogicalSchema.desk.tables.filter { $0.name != "corrections" }
        let differing = zip(schema.tables, declared).filter { $0 != $1 }.map(\.1.name)
        #expect(differing == ["callbacks"])
    }

    /// Before accounts (0009) the accounts and their lines are missing,
    @Test func aSchemaBeforeAccountsLacksTheirTables() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let before = Migration.embedded.prefix { $0.id < "0009" }
        try Migrator(migrations: Array(before)).migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = try database.logicalSchema()
        // and so are the tables of 0011 and 0014, which come after them.
        #expect(Set(LogicalSchema.desk.tables.map(\.name)).subtracting(schema.tables.map(\.name))
                == ["account_lines", "accounts", "account_blocks", "account_plans", "call_strikes", "screened_calls", "channels",
                    "renotifications", "corrections"])
    }

    /// Before 0011 the screened calls, strikes, block lists and plans are missing (and the channels of 0014).
    @Test func aSchemaBefore0011LacksTheUsageTables() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let before = Migration.embedded.prefix { $0.id < "0011" }
        try Migrator(migrations: Array(before)).migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = try database.logicalSchema()
        #expect(Set(LogicalSchema.desk.tables.map(\.name)).subtracting(schema.tables.map(\.name))
                == ["account_blocks", "account_plans", "call_strikes", "screened_calls", "channels", "renotifications", "corrections"])
    }

    /// Before 0010 the calls have no dialled line and no call id.
    @Test func aSchemaBefore0010LacksTheCallsLineAndCallID() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let before = Migration.embedded.prefix { $0.id < "0010" }
        try Migrator(migrations: Array(before)).migrate(database, at: "2026-11-20T01:00:00Z")
        let schema = try database.logicalSchema()
        let calls = schema.tables.first { $0.name == "calls" }?.columns.map(\.name)
        #expect(calls?.contains("line_id") == false)
        #expect(calls?.contains("phone_call_id") == false)
    }
}
