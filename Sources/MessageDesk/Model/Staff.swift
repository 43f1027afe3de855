import Foundation

/// A member of the office: a salesperson who owes callbacks, an operator who takes calls, a manager.
public struct Staff: Sendable, Equatable {
    /// What a person does at the office.
    public enum Role: String, Sendable, CaseIterable {
        case salesperson
        case `operator`
        case manager
    }

    public let id: Int
    /// The short name used on the command line: `tanaka`.
    public let handle: String
    /// The name people read: 田中一郎.
    public let displayName: String
    public let role: Role
    public let mobile: PhoneNumber?
    /// Who takes this person's callbacks while they are away.
    public let substitute: String?
    /// Who is told when this person's callbacks are escalated.
    public let escalationContact: String?
    public let createdAt: Date
    /// The code of the account they work for; nil for the service's own operators and managers, who answer
    /// every account.
    public internal(set) var account: String? = nil
    /// That account's id (nil for the service).
    public internal(set) var accountID: Int? = nil

    /// Operators and managers belong to the service, salespeople to an account (as migration 0009 placed them).
    public static func belongsToTheService(_ role: Role) -> Bool { role != .salesperson }

    /// Checks the form of a handle: lower-case ASCII letters first, then letters, digits, `.`, `_`, `-`.
    public static func validate(handle: String) throws(InputError) {
        guard ShortName.isValid(handle, marks: [".", "_", "-"]) else {
            throw InputError(
                "'\(handle)' is not a handle: use up to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter (tanaka)")
        }
    }
}

/// What is needed to add a member of staff.
public struct NewStaff: Sendable, Equatable {
    public var handle: String
    public var displayName: String
    public var role: Staff.Role
    public var mobile: PhoneNumber?
    public var substitute: String?
    public var escalationContact: String?

    public init(handle: String, displayName: String, role: Staff.Role = .salesperson, mobile: PhoneNumber? = nil,
                substitute: String? = nil, escalationContact: String? = nil) {
        self.handle = handle
        self.displayName = displayName
        self.role = role
        self.mobile = mobile
        self.substitute = substitute
        self.escalationContact = escalationContact
    }
}
