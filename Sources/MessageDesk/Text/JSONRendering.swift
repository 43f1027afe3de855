/// JSON text from a `JSONValue`: compact or indented, keys in their order, controls and text-reordering
/// characters escaped, everything else raw UTF-8 so that Japanese stays readable.
extension JSONValue {
    /// The JSON text: compact (`{"a":1}`) by default, or indented by two spaces; no trailing newline.
    public func rendered(pretty: Bool = false) -> String {
        // Written as UTF-8 bytes and made a String once: every change writes one or two of these to the log,
        // and appending to a String re-checks its capacity and flags at each piece.
        var output: [UInt8] = []
        output.reserveCapacity(128)
        write(to: &output, pretty: pretty, depth: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], pretty: Bool, depth: Int) {
        func newline(_ depth: Int) {
            guard pretty else { return }
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)   // a small string: no allocation
        case .number(let value): output.append(contentsOf: Self.render(number: value).utf8)
        case .string(let value): Self.write(string: value, to: &output)
        case .array(let items):
            guard !items.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                item.write(to: &output, pretty: pretty, depth: depth + 1)
            }
            newline(depth)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                Self.write(string: key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, pretty: pretty, depth: depth + 1)
            }
            newline(depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Integral values print as integers ("12", not "12.0"); others use Swift's shortest round-trip form.
    static func render(number value: Double) -> String {
        // JSON has no NaN or infinity; null is what JavaScript's JSON.stringify emits too.
        guard value.isFinite else { return "null" }
        // Below 1e15 every integral Double is exact and has no exponent form worth keeping.
        if value == value.rounded(.towardZero) && abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }

    /// Writes a quoted JSON string; controls and text-reordering characters become `\u` escapes.
    private static func write(string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings (times, handles, states) are printable ASCII with nothing to escape: copied whole.
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            output.append(contentsOf: string.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        // Otherwise runs of characters that need no escape are copied whole between the escapes.
        let scalars = string.unicodeScalars
        var clean = scalars.startIndex
        for index in scalars.indices {
            let escape: String
            switch scalars[index].value {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            // Escaped so that `desk ... --json | cat` on a terminal cannot be hijacked either;
            // everything else stays raw UTF-8 so Japanese remains readable.
            case let value where value < 0x20 || value == 0x7F
                || (TerminalText.isHiddenFormat(value) && !TerminalText.joinsEmoji(scalars, at: index)):
                // Beyond U+FFFF (tag characters) JSON wants the UTF-16 surrogate pair, each as a \u escape of four hex digits.
                escape = String(scalars[index]).utf16.map { unit in
                    let hex = String(unit, radix: 16, uppercase: false)
                    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }.joined()
            default:
                continue
            }
            output.append(contentsOf: Substring(scalars[clean..<index]).utf8)
            output.append(contentsOf: escape.utf8)
            clean = scalars.index(after: index)
        }
        output.append(contentsOf: Substring(scalars[clean...]).utf8)
        output.append(UInt8(ascii: "\""))
    }
}
