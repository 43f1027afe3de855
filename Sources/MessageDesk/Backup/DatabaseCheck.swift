import DeskStorage
import Foundation

/// What a check of a database finds: SQLite's integrity check, its foreign key check, and how the
/// schema compares with this binary's migrations.
public struct DatabaseCheck: Sendable, Equatable {
    /// The lines `PRAGMA integrity_check` printed other than `ok`; empty when the file is intact.
    public let integrityProblems: [String]
    /// Rows whose references point nowhere (`PRAGMA foreign_key_check`); nil when the file is too
    /// damaged for the check to run.
    public let foreignKeyViolations: [ForeignKeyViolation]?
    /// The schema version, as recorded migrations.
    public let schema: SchemaStatus

    /// One row that breaks a foreign key: which table, which row, which table it should point into.
    public struct ForeignKeyViolation: Sendable, Equatable {
        /// The table holding the row.
        public let table: String
        /// The row's rowid; nil for a `WITHOUT ROWID` table.
        public let rowid: Int?
        /// The table the row should point into.
        public let parent: String

        /// A violation as `PRAGMA foreign_key_check` reports it.
        public init(table: String, rowid: Int?, parent: String) {
            self.table = table
            self.rowid = rowid
            self.parent = parent
        }
    }

    /// A check's findings, as `run(on:migrator:)` makes them (or a test expects them).
    public init(integrityProblems: [String], foreignKeyViolations: [ForeignKeyViolation]?, schema: SchemaStatus) {
        self.integrityProblems = integrityProblems
        self.foreignKeyViolations = foreignKeyViolations
        self.schema = schema
    }

    /// True when both SQLite checks pass (the schema version is judged separately).
    public var isIntact: Bool { integrityProblems.isEmpty && foreignKeyViolations == [] }

    /// Intact, with a schema this binary can open: current, or older (migrated when opened).
    public var isUsable: Bool {
        guard isIntact else { return false }
        switch schema {
        case .current, .older: return true
        case .newer, .notADesk, .unreadable: return false
        }
    }

    /// Runs the full `PRAGMA integrity_check` (not `quick_check`: it also compares every index with
    /// its table), `PRAGMA foreign_key_check`, and reads the schema version.
    ///
    /// On a read-only connection the checks run on a temporary copy: SQLite parses no CHECK
    /// constraint for a database it cannot write, so its integrity check would pass rows that break them.
    package static func run(on database: Database, migrator: Migrator = Migrator()) throws -> DatabaseCheck {
        if database.isReadOnly {
            let copy = try CheckedCopy.make(of: database, beside: NSTemporaryDirectory() + "desk-check.sqlite",
                                            migrator: migrator) { _, _ in }
            defer { copy.discard() }
            return copy.check
        }
        // A file so damaged that a check stops with an error: the error is the finding.
        var problems: [String]
        do {
            problems = try database.integrityProblems()
        } catch let error as DatabaseError where error.meansDamagedFile {
            problems = [error.message]
        }
        var violations: [ForeignKeyViolation]?
        do {
            violations = try database.foreignKeyViolations().map {
                ForeignKeyViolation(table: $0.table, rowid: $0.rowID, parent: $0.parent)
            }
        } catch let error as DatabaseError where error.meansDamagedFile {
            violations = nil
        }
        var schema: SchemaStatus
        do {
            schema = try SchemaStatus.of(database, migrator: migrator)
        } catch let error as DatabaseError where error.meansDamagedFile {
            schema = .unreadable
        }
        return DatabaseCheck(integrityProblems: problems, foreignKeyViolations: violations, schema: schema)
    }

    /// One line of what the SQLite checks found, e.g. `integrity ok, foreign keys ok`, or
    /// `integrity: 2 problems, the first: … ; foreign keys not checked`.
    public var summary: String {
        var integrity = "integrity ok"
        if let first = integrityProblems.first {
            let count = integrityProblems.count == 1 ? "1 problem" : "\(integrityProblems.count) problems"
            integrity = "integrity: \(count), the first: \(first.split(whereSeparator: \.isNewline).joined(separator: " "))"
        }
        return "\(integrity), foreign keys \(foreignKeySummary)"
    }

    /// `ok`, `not checked (the file is damaged)`, or `broken: 2 rows (presence row 3 → staff, …)`.
    public var foreignKeySummary: String {
        guard let violations = foreignKeyViolations else { return "not checked (the file is damaged)" }
        guard !violations.isEmpty else { return "ok" }
        let shown = violations.prefix(3).map { "\($0.table) row \($0.rowid.map(String.init) ?? "?") → \($0.parent)" }
        let more = violations.count > 3 ? ", …" : ""
        let count = violations.count == 1 ? "1 row" : "\(violations.count) rows"
        return "broken: \(count) (\(shown.joined(separator: ", "))\(more))"
    }
}
