import MessageDesk

/// The forms an account takes on output.
struct AccountOutput {
    let times: TimeDisplay

    func json(_ account: Account) -> JSONValue {
        .object(account.details + [
            ("lines", .array(account.lines.map { .string($0.e164) })),
            ("created_at", .string(times.iso(account.createdAt))),
            ("closed_at", account.closedAt.map { .string(times.iso($0)) } ?? .null),
        ])
    }

    static let tableHeader = ["CODE", "NAME", "GREETING", "LINES", "STATE"]

    func tableRow(_ account: Account) -> [String] {
        [account.code, account.name, account.greeting ?? "-", account.lines.map(\.national).joined(separator: " "),
         account.closedAt.map { "closed \(times.calendar.dayString($0))" } ?? "open"]
    }

    /// `desk account show`: one field a line.
    func lines(_ account: Account) -> [String] {
        [
            "\(account.code) — \(account.name)",
            "greeting:  \(account.greeting ?? "-")",
            "reading:   \(account.reading ?? "-")",
            "aliases:   \(account.aliases.isEmpty ? "-" : account.aliases.joined(separator: ", "))",
            "lines:     \(account.lines.isEmpty ? "-" : account.lines.map(\.national).joined(separator: ", "))",
            "notes:     \(account.notes ?? "-")",
        ] + (account.timeZone.map { ["time zone: \($0.identifier)"] } ?? []) + [
            "state:     \(account.closedAt.map { "closed \(times.calendar.dayString($0)) (read-only)" } ?? "open")",
        ]
    }
}
