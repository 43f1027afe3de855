import Foundation

/// A scenario file, as `desk simulate --scenario` reads it: a JSON object of parameter names and values, each a
/// number or a string (`{"operators": 3, "hourly-profile": "1/2/1"}`), read by `JSONValue.parse`.
public enum SimulationScenario {
    /// The file's members as `NAME=VALUE` assignments for `SimulationParameter.apply`; see `assignments(in:source:)`.
    /// An unreadable file is an I/O error, a bad one bad input.
    public static func assignments(inFile path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DeskError(.io, "cannot read the scenario file \(path); check the path")
        }
        do {
            return try assignments(in: data, source: path)
        } catch {
            throw DeskError(.badInput, error.message)
        }
    }

    /// The members of the JSON object in `bytes` as `NAME=VALUE`, sorted by name (JSON objects have no order); a
    /// name given twice counts once, with its last value, as JavaScript and Python read it. `source` names the
    /// text in errors. A leading byte order mark is ignored, as RFC 8259 §8.1 allows.
    public static func assignments(in bytes: Data, source: String) throws(InputError) -> [String] {
        let notAnObject = InputError("\(source) is not a JSON object of parameter names and values, e.g. {\"operators\": 3}")
        guard var text = String(bytes: bytes, encoding: .utf8) else { throw notAnObject }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw notAnObject
        }
        guard case .object(let members) = document else { throw notAnObject }
        var values: [String: JSONValue] = [:]
        for (name, value) in members { values[name] = value }
        return try values.sorted { $0.key < $1.key }.map { name, value throws(InputError) in
            "\(name)=\(try parameterText(value, named: name, in: source))"
        }
    }

    /// The value as a parameter's text: a string as it is, a number as JSON writes it (3.0 is 3).
    private static func parameterText(_ value: JSONValue, named name: String, in source: String) throws(InputError) -> String {
        let quoted = JSONValue.string(name).rendered()
        let what: String
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .number(let number):
            // Beyond 2^53 a double no longer holds every integer: the digits written are not the number read.
            guard number == number.rounded(), abs(number) >= 0x1p53 else { return JSONValue.number(number).rendered() }
            throw InputError("\(source): \(quoted) is \(JSONValue.number(number).rendered()), too large to read exactly; "
                + "write it as a string, e.g. {\"seed\": \"18446744073709551615\"}")
        case .bool(let flag): what = flag ? "true" : "false"
        case .null: what = "null"
        case .array: what = "an array"
        case .object: what = "an object"
        }
        throw InputError("\(source): \(quoted) is \(what); a scenario gives each parameter a number or a string, e.g. {\"operators\": 3}")
    }
}
