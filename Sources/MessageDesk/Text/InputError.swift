/// Input a person typed that the desk cannot use; `message` is one line saying what was wrong and how to fix it.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One line: what was wrong, and how to fix it.
    public let message: String

    /// Wraps a ready-made one-line message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message itself, so `"\(error)"` is what the user reads.
    public var description: String { message }

    /// Quotes what the user typed for an error message, keeping the message on one line.
    ///
    /// Typed text is untrusted: control characters (newlines, ESC) are shown escaped so they can
    /// neither break the line nor reach the terminal, and very long input is shortened.
    static func quoted(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 80 {
                out += "…"
                break
            }
            if scalar.properties.generalCategory == .control {
                out += scalar.escaped(asASCII: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return "'\(out)'"
    }
}
