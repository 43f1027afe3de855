import Foundation

/// A message (伝言) taken on one call to the office.
public struct Message: Sendable, Equatable {
    /// What the caller asked for.
    public enum Wants: String, Sendable, CaseIterable {
        case callback
        case callAgain = "call_again"
        case info
        case verify
    }

    public let id: Int
    public let callID: Int
    public let callbackID: Int
    public let body: String
    public let urgent: Bool
    public let wants: Wants
    /// The caller's window: do not call before …
    public let notBefore: Date?
    /// … and call by.
    public let notAfter: Date?
    public let newContact: Bool
    public let takenAt: Date
    /// The name the caller gave on this call.
    public let callerName: String
    public let company: String?
    /// The operator who took it, when known.
    public let takenBy: String?
    public let triedMobile: Bool
    /// What the caller said about how they buy, on this call.
    public let buyer: BuyerAttributes
    /// Marked sensitive by the operator or by a keyword: lists show that it exists, not its words.
    public let sensitive: Bool
    /// What a correction (`desk correct --message-note`) says the message should have said; its words stay as taken.
    public internal(set) var note: String? = nil
}

/// What an operator records when taking a message.
public struct NewMessage: Sendable, Equatable {
    /// The handle of the person the call was for.
    public var forHandle: String
    public var callerName: String
    public var phone: PhoneNumber
    public var company: String?
    public var body: String
    public var urgent: Bool
    public var wants: Message.Wants
    public var notBefore: Date?
    public var notAfter: Date?
    public var newContact: Bool
    /// The operator's handle, when the operator is on the staff list.
    public var operatorHandle: String?
    public var triedMobile: Bool
    /// What the caller said about how they buy; all optional.
    public var buyer: BuyerAttributes
    /// The operator marked it sensitive (the office's keywords may mark it too).
    public var sensitive: Bool
    /// The account line the call came in on, when known (`--line`, or the phone system's dialled number).
    public var line: PhoneNumber?
    /// The phone system's id for the call (`--call-id`): one call of the account is logged once.
    public var phoneCallID: String?

    public init(forHandle: String, callerName: String, phone: PhoneNumber, company: String? = nil, body: String,
                urgent: Bool = false, wants: Message.Wants = .callback, notBefore: Date? = nil,
                notAfter: Date? = nil, newContact: Bool = false, operatorHandle: String? = nil,
                triedMobile: Bool = false, buyer: BuyerAttributes = BuyerAttributes(), sensitive: Bool = false,
                line: PhoneNumber? = nil, phoneCallID: String? = nil) {
        self.forHandle = forHandle
        self.callerName = callerName
        self.phone = phone
        self.company = company
        self.body = body
        self.urgent = urgent
        self.wants = wants
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.newContact = newContact
        self.operatorHandle = operatorHandle
        self.triedMobile = triedMobile
        self.buyer = buyer
        self.sensitive = sensitive
        self.line = line
        self.phoneCallID = phoneCallID
    }
}

/// What taking a message did: the callback it opened or joined, and what to tell the caller.
public struct TakenMessage: Sendable, Equatable {
    public let callback: CallbackRequest
    public let messageID: Int
    public let callID: Int
    /// True when the call joined a callback that was already open for this caller and owner.
    public let joined: Bool
    /// The handle of the person the call was for: the owner, unless the callback sits with their substitute.
    public let forHandle: String
    /// Their presence as of the call, for the operator to read out.
    public let ownerPresence: Presence
    /// Where a newly opened callback went; nil when the call joined a live one.
    public let routing: SubstituteRouting?
    /// The urgent ladder's first step, when the message's notification was it (issue 16); nil otherwise.
    public var ladderStep: FiredEscalation? = nil
}
