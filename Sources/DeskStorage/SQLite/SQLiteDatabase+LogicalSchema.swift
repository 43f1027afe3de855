import CSQLite

extension SQLiteDatabase {
    /// The logical schema of this SQLite database, read back from its catalogue (`pragma_table_info`,
    /// `pragma_foreign_key_list`, `pragma_index_list`), to compare with `LogicalSchema.desk`.
    ///
    /// SQLite's own tables (`sqlite_%`) are left out. A column's type class is its declared type (STRICT tables
    /// allow only INTEGER, INT, REAL, TEXT, BLOB and ANY); an INTEGER PRIMARY KEY reports `notnull = 0` but
    /// holds no NULL ("an alias for the rowid"), so primary key columns count as not nullable.
    package func logicalSchema() throws -> LogicalSchema {
        let names = try statement(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).map { try $0.string(0) }
        return LogicalSchema(tables: try names.map(logicalTable))
    }

    private func logicalTable(_ name: String) throws -> LogicalSchema.Table {
        var primaryKey: [(position: Int, column: String)] = []
        let columns = try statement("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid")
            .map([.text(name)]) { row -> LogicalSchema.Column in
                let column = try row.string(0)
                let position = try row.int(3)
                if position > 0 { primaryKey.append((position, column)) }
                return LogicalSchema.Column(column, try Self.kind(row.string(1), table: name, column: column),
                                            nullable: try row.int(2) == 0 && position == 0)
            }
        var foreignKeys: [Int: (table: String, columns: [String], referenced: [String])] = [:]
        try statement("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq")
            .forEach([.text(name)]) { row in
                let id = try row.int(0)
                let parent = try row.string(1), column = try row.string(2)
                foreignKeys[id, default: (parent, [], [])].columns.append(column)
                // "to" is NULL for `REFERENCES parent` without columns: the parent's primary key.
                foreignKeys[id]?.referenced.append(row.optionalString(3) ?? "")
            }
        let indexes = try statement("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)")
            .map([.text(name)]) { (try $0.string(0), try $0.bool(1), try $0.string(2), try $0.bool(3)) }
        var unique: [LogicalSchema.UniqueKey] = []
        for (index, isUnique, origin, partial) in indexes where isUnique && origin != "pk" {
            let columns = try statement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
                .map([.text(index)]) { try $0.string(0) }
            unique.append(LogicalSchema.UniqueKey(columns, partial: partial))
        }
        return LogicalSchema.Table(
            name, primaryKey: primaryKey.sorted { $0.position < $1.position }.map(\.column), columns: columns,
            foreignKeys: foreignKeys.values.map { LogicalSchema.ForeignKey($0.columns, $0.table, $0.referenced) },
            unique: unique)
    }

    private static func kind(_ declared: String, table: String, column: String) throws -> LogicalSchema.Kind {
        switch declared.uppercased() {
        case "INTEGER", "INT": .integer
        case "REAL": .real
        case "TEXT": .text
        case "BLOB": .blob
        case "ANY": .any
        default:
            throw DatabaseError(extendedCode: SQLITE_ERROR, message: "\(table).\(column) has the type '\(declared)', which no STRICT table allows")
        }
    }
}
