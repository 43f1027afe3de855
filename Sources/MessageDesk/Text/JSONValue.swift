/// A JSON document whose objects keep their key order, so `--json` output is stable for scripts.
///
/// Equality is JSON equality: object key order counts, and `.int(2) == .number(2.0)`
/// (JSON has one number type, and `.number(2.0)` renders as `2`).
public indirect enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits `Int`.
    case int(Int)
    /// Any other number; non-finite values render as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object as ordered key/value pairs (a dictionary would lose the order).
    case object([(String, JSONValue)])

    /// JSON equality: same structure and key order, numbers compared by value across `.int` and `.number`.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.int(a), .number(b)), let (.number(b), .int(a)): return Int(exactly: b) == a
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of `key` when this is an object (the last one if the key repeats, as JavaScript and Python do); nil otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.0 == key })?.1
    }

    // MARK: Rendering

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

    // MARK: Parsing

    /// Parses one JSON document (RFC 8259, strict: no trailing commas, comments or trailing text).
    public static func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }
}

/// Why a JSON text was rejected, and where.
public struct JSONParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was wrong.
    public let message: String
    /// Byte offset into the UTF-8 text where the problem was found.
    public let offset: Int

    /// Creates an error for `message` at byte `offset`.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// "message at byte N".
    public var description: String { "\(message) at byte \(offset)" }
}

/// Recursive-descent parser over UTF-8 bytes (offsets in errors are byte offsets).
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0
    var depth = 0

    /// Untrusted input like "[[[[…" would otherwise overflow the stack.
    static let maximumDepth = 512

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(message: message, offset: offset ?? position)
    }

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw error("unexpected text after the JSON value") }
        return value
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    mutating func parseValue() throws -> JSONValue {
        guard let byte = current else { throw error("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character, expected a value")
        }
    }

    mutating func expectLiteral(_ literal: String) throws {
        let start = position
        for expected in literal.utf8 {
            guard current == expected else { throw error("invalid literal, expected \(literal)", at: start) }
            position += 1
        }
    }

    mutating func enterContainer() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
    }

    mutating func parseObject() throws -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        position += 1  // {
        skipWhitespace()
        var members: [(String, JSONValue)] = []
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            // Also where a trailing comma (`{"a":1,}`) is caught.
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
            position += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    mutating func parseArray() throws -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        position += 1  // [
        skipWhitespace()
        var items: [JSONValue] = []
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    mutating func parseString() throws -> String {
        let start = position
        position += 1  // opening quote
        var buffer: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                // The bytes came from a Swift String (valid UTF-8) plus our own encodings.
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0x00..<0x20:
                throw error("unescaped control character in a string")
            default:
                buffer.append(byte)
                position += 1
            }
        }
    }

    mutating func parseEscape(into buffer: inout [UInt8]) throws {
        let start = position
        position += 1  // backslash
        guard let byte = current else { throw error("unterminated string", at: start) }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800...0xDBFF).contains(code) {
                // Characters outside the BMP arrive as a UTF-16 surrogate pair: \uD83D\uDE00.
                guard current == UInt8(ascii: "\\"),
                    position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("high surrogate without a following low surrogate", at: start) }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("high surrogate without a following low surrogate", at: start)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("low surrogate without a preceding high surrogate", at: start)
            }
            // Surrogates were handled above, so this scalar is always valid.
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape", at: start) }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw error("invalid escape sequence", at: start)
        }
    }

    mutating func parseHex4() throws -> UInt32 {
        let start = position
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw error("incomplete \\u escape", at: start) }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            code = code << 4 | digit
            position += 1
        }
        return code
    }

    mutating func parseNumber() throws -> JSONValue {
        let start = position
        var isInteger = true
        if current == UInt8(ascii: "-") { position += 1 }
        // JSON forbids leading zeros: "0" stands alone, so "01" fails as trailing text.
        if current == UInt8(ascii: "0") {
            position += 1
        } else {
            try skipDigits()
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            try skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            try skipDigits()
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else {
            throw error("number out of range", at: start)
        }
        return .number(value)
    }

    /// One or more digits, as every digit run in the JSON number grammar requires.
    mutating func skipDigits() throws {
        guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
            throw error("expected a digit")
        }
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            position += 1
        }
    }
}

// MARK: Literals

extension JSONValue: ExpressibleByStringLiteral {
    /// A `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// An `.int` from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A `.number` from a literal.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// A `.bool` from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An `.array` from a literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// An `.object` keeping the literal's key order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}
