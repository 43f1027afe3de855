/// One value bound to a statement's parameter: what every engine stores.
package enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    package init(stringLiteral value: String) { self = .text(value) }
    package init(integerLiteral value: Int64) { self = .integer(value) }
    package init(nilLiteral: ()) { self = .null }
}

extension SQLValue {
    /// A text value, or NULL.
    package static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    /// An integer value.
    package static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }
    /// An integer value, or NULL.
    package static func int(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    /// A boolean as 0 or 1.
    package static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
}
