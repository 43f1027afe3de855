import Foundation

/// One submission of a message with a request id: a retry with the same id (after a timeout, a kill after
/// the commit, an exit 75) gets the first result back instead of recording the call again.
public struct Submission: Sendable, Equatable {
    /// The client's key for the request.
    public let id: RequestID
    /// What the request said, hashed: the same id with other content is refused, not answered.
    public let fingerprint: String

    public init(id: RequestID, fingerprint: String) {
        self.id = id
        self.fingerprint = fingerprint
    }

    /// How long a request id is remembered: a retry comes within minutes; after 30 days the id may name a
    /// new request (the call and its events are kept for ever, only the id's record goes).
    public static let retention: TimeInterval = 30 * 24 * 3600
}

/// A key for one request, chosen by the client (`desk log --request-id`) or by the form when it starts.
public struct RequestID: Sendable, Equatable, CustomStringConvertible {
    /// The rules, as told to a person who broke them: short, printable, safe in a shell and in a log line.
    public static let rules = "1 to 128 characters of A-Z a-z 0-9 . _ : -"

    public let text: String

    public init(_ text: String) throws(InputError) {
        let allowed = { (byte: UInt8) in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
                 UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
        guard (1...128).contains(text.utf8.count), text.utf8.allSatisfy(allowed) else {
            throw InputError("a request id must be \(Self.rules) (a UUID fits)")
        }
        self.text = text
    }

    /// A random version-4 UUID in lowercase: the form's own key, made once when it starts.
    public static func random(using generator: inout some RandomNumberGenerator) -> RequestID {
        var bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
        bytes[8] = bytes[8] & 0x3F | 0x80  // the RFC 9562 variant
        let digits = Array("0123456789abcdef")
        let hex = bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }
        let text = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
        // Hex digits and hyphens, 36 characters: always within the rules.
        return RequestID(checked: text)
    }

    private init(checked text: String) {
        self.text = text
    }

    public var description: String { text }
}

/// What a submission printed the first time, in both forms, kept with its request id so that a retry
/// prints exactly that — whether or not it asks for JSON, and whatever has happened to the callback since.
public struct SubmissionReceipt: Sendable, Equatable {
    /// The operator's lines, joined with newlines.
    public let text: String
    /// The JSON form.
    public let json: String

    public init(text: String, json: String) {
        self.text = text
        self.json = json
    }
}

extension NewMessage {
    /// The fingerprint of this message as a request by `actor`: SHA-256 over every field (`Submission.fingerprint`).
    ///
    /// - Parameter window: the caller's window as typed (`+2h`, `17:00`), so that a retry a minute later is the
    ///   same request although the times it resolves to have moved; nil to use the resolved times.
    public func fingerprint(actor: String, window: (notBefore: String?, notAfter: String?)? = nil) -> String {
        var fields: [(String, String?)] = [
            ("request", "message.v1"), ("actor", actor), ("for", forHandle), ("caller", callerName),
            ("phone", phone.e164), ("company", company), ("body", body), ("urgent", String(urgent)),
            ("wants", wants.rawValue),
            ("not_before", window.map { $0.notBefore } ?? notBefore.map(Timestamp.format)),
            ("not_after", window.map { $0.notAfter } ?? notAfter.map(Timestamp.format)),
            ("new_contact", String(newContact)), ("operator", operatorHandle), ("tried_mobile", String(triedMobile)),
            ("decision", buyer.decision?.rawValue), ("proceed", buyer.proceed?.rawValue),
            ("order_timing", buyer.orderTiming?.rawValue), ("other_vendors", buyer.otherVendors?.rawValue),
            ("sensitive", String(sensitive)),
        ]
        // Only when given, so that a request made before lines and call ids keeps its fingerprint.
        if let line { fields.append(("line", line.e164)) }
        if let phoneCallID { fields.append(("call_id", phoneCallID)) }
        return Submission.fingerprint(of: fields)
    }
}

extension NewScreenedCall {
    /// The fingerprint of this screened call as a request by `actor` for account `account`, encoded as a
    /// message's is; the account is part of it, so one client's key never answers with another client's call.
    public func fingerprint(actor: String, account: String) -> String {
        Submission.fingerprint(of: [
            ("request", "screened.v1"), ("actor", actor), ("account", account), ("outcome", outcome.rawValue),
            ("phone", phone?.e164), ("operator", operatorHandle), ("note", note),
        ])
    }
}

extension Submission {
    /// SHA-256 over `fields`, each named and length-prefixed so that no two different requests encode alike.
    static func fingerprint(of fields: [(String, String?)]) -> String {
        let encoded = fields.map { name, value in
            "\(name)=" + (value.map { "\($0.utf8.count):\($0)" } ?? "-") + "\n"
        }.joined()
        return SHA256.hex(Array(encoded.utf8))
    }
}
