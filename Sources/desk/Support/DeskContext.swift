import Foundation
import MessageDesk

/// What a command needs from its surroundings: the database, the time, who is acting.
struct DeskContext {
    let store: DeskStore
    let now: Date
    let actor: String
    let environment: [String: String]

    /// The business time zone's calendar, for reading and showing times.
    var calendar: BusinessCalendar { store.policy.calendar }

    /// Opens the database named by the options or the environment, for what the command does with it: an
    /// existing desk of this schema, unless `mode` is `.create` (`desk init`). Warns about stored settings
    /// that are not in force (unless the command reports them itself) and about a file others may read.
    static func open(_ options: GlobalOptions, _ access: Access, mode: DeskStore.OpenMode = .existing,
                     warnAboutSettings: Bool = true, choosing choose: (DeskStore) throws -> Void = { _ in }) throws -> DeskContext {
        let environment = ProcessInfo.processInfo.environment
        let now = try clock(environment)
        let path = try databasePath(options, environment)
        let store = try DeskStore.open(path: path, mode: mode, busyTimeoutMilliseconds: try busyTimeout(environment),
                                       queueWriters: try queueWriters(environment), now: now)
        warnAboutMode(of: path)
        if case .write(let change) = access { SavedChanges.watch(store, making: change) }
        // Before the actor is checked: a handle on the staff list is one of the chosen account's, or the service's.
        try choose(store)
        // After choosing: the settings in force are the chosen account's.
        if warnAboutSettings { Warning.settings(store.settingProblems) }
        let actor = try resolveActor(ActorClaim(options, environment), for: access, store: store, environment: environment)
        return DeskContext(store: store, now: now, actor: actor, environment: environment)
    }

    /// The same, for a command that reads or writes a client's data: the account is --account, else $DESK_ACCOUNT,
    /// else the desk's only open account (chosen when the store opens).
    /// With `line` (`--line`, a dialled number), the account is the line's; an account chosen otherwise must be it.
    static func open(_ options: GlobalOptions, _ scope: AccountOption, _ access: Access, line: String? = nil,
                     warnAboutSettings: Bool = true) throws -> DeskContext {
        let chosen = scope.chosen(ProcessInfo.processInfo.environment)
        let dialled = try line.map { try phone($0, option: "--line") }
        return try open(options, access, warnAboutSettings: warnAboutSettings) { store in
            guard let dialled else {
                if let chosen { try store.selectAccount(chosen) }
                return
            }
            let owner = try store.account(forLine: dialled)
            if let chosen, chosen != owner.code {
                throw DeskError(.badInput,
                    "--line \(dialled.national) is a line of \(owner.code), but the account chosen is \(chosen); give one of them, not both")
            }
            try store.selectAccount(owner.code)
        }
    }

    /// Says on stderr when others may read or change the database (and so its -wal and -shm).
    static func warnAboutMode(of path: String) {
        guard let warning = FileMode.of(path)?.warning(for: path) else { return }
        let line = "desk: warning: " + TerminalText.sanitized(warning) + "\n"
        // A warning that cannot be written is not worth failing the command for.
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    /// `DESK_NOW` when set, else the system clock.
    static func clock(_ environment: [String: String]) throws -> Date {
        guard let text = environment["DESK_NOW"], !text.isEmpty else { return Date() }
        if let date = TimeExpression.instant(text) { return date }
        throw DeskError(.configuration, "DESK_NOW='\(text)' is not an ISO-8601 time such as 2026-11-24T10:00:00+09:00; fix or unset it")
    }

    /// --db, else $DESK_DB, else the XDG data directory.
    static func databasePath(_ options: GlobalOptions, _ environment: [String: String]) throws -> String {
        if let db = options.db, !db.isEmpty { return db }
        if let db = environment["DESK_DB"], !db.isEmpty { return db }
        guard let path = dataFile("desk.sqlite", environment) else {
            throw DeskError(.configuration, "no database given and $HOME is not set; use --db PATH or set DESK_DB")
        }
        return path
    }

    /// Where `desk simulate` writes without --db: beside the desk's default, never where $DESK_DB points.
    static func simulationDatabasePath(_ environment: [String: String]) throws -> String {
        guard let path = dataFile("simulation.sqlite", environment) else {
            throw DeskError(.configuration, "no simulation database given and $HOME is not set; use --db PATH")
        }
        return path
    }

    /// `name` in $XDG_DATA_HOME/messagedesk (when absolute), else ~/.local/share/messagedesk; nil without $HOME.
    static func dataFile(_ name: String, _ environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/messagedesk/" + name
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/messagedesk/" + name
    }

    /// `DESK_BUSY_TIMEOUT` in milliseconds (default 5000).
    static func busyTimeout(_ environment: [String: String]) throws -> Int32 {
        guard let text = environment["DESK_BUSY_TIMEOUT"], !text.isEmpty else { return 5_000 }
        guard let value = Int32(text), value >= 0 else {
            throw DeskError(.configuration, "DESK_BUSY_TIMEOUT='\(text)' is not a number of milliseconds; e.g. 5000")
        }
        return value
    }

    /// `DESK_WRITER_QUEUE=off` turns the writer queue off (to measure the baseline); default on.
    static func queueWriters(_ environment: [String: String]) throws -> Bool {
        switch environment["DESK_WRITER_QUEUE"] ?? "" {
        case "", "on": return true
        case "off": return false
        case let text:
            throw DeskError(.configuration, "DESK_WRITER_QUEUE='\(text)' is neither on nor off; unset it (the queue is on by default)")
        }
    }

    /// Who the event log records for a change.
    ///
    /// A handle claimed by `--as` or `DESK_USER` must be on the staff list when the change is the
    /// actor's own — except `desk staff add` of that very handle. With no claim, or for a command that
    /// records no one (reading, `desk init`, `desk simulate`), the login is recorded as `user:LOGIN`. On a
    /// shared desk LOGIN is the Unix user running desk, never what `$USER` claims: several users write it.
    static func resolveActor(_ claim: ActorClaim?, for access: Access, store: DeskStore,
                             environment: [String: String]) throws -> String {
        let unixUser = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) }
        let login = store.isShared ? unixUser : environment["USER"] ?? environment["LOGNAME"] ?? unixUser
        let loginActor = "user:" + (login.flatMap { $0.isEmpty ? nil : $0 } ?? String(getuid()))
        guard let claim, case .write(let change) = access, change.isMadeByTheActor else { return loginActor }
        if case .newStaff(let handle) = change, handle == claim.handle { return handle }
        do {
            return try store.staff(handle: claim.handle).handle
        } catch let error as DeskError where error.kind == .badInput {
            throw claim.notOnTheStaffList
        }
    }

    // MARK: - Reading input

    /// A time typed on the command line, in the business zone.
    func time(_ text: String, option: String) throws -> Date {
        do {
            return try TimeExpression.parse(text, now: now, calendar: calendar)
        } catch {
            throw DeskError(.badInput, "\(option): \(error.message)")
        }
    }

    /// A phone number typed on the command line.
    func phone(_ text: String, option: String) throws -> PhoneNumber {
        try Self.phone(text, option: option)
    }

    static func phone(_ text: String, option: String) throws -> PhoneNumber {
        do {
            return try PhoneNumber(parsing: text)
        } catch {
            throw DeskError(.badInput, "\(option): \(error.message)")
        }
    }

    /// Warns when the command's change was stamped later than this terminal's clock (which was behind).
    func warnIfClockWasBehind() {
        Warning.clock(store.clockClamp, times: TimeDisplay(calendar: calendar, now: now))
    }

    /// The handle of the acting person when they are on the staff list.
    var actorHandle: String? { actor.hasPrefix("user:") ? nil : actor }
}
