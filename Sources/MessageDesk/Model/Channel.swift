import Foundation

/// Where a person, or an account's group, is told of a notification: a mail address, an SMS number, or a chat
/// destination. Tokens and secrets are never kept here: a gateway reads them from its own environment.
public struct Channel: Sendable, Equatable {
    /// The kinds of channel a gateway knows.
    public enum Kind: String, Sendable, CaseIterable {
        case mail
        case sms
        /// A Slack incoming webhook URL.
        case slack
        /// A Chatwork room id (the API token is the gateway's).
        case chatwork
        /// A LINE WORKS bot and the user it posts to.
        case lineworks
        /// A Microsoft Teams Workflows webhook URL.
        case teams
        /// Any URL that takes the notification as JSON.
        case webhook
    }

    public let kind: Kind
    /// The mail address, the E.164 number, the URL, the Chatwork room id, or the LINE WORKS user id.
    public let address: String
    /// LINE WORKS only: the bot that posts.
    public let botID: String?

    /// A channel as typed: `arguments` are the address (for LINE WORKS, the bot id then the user id); an SMS
    /// channel with no number takes `mobile`. Each kind's address is checked.
    public init(kind: Kind, arguments: [String], mobile: PhoneNumber?, owner: String) throws(InputError) {
        self.kind = kind
        let words = arguments.map { $0.trimmed }
        func one() throws(InputError) -> String {
            guard words.count == 1, let word = words.first, !word.isEmpty else {
                throw InputError("a \(kind.rawValue) channel takes one address")
            }
            return word
        }
        switch kind {
        case .mail:
            let address = try one()
            guard Self.looksLikeMail(address) else {
                throw InputError("\(InputError.quoted(address)) is not a mail address: give one such as tanaka@example.jp")
            }
            (self.address, botID) = (address, nil)
        case .sms:
            if words.isEmpty {
                guard let mobile else {
                    throw InputError("\(owner) has no mobile number: give the SMS number, e.g. desk staff channel add \(owner) sms 090-1234-5678")
                }
                (address, botID) = (mobile.e164, nil)
            } else {
                (address, botID) = (try PhoneNumber(parsing: try one()).e164, nil)
            }
        case .slack, .teams, .webhook:
            let url = try one()
            guard Self.isDeliverableURL(url) else {
                throw InputError("\(InputError.quoted(url)) is not a \(kind.rawValue) URL: give an https:// URL (http:// only to 127.0.0.1 or localhost)")
            }
            (address, botID) = (url, nil)
        case .chatwork:
            let room = try one()
            guard room.allSatisfy(\.isASCIIDigit) else {
                throw InputError("\(InputError.quoted(room)) is not a Chatwork room id: give the digits after #!rid in the room's URL")
            }
            (address, botID) = (room, nil)
        case .lineworks:
            guard words.count == 2, words.allSatisfy({ Self.isPlainID($0) }) else {
                throw InputError("a lineworks channel takes the bot id and the user id, e.g. desk staff channel add \(owner) lineworks 2000001 tanaka@example")
            }
            (botID, address) = (words[0], words[1])
        }
    }

    /// A channel read back from the store.
    init(stored kind: Kind, address: String, botID: String?) {
        (self.kind, self.address, self.botID) = (kind, address, botID)
    }

    /// One `@` between a non-empty local part and a domain with a dot, no spaces or control characters: the
    /// mail system checks the rest.
    static func looksLikeMail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F }
    }

    /// https:// anywhere; plain http:// only to this host, for tests and local relays.
    static func isDeliverableURL(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
              let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        if scheme == "https" { return true }
        return scheme == "http" && (host == "127.0.0.1" || host == "localhost")
    }

    /// Letters, digits and `@ . _ -`: what bot and user ids are made of.
    static func isPlainID(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "@._-".unicodeScalars.contains($0)) }
    }
}

/// A channel as stored: its id and whose it is.
public struct StoredChannel: Sendable, Equatable {
    public let id: Int
    public let channel: Channel
}
