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

    /// Opens the database named by the options or the environment.
    static func open(_ options: GlobalOptions, create: Bool = false) throws -> DeskContext {
        let environment = ProcessInfo.processInfo.environment
        let now = try clock(environment)
        let path = try databasePath(options, environment)
        let store = try DeskStore.open(path: path, create: create, busyTimeoutMilliseconds: try busyTimeout(environment),
                                       queueWriters: try queueWriters(environment), now: now)
        let actor = try resolveActor(options.actor ?? environment["DESK_USER"].flatMap { $0.isEmpty ? nil : $0 },
                                     store: store, environment: environment)
        return DeskContext(store: store, now: now, actor: actor, environment: environment)
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
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/messagedesk/desk.sqlite"
        }
        guard let home = environment["HOME"], !home.isEmpty else {
            throw DeskError(.configuration, "no database given and $HOME is not set; use --db PATH or set DESK_DB")
        }
        return home + "/.local/share/messagedesk/desk.sqlite"
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

    /// A named actor must be on the staff list; otherwise the login name is recorded as `user:LOGIN`.
    static func resolveActor(_ handle: String?, store: DeskStore, environment: [String: String]) throws -> String {
        if let handle { return try store.staff(handle: handle).handle }
        let login = environment["USER"] ?? environment["LOGNAME"] ?? getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) }
        return "user:" + (login.flatMap { $0.isEmpty ? nil : $0 } ?? String(getuid()))
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
        do {
            return try PhoneNumber(parsing: text)
        } catch {
            throw DeskError(.badInput, "\(option): \(error.message)")
        }
    }

    /// The handle of the acting person when they are on the staff list.
    var actorHandle: String? { actor.hasPrefix("user:") ? nil : actor }
}
