public extension Character {
    /// 0–9 only (not other scripts' digits, which `isNumber` would accept); shared by the phone and time parsers.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
