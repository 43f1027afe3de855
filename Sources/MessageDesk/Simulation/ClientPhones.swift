import Foundation

/// Each simulated client's phone number, made and parsed once: there are at most salespeople × clients of them.
struct ClientPhones {
    private var parsed: [Int: PhoneNumber] = [:]

    /// The number of client `client` (counted over all salespeople): 03-NNNN-NNNN.
    mutating func number(ofClient client: Int) throws -> PhoneNumber {
        if let phone = parsed[client] { return phone }
        let phone = try PhoneNumber(parsing: String(format: "03-%04d-%04d", 1_000 + client / 10_000, client % 10_000))
        parsed[client] = phone
        return phone
    }
}
