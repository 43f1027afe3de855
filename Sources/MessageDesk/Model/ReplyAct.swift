import Foundation

/// What a reply to a notification does to its callback.
public enum ReplyAct: String, Sendable, CaseIterable {
    case acknowledge
    case done

    /// The first words a chat or mail reply may begin with, for each act.
    static let words: [(String, ReplyAct)] = [("了解", .acknowledge), ("ack", .acknowledge), ("done", .done), ("対応済み", .done)]

    /// Reads a reply as a mail system or a chat bridge hands it over: a mail (headers, a blank line, the body with
    /// quoted lines beginning `>`) or a chat message. The act is the first word of the first line that is not
    /// quoted; the code is the first word of the unquoted body that is a code as the notification printed it (eight
    /// upper-case characters), else one in the Subject header. Nil parts were not found.
    public static func read(reply text: String) -> (act: ReplyAct?, code: ReplyCode?) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var subject: String?
        if let blank = lines.firstIndex(of: ""), blank > 0, lines[..<blank].allSatisfy(isHeader) {
            subject = lines[..<blank].first { $0.lowercased().hasPrefix("subject:") }.map { String($0.dropFirst("subject:".count)) }
            lines.removeSubrange(...blank)
        }
        let unquoted = lines.filter { !$0.trimmed.hasPrefix(">") && !$0.trimmed.isEmpty }
        let firstWord = unquoted.first.flatMap { words(of: $0).first }
        let act = firstWord.flatMap { word in Self.words.first { $0.0 == word.lowercased() }?.1 }
        let code = (unquoted.flatMap(words(of:)) + (subject.map(words(of:)) ?? [])).lazy.compactMap(printedCode).first
        return (act, code)
    }

    /// `Name: value` with a header's name, or a folded continuation line.
    private static func isHeader(_ line: String) -> Bool {
        if line.hasPrefix(" ") || line.hasPrefix("\t") { return true }
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
        return line[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// The words of a line, split at spaces and punctuation (ASCII and Japanese).
    private static func words(of line: String) -> [String] {
        line.split { $0.isWhitespace || "\"'.,:;!?()[]<>「」『』、。！？（）".contains($0) }.map(String.init)
    }

    /// A word that is a code exactly as printed: ordinary words of eight letters are not taken for one.
    private static func printedCode(_ word: String) -> ReplyCode? {
        guard let code = ReplyCode(reading: word), code.text == word else { return nil }
        return code
    }
}
