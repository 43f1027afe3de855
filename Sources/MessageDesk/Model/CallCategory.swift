/// What a call was, for the usage an answering service bills: a message taken (today's only kind of call that
/// opens a callback), or one of the calls that leave none.
///
/// The raw values are stored (`screened_calls.outcome`, `account_plans.billable`, events): never rename one.
public enum CallCategory: String, CaseIterable, Sendable, Comparable {
    case message
    /// A sales call declined (営業電話).
    case sales
    case wrongNumber = "wrong_number"
    /// A silent call (無言): the caller said nothing, and may have withheld the number.
    case silent
    case spam
    case test
    /// A call from a number on the account's block list.
    case blocked

    /// The name on the command line: `wrong-number`.
    public var argument: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    /// Reads a category as typed: `wrong-number` or `wrong_number`.
    public init?(argument: String) {
        self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_"))
    }

    public static func < (a: CallCategory, b: CallCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!  // both are cases
    }
}
