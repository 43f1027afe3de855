/// A prepared statement of one engine: bound by position, stepped row by row, reset for the next run.
///
/// Values are bound by position (1, 2, … in the order of the SQL's `?`), never spliced into SQL. While a row is
/// available, its columns are read by index (0-based) through `Row`.
package protocol PreparedStatement: AnyObject {
    /// The SQL text, as the store wrote it, kept for error messages.
    var sql: String { get }
    /// Binds exactly one value to each parameter, in order. Binding a statement that is still stepping (a loop
    /// over its rows running the same SQL again) is an error, never a silent restart of the loop.
    func bind(_ values: [SQLValue]) throws
    /// Steps once: true when a row is available.
    func step() throws -> Bool
    /// Ends the current run, so that the statement can be bound again.
    func reset()

    // MARK: - The current row's columns

    func isNull(_ column: Int32) -> Bool
    /// The non-optional reads throw on NULL, naming the column: a NULL where the schema promises a value is
    /// damage or a wrong query, and is never read as 0 or "".
    func int(_ column: Int32) throws -> Int
    func optionalInt(_ column: Int32) -> Int?
    func double(_ column: Int32) throws -> Double
    func string(_ column: Int32) throws -> String
    func optionalString(_ column: Int32) -> String?
}

extension PreparedStatement {
    /// Runs the statement to completion, discarding rows.
    package func execute(_ values: [SQLValue] = []) throws {
        try bind(values)
        defer { reset() }
        while try step() {}
    }

    /// Runs the statement and calls `body` for each row. The statement is reset however it ends, also when
    /// `body` throws.
    package func forEach(_ values: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        try bind(values)
        defer { reset() }
        let row = Row(statement: self)
        while try step() {
            try body(row)
        }
    }

    /// Runs the statement and maps each row.
    package func map<T>(_ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(values) { result.append(try transform($0)) }
        return result
    }

    /// Runs the statement and maps its first row, if any.
    package func first<T>(_ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> T? {
        try bind(values)
        defer { reset() }
        guard try step() else { return nil }
        return try transform(Row(statement: self))
    }
}
