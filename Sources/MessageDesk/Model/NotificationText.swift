import Foundation

/// What a notification says: a subject of one line, a summary, and the body a gateway sends. A sensitive
/// message's notification says only that a message exists (its words, the caller and the number stay in the desk,
/// for `desk show`).
struct NotificationText {
    let subject: String
    let summary: String
    let body: String

    init(callback: CallbackRequest, kind: OutboxNotification.Kind, reason: String, recipientName: String, due: String) {
        let urgent = callback.urgent ? "URGENT " : ""
        let masked = "a message (sensitive) — see desk show \(callback.id)"
        let company = callback.caller.company.map { " (\($0))" } ?? ""
        let from = callback.sensitive ? "" : " from \(callback.caller.name)\(company)"
        let what: String = switch kind {
        case .message: "message\(from) for \(recipientName)"
        case .renotify: "not acknowledged yet: message\(from) for \(recipientName)"
        case .reminder: "reminder: your callback\(from)"
        case .escalation: "escalation: callback owed by \(callback.owner) (\(callback.ownerName))"
        }
        subject = Self.oneLine("[MessageDesk] \(urgent)#\(callback.id) \(what)")
        let said = "\(callback.caller.name)\(callback.caller.company.map { " (\($0), " } ?? " (")\(callback.caller.phone.national)): "
            + callback.latestMessage
        switch kind {
        case .message, .renotify:
            summary = callback.sensitive ? masked : said
            let lead = kind == .renotify ? "Not acknowledged yet (\(reason)). " : ""
            body = urgent + lead + (callback.sensitive ? masked : "\(said)\nDue \(due). Details: desk show \(callback.id)")
        case .reminder, .escalation:
            let company = callback.caller.company.map { ", \($0)" } ?? ""
            let role = kind == .reminder ? "your callback" : "callback owed by \(callback.owner) (\(callback.ownerName))"
            body = "[MessageDesk] \(urgent)#\(callback.id) \(role): call \(callback.caller.name)\(company) "
                + "at \(callback.caller.phone.national), due \(due). Why: \(reason). Details: desk show \(callback.id)"
            summary = callback.sensitive ? masked : body
        }
    }

    /// Line breaks and other control characters become spaces: a subject is one header line.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : $0 }))
    }
}
