import Foundation

/// A time read back from the database, or from an event that recorded it: the stored form is
/// `Timestamp.format`'s, and anything else is damage, reported as such.
enum StoredTime {
    /// Reads a stored timestamp; a malformed one means the file was edited by hand or damaged.
    static func date(_ text: String) throws -> Date {
        guard let date = Timestamp.parse(text) else {
            throw DeskError(.badInput, "the database holds a malformed time '\(text)'; run `desk check` (its integrity check tests every stored time), or restore a backup")
        }
        return date
    }

    static func optionalDate(_ text: String?) throws -> Date? {
        try text.map(date)
    }
}
