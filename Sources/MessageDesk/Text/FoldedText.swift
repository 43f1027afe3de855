import Foundation

extension String {
    /// The text as matching compares it: compatibility-composed (full-width ＡＢＣ and half-width ｶﾅ
    /// become ABC and カナ, as an IME may type either), lower-cased, without surrounding whitespace.
    var folded: String {
        precomposedStringWithCompatibilityMapping.lowercased().trimmed
    }
}
