/// What a command does with the desk database. Every command states it where it opens the database
/// (`DeskContext.open` has no default for it), so a new command cannot forget to say whether it writes.
enum Access {
    /// Only looks. Nothing is recorded, so who is acting is not checked: an unknown `DESK_USER` may read.
    case read
    /// Saves a change; see `Change` for who may make it.
    case write(Change)
}

/// What a command saves, so that the desk can check who makes it, and can say it was saved when the
/// output that would have told the user is lost.
enum Change {
    case callbacks, staff, presence, settings, notifications, accounts
    /// `desk staff add HANDLE`: may be made as HANDLE itself, which is how a person adds themselves.
    case newStaff(handle: String)
    /// `desk init`: creates or migrates; no event names anyone.
    case database
    /// `desk simulate`: a simulation database, replaced whole; the simulated office acts through its own staff.
    case simulation(database: String)
    /// `desk backup DEST` and `desk restore`: files replaced outside any store's transaction.
    case backup(destination: String), restore

    /// Whether the change is recorded as the acting person's, who must then be on the staff list.
    var isMadeByTheActor: Bool {
        switch self {
        case .callbacks, .staff, .presence, .settings, .notifications, .accounts, .newStaff: true
        case .database, .simulation, .backup, .restore: false
        }
    }

    /// What was saved and how to see it, for the line that says the output failed.
    var savedNotice: String {
        switch self {
        case .callbacks: Self.saved(seenWith: "desk callbacks --state all")
        case .staff, .newStaff: Self.saved(seenWith: "desk staff list")
        case .presence: Self.saved(seenWith: "desk board")
        case .settings: Self.saved(seenWith: "desk config show")
        case .notifications: Self.saved(seenWith: "desk notifications")
        case .accounts: Self.saved(seenWith: "desk account list")
        case .database: "the database was set up — check it with `desk check`"
        case .simulation(let database):
            "the simulation was saved — browse it with `desk callbacks --db \(database)`"
        case .backup(let destination): "the backup was made — check it with `desk check --db \(destination)`"
        case .restore: "the database was restored — do not repeat it, check with `desk check`"
        }
    }

    private static func saved(seenWith command: String) -> String {
        "the change was saved — do not repeat it, check with `\(command)`"
    }
}
