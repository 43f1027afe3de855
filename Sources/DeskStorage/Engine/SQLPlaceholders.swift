/// The parameters of a statement written with SQLite's `?` and `?NNN`, numbered as SQLite numbers them, for
/// a dialect that writes them as `$1`, `$2`, …: "A question mark that is not followed by a number creates a
/// parameter with a number one greater than the largest parameter number already assigned" (lang_expr.html).
/// A `?` inside a string literal ('…'), a quoted name ("…") or a comment is not a parameter.
enum SQLPlaceholders {
    static func numbered(_ sql: String, prefix: String) -> String {
        let text = Array(sql.unicodeScalars)
        var out = String.UnicodeScalarView()
        var largest = 0
        var i = 0
        /// Copies from `i` up to and including the end of `terminator` (or the end of the text).
        func copy(through terminator: [Unicode.Scalar], from start: Int) {
            var j = start
            while j < text.count {
                if j + terminator.count <= text.count, Array(text[j..<(j + terminator.count)]) == terminator {
                    j += terminator.count
                    break
                }
                j += 1
            }
            out.append(contentsOf: text[i..<j])
            i = j
        }
        while i < text.count {
            let c = text[i]
            let next: Unicode.Scalar? = i + 1 < text.count ? text[i + 1] : nil
            switch c {
            case "'", "\"":
                // A doubled quote inside ends this run and opens the next at once: the same text.
                copy(through: [c], from: i + 1)
            case "-" where next == "-":
                copy(through: ["\n"], from: i + 2)
            case "/" where next == "*":
                copy(through: ["*", "/"], from: i + 2)
            case "?":
                var j = i + 1
                while j < text.count, ("0"..."9").contains(text[j]) { j += 1 }
                let number = j > i + 1 ? Int(String(String.UnicodeScalarView(text[(i + 1)..<j]))) ?? 0 : largest + 1
                largest = max(largest, number)
                out.append(contentsOf: (prefix + String(number)).unicodeScalars)
                i = j
            default:
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }
}
