import Foundation

/// One entry of the append-only event log: who did what, when, and the state before and after.
public struct Event: Sendable, Equatable {
    /// What an event is about.
    public enum Subject: String, Sendable {
        case staff, presence, caller, call, callback, setting
    }

    public let id: Int
    public let at: Date
    /// The handle of the person (or `user:LOGIN` of the account) that made the change.
    public let actor: String
    public let subject: Subject
    public let subjectID: Int
    /// What happened, e.g. `callback.opened`, `callback.joined`, `callback.done`.
    public let kind: String
    /// The changed fields before, as a JSON object; nil for creations.
    public let before: JSONValue?
    /// The changed fields after, as a JSON object.
    public let after: JSONValue?
    public let reason: String?
}
