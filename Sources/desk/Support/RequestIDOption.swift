import ArgumentParser
import MessageDesk

/// `--request-id` as typed: a usage error (64) when it breaks the rules.
enum RequestIDOption {
    static func parse(_ text: String) throws -> RequestID {
        do {
            return try RequestID(text)
        } catch {
            throw ValidationError("--request-id must be \(RequestID.rules) (a UUID fits)")
        }
    }
}
