import MessageDesk

/// How a database check is shown: lines for people, an object for `--json`; shared by
/// `desk check`, `desk backup` (the copy's check) and `desk restore` (the backup's check).
enum CheckOutput {
    /// `{"ok", "integrity", "integrity_problems", "foreign_keys", "foreign_key_violations", "schema", …}`.
    static func json(_ check: DatabaseCheck) -> JSONValue {
        let violations = check.foreignKeyViolations ?? []
        let (applied, pending, unknown): ([String], [String], [String]) = switch check.schema {
        case .current(let applied): (applied, [], [])
        case .older(let applied, let pending): (applied, pending, [])
        case .newer(let applied, let unknown): (applied, [], unknown)
        case .notADesk, .unreadable: ([], [], [])
        }
        return .object([
            ("ok", .bool(check.isUsable)),
            ("integrity", .string(check.integrityProblems.isEmpty ? "ok" : "failed")),
            ("integrity_problems", .array(check.integrityProblems.map(JSONValue.string))),
            ("foreign_keys", .string(check.foreignKeyViolations.map { $0.isEmpty ? "ok" : "failed" } ?? "not_checked")),
            ("foreign_key_violations", .array(violations.map { violation in
                .object([("table", .string(violation.table)), ("rowid", violation.rowid.map(JSONValue.int) ?? .null),
                         ("parent", .string(violation.parent))])
            })),
            ("schema", .string(check.schema.name)),
            ("applied_migrations", .array(applied.map(JSONValue.string))),
            ("pending_migrations", .array(pending.map(JSONValue.string))),
            ("unknown_migrations", .array(unknown.map(JSONValue.string))),
        ])
    }

    /// The labelled lines of `desk check`; problems follow their label, indented. `mode` is the
    /// database file's, when known.
    static func lines(_ check: DatabaseCheck, database: String, mode: FileMode? = nil) -> [String] {
        var lines = ["database:      \(database)"]
        if check.integrityProblems.isEmpty {
            lines.append("integrity:     ok")
        } else {
            let count = check.integrityProblems.count
            lines.append("integrity:     \(count == 1 ? "1 problem" : "\(count) problems")")
            lines += check.integrityProblems.map { "  " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        }
        lines.append("foreign keys:  \(check.foreignKeySummary)")
        lines.append("schema:        \(check.schema.summary)")
        if let mode {
            lines.append("mode:          \(mode.summary(of: database))")
        }
        return lines
    }

    /// The line saying which temporary files of killed runs were removed; none when there were none.
    static func removed(_ files: AbandonedFiles) -> [String] {
        guard !files.names.isEmpty else { return [] }
        let count = files.names.count == 1 ? "1 temporary file" : "\(files.names.count) temporary files"
        return ["removed \(count) that killed backups or restores left in \(files.directory) (\(files.bytes) bytes)"]
    }

    /// One line for `desk backup` and `desk restore`: `integrity ok, foreign keys ok; schema current (0001_initial)`.
    static func summary(_ check: DatabaseCheck) -> String {
        "\(check.summary); schema \(check.schema.summary)"
    }
}
