/// The current row of a running statement, of whichever engine; read columns by index (0-based).
///
/// The non-optional accessors throw on NULL instead of reading it as 0 or "", naming the column.
package struct Row {
    let statement: any PreparedStatement

    package func isNull(_ index: Int32) -> Bool { statement.isNull(index) }
    package func int(_ index: Int32) throws -> Int { try statement.int(index) }
    package func optionalInt(_ index: Int32) -> Int? { statement.optionalInt(index) }
    package func bool(_ index: Int32) throws -> Bool { try statement.int(index) != 0 }
    package func double(_ index: Int32) throws -> Double { try statement.double(index) }
    package func string(_ index: Int32) throws -> String { try statement.string(index) }
    package func optionalString(_ index: Int32) -> String? { statement.optionalString(index) }
}
