/// The short names typed on the command line (a staff handle, an account code): up to 32 lower-case ASCII letters,
/// digits and a few marks, starting with a letter.
enum ShortName {
    static func isValid(_ text: String, marks: Set<Unicode.Scalar>) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.unicodeScalars.count <= 32 else {
            return false
        }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || marks.contains($0) }
    }
}
