/// A fix of a wrong detail of a callback (`desk correct`), kept beside the call and the message it came with:
/// they are never updated, so the detail as taken stays in them and in the event log.
public enum Correction: Sendable, Equatable {
    /// The caller's right phone number.
    case phone(PhoneNumber)
    /// The caller's right name.
    case caller(String)
    /// What the callback's latest message should have said, noted beside its words.
    case messageNote(String)

    /// The field as `corrections.field` and the event log store it.
    public var field: String {
        switch self {
        case .phone: "phone"
        case .caller: "caller"
        case .messageNote: "message_note"
        }
    }

    /// The corrected value as stored (a phone number in E.164).
    var stored: String {
        switch self {
        case .phone(let number): number.e164
        case .caller(let name): name
        case .messageNote(let note): note
        }
    }
}
