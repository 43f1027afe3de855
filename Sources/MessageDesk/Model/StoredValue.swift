/// A word read back from the database into one of the desk's enumerations (a state, a role, a wish): the store
/// writes only the enumeration's own raw values and the schema checks them, so anything else is a hand edit or
/// damage. It is reported naming the column, never read as a default, which would show a wrong record.
enum StoredValue {
    static func read<Value: RawRepresentable>(_ text: String, in column: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw DeskError(.badInput, "the database holds '\(text)' in \(column), which is not a value this desk knows; run `desk check`, or restore a backup")
        }
        return value
    }

    static func optional<Value: RawRepresentable>(_ text: String?, in column: String) throws -> Value?
    where Value.RawValue == String {
        try text.map { try read($0, in: column) }
    }
}
