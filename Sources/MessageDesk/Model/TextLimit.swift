/// The most text each field people type may hold, so that one pasted file cannot make every later list slow
/// (a 64 MiB message made each `desk callbacks` take 5.75 s).
///
/// Lengths are counted in Unicode scalars — what SQLite's `length()` counts for text, and what a person
/// counts as characters in Japanese; a combining mark counts as one. Byte counts would give Japanese a third of
/// the room of English, and grapheme clusters have no bound on their size.
public enum TextLimit: Sendable, CaseIterable {
    /// The caller's words (`--message`, the form's message).
    case message
    /// The caller's name (`--caller`).
    case callerName
    /// The caller's company (`--company`).
    case company
    /// A member of staff's display name (`staff add/edit --name`).
    case staffName
    /// A failed attempt's note (`attempt --note`).
    case attemptNote
    /// What was agreed when a callback is done (`done --note`).
    case closingNote
    /// Why a callback is cancelled, reassigned or escalated (`--reason`).
    case reason
    /// A presence's note for the operator (`away --note`).
    case presenceNote
    /// A setting's value (`config set KEY VALUE`).
    case settingValue
    /// An account's name, greeting, reading or alias (`account add/set`).
    case accountName
    /// An account's operator notes (`account add/set --notes`).
    case accountNotes

    /// The most Unicode scalars the field may hold.
    public var maximum: Int {
        switch self {
        case .message: 4000
        case .callerName, .company, .staffName, .accountName: 200
        case .attemptNote, .closingNote, .reason, .presenceNote, .settingValue: 1000
        case .accountNotes: 4000
        }
    }

    /// The field as error messages name it.
    public var field: String {
        switch self {
        case .message: "the message"
        case .callerName: "the caller's name"
        case .company: "the company"
        case .staffName: "the name"
        case .attemptNote: "the attempt's note"
        case .closingNote: "the closing note"
        case .reason: "the reason"
        case .presenceNote: "the presence note"
        case .settingValue: "the value"
        case .accountName: "the account's text"
        case .accountNotes: "the operator notes"
        }
    }

    /// The length of `text` in Unicode scalars when it is over the limit; nil when it fits.
    public func excess(_ text: String) -> Int? {
        // No more bytes than the limit means no more scalars: the common case is not counted.
        guard text.utf8.count > maximum else { return nil }
        let count = text.unicodeScalars.count
        return count > maximum ? count : nil
    }

    /// Refuses `text` (bad input, nothing stored) when it is over the limit; nil fits.
    public func check(_ text: String?) throws(DeskError) {
        guard let text, let count = excess(text) else { return }
        throw DeskError(.badInput, "\(field) is \(count) characters long; the limit is \(maximum): shorten it")
    }
}
