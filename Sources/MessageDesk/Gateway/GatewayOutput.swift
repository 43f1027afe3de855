/// What a gateway printed (stdout and stderr together, in order), up to a cap.
///
/// A gateway's output is for diagnosis, and a broken one can print without end (450 MB were seen):
/// only the first `limit` bytes are kept, the rest is counted and thrown away, and the pipe is
/// drained all the while so the gateway never blocks on it.
public struct GatewayOutput: Sendable, Equatable {
    /// How much is kept: enough for any error message, too little to flood a terminal or a log.
    public static let limit = 4096

    /// The first bytes, at most `limit`.
    public private(set) var kept: [UInt8] = []
    /// How many bytes the gateway printed in all.
    public private(set) var total = 0

    public init() {}

    /// How many bytes were thrown away.
    public var dropped: Int { total - kept.count }

    /// Takes the next bytes the gateway printed.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        total += bytes.count
        let room = Self.limit - kept.count
        if room > 0 { kept += bytes.prefix(room) }
    }

    /// The kept lines, each made safe for a terminal (`TerminalText`); a last line cut by the cap ends
    /// at the last whole character rather than in a broken one.
    public var lines: [String] {
        var bytes = kept[...]
        if dropped > 0 {
            // Continuation bytes (10xxxxxx) at the end, and the lead byte that says how many there should be.
            var lead = bytes.endIndex
            while lead > bytes.startIndex && bytes.endIndex - lead < 3 && bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
            if lead > bytes.startIndex && bytes[lead - 1] >= 0xC0 {
                let length = bytes[lead - 1] >= 0xF0 ? 4 : bytes[lead - 1] >= 0xE0 ? 3 : 2
                if bytes.endIndex - (lead - 1) < length { bytes = bytes[..<(lead - 1)] }
            }
        }
        // Split as bytes: as Characters, "\r\n" is one that is not "\n".
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { TerminalText.sanitized(String(decoding: $0, as: UTF8.self)) }
    }

    /// The first line that says something, cut to `length` characters: what the stored error quotes.
    func firstLine(length: Int = 200) -> String? {
        guard let line = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        return line.count > length ? String(line.prefix(length)) + "…" : line
    }
}
