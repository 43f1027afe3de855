/// Which messages are sensitive besides those the operator marks: the office's keywords
/// (`sensitive_keywords`), found in a message's words whatever their case or width, so ＳＡＬＡＲＹ
/// matches the keyword salary and ｿｼｮｳ matches ソショウ.
public struct SensitivityPolicy: Sendable, Equatable {
    /// The keywords as the office wrote them, trimmed, without duplicates; none by default.
    public let keywords: [String]
    /// The keywords as matching compares them.
    private let folded: [String]

    public init(keywords: [String] = []) {
        var seen: Set<String> = []
        self.keywords = keywords.map { $0.trimmed }
            .filter { !$0.isEmpty && seen.insert($0.folded).inserted }
        self.folded = self.keywords.map(\.folded)
    }

    /// The keywords of a setting's value: separated by commas (`,` `，` or `、`, as an IME may type them).
    public static func keywords(in list: String) -> [String] {
        list.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map(String.init)
    }

    /// True when the operator marked the message sensitive or its words contain a keyword.
    public func isSensitive(_ message: NewMessage) -> Bool {
        message.sensitive || matches(message.body)
    }

    /// True when `body` contains one of the keywords.
    public func matches(_ body: String) -> Bool {
        guard !folded.isEmpty else { return false }
        let text = body.folded
        return folded.contains { text.contains($0) }
    }

    /// Equal when the keywords are (the folded forms follow from them).
    public static func == (lhs: SensitivityPolicy, rhs: SensitivityPolicy) -> Bool {
        lhs.keywords == rhs.keywords
    }
}
