import Foundation

/// A client company of the answering service: whose lines ring at the desk, the greeting (名乗り) the operator
/// says, and the staff and callers that belong to it.
public struct Account: Sendable, Equatable {
    public let id: Int
    /// The short code used on the command line: `acme`.
    public let code: String
    public let name: String
    /// 名乗り: what the operator says on answering; nil only for a migrated `default` until it is set.
    public let greeting: String?
    /// The greeting's (or name's) furigana.
    public let reading: String?
    /// Other names a caller may use for the company.
    public let aliases: [String]
    /// What may be told to callers and what not, how to handle sales calls.
    public let notes: String?
    /// The numbers that forward to the desk, in the order they were added.
    public let lines: [PhoneNumber]
    public let createdAt: Date
    /// When the client left: its history stays, read-only.
    public let closedAt: Date?
    /// The zone its usage months run in; nil for the desk's own (the `time_zone` setting).
    public let timeZone: TimeZone?

    public var isClosed: Bool { closedAt != nil }

    /// Its details by their JSON names, as its events record them and `--json` starts with (the lines and times
    /// are not details: lines have events of their own).
    public var details: [(String, JSONValue)] {
        [
            ("code", .string(code)), ("name", .string(name)), ("greeting", greeting.map(JSONValue.string) ?? .null),
            ("reading", reading.map(JSONValue.string) ?? .null), ("aliases", .array(aliases.map(JSONValue.string))),
            ("notes", notes.map(JSONValue.string) ?? .null),
        ] + (timeZone.map { [("time_zone", .string($0.identifier))] } ?? [])  // only when set: older events keep their form
    }

    /// Reads an IANA zone name given for an account (`--time-zone`).
    public static func timeZone(named name: String) throws(InputError) -> TimeZone {
        guard !name.isEmpty, let zone = TimeZone(identifier: name) else {
            throw InputError("--time-zone: \(InputError.quoted(name)) is not a time zone: use an IANA name such as Asia/Tokyo")
        }
        return zone
    }

    /// The code every existing desk's one account has after migration 0009.
    public static let defaultCode = "default"

    /// Checks the form of a code: lower-case ASCII letters first, then letters, digits, `_`, `-`, at most 32.
    public static func validate(code: String) throws(InputError) {
        guard ShortName.isValid(code, marks: ["_", "-"]) else {
            throw InputError(
                "'\(code)' is not an account code: use up to 32 lower-case letters, digits, '_' or '-', starting with a letter (acme)")
        }
    }
}

/// What is needed to add an account.
public struct NewAccount: Sendable, Equatable {
    public var code: String
    public var name: String
    public var greeting: String
    public var reading: String?
    public var aliases: [String]
    public var notes: String?
    public var lines: [PhoneNumber]
    /// Its own time zone (an IANA name); nil for the desk's.
    public var timeZone: String?

    public init(code: String, name: String, greeting: String, reading: String? = nil, aliases: [String] = [],
                notes: String? = nil, lines: [PhoneNumber] = [], timeZone: String? = nil) {
        (self.code, self.name, self.greeting, self.reading) = (code, name, greeting, reading)
        (self.aliases, self.notes, self.lines, self.timeZone) = (aliases, notes, lines, timeZone)
    }
}

/// A change to an account's details: nil leaves a field as it is; `.some(nil)` clears an optional one.
public struct AccountChange: Sendable, Equatable {
    public var name: String?
    public var greeting: String?
    public var reading: String??
    public var aliases: [String]?
    public var notes: String??
    /// An IANA zone name, or `.some(nil)` for the desk's own.
    public var timeZone: String??

    public init(name: String? = nil, greeting: String? = nil, reading: String?? = nil, aliases: [String]? = nil,
                notes: String?? = nil, timeZone: String?? = nil) {
        (self.name, self.greeting, self.reading, self.aliases, self.notes) = (name, greeting, reading, aliases, notes)
        self.timeZone = timeZone
    }
}
