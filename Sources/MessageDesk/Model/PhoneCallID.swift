/// The phone system's own id for a call (Asterisk's `${UNIQUEID}`, FreeSWITCH's uuid): kept as given, so it must
/// be printable ASCII without spaces, at most 128 characters (migration 0010 checks the same).
public enum PhoneCallID {
    public static let maximumLength = 128

    /// `text` when it is a well-formed call id; else bad input saying what is wrong.
    public static func checked(_ text: String) throws -> String {
        guard !text.isEmpty else { throw DeskError(.badInput, "--call-id is empty; give the phone system's id for the call, e.g. --call-id 1700000000.42") }
        guard text.unicodeScalars.count <= maximumLength else {
            throw DeskError(.badInput, "--call-id is \(text.unicodeScalars.count) characters long; the limit is \(maximumLength)")
        }
        guard text.unicodeScalars.allSatisfy({ ("!"..."~").contains($0) }) else {
            throw DeskError(.badInput, "--call-id may hold printable ASCII only, without spaces (e.g. 1700000000.42)")
        }
        return text
    }
}
