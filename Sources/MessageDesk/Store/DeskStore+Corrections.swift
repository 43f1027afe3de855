import DeskStorage
import Foundation

extension DeskStore {
    /// Fixes wrong details of callback `id` without rewriting what was taken: each fix is a row of `corrections`
    /// and a `callback.corrected` event (the value shown before → the corrected one), in one transaction. The
    /// callback's reads show the latest correction of each field; the call, the message and the caller on file
    /// keep what the operator typed (the caller record is not changed: the wrong number may be someone else's).
    /// Closed callbacks can be corrected too (a wrong detail stays wrong); a closed account cannot.
    @discardableResult
    public func correct(_ id: Int, _ fixes: [Correction], reason: String?, actor: String,
                        at now: Date) throws -> CallbackRequest {
        let reason = reason.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        try TextLimit.reason.check(reason)
        for fix in fixes {
            switch fix {
            case .phone: break
            case .caller(let name):
                guard !name.trimmed.isEmpty else { throw DeskError(.badInput, "--caller is empty: give the caller's right name") }
                try TextLimit.callerName.check(name.trimmed)
            case .messageNote(let note):
                guard !note.trimmed.isEmpty else {
                    throw DeskError(.badInput, "--message-note is empty: say what the message should have said")
                }
                try TextLimit.message.check(note.trimmed)
            }
        }
        return try write {
            let before = try requireCallbackInScope(id)
            try refuseIfClosed(before.accountID)
            let at = try stamp(ofCallback: id, now)
            let latestMessage = try database.scalarInt("SELECT max(id) FROM messages WHERE callback_id = ?", [.int(id)])
            for fix in fixes {
                let (old, new): (String?, String) = switch fix {
                case .phone(let number): (before.caller.phone.e164, number.e164)
                case .caller(let name): (before.caller.name, name.trimmed)
                case .messageNote(let note): (try messageNote(ofMessage: latestMessage), note.trimmed)
                }
                guard old != new else {
                    let shown = if case .phone(let number) = fix { number.national } else { new }
                    throw DeskError(.badInput, "callback #\(id) already has \(shown) as its \(Self.spoken(fix)); nothing to correct")
                }
                let messageID: Int? = if case .messageNote = fix { latestMessage } else { nil }
                try database.execute("""
                    INSERT INTO corrections (callback_id, message_id, field, before, after, at, actor, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.int(id), .int(messageID), .text(fix.field), .text(old), .text(new), .text(Timestamp.format(at)),
                          .text(actor), .text(reason)])
                // A note's event names its message and never copies words of it: the log is listed, and may be
                // sensitive (as `call.taken` does).
                if let messageID {
                    try appendEvent(.callbackCorrected, id, actor: actor, at: at,
                                    after: .object([("message_note", .int(messageID))]), reason: reason)
                } else {
                    try appendEvent(.callbackCorrected, id, actor: actor, at: at,
                                    before: .object([(fix.field, old.map(JSONValue.string) ?? .null)]),
                                    after: .object([(fix.field, .string(new))]), reason: reason)
                }
            }
            return try requireCallback(id)
        }
    }

    /// The latest note a correction gave message `id`, if any.
    private func messageNote(ofMessage id: Int?) throws -> String? {
        guard let id else { return nil }
        return try database.statement(
            "SELECT after FROM corrections WHERE message_id = ? AND field = 'message_note' ORDER BY id DESC LIMIT 1"
        ).first([.int(id)]) { try $0.string(0) }
    }

    /// What a fix corrects, in words for an error.
    private static func spoken(_ fix: Correction) -> String {
        switch fix {
        case .phone: "caller's phone"
        case .caller: "caller's name"
        case .messageNote: "message note"
        }
    }
}
