import Foundation
import MessageDesk
import Testing

/// `desk simulate --scenario FILE`: a JSON object of parameter names and values, read by the library's one JSON
/// parser. Each bad file is one line on stderr and a sysexits code; a good one sets the parameters it names.
@Suite struct ScenarioFileTests {
    let desk: DeskSandbox

    init() throws { desk = try DeskSandbox() }

    /// Writes `bytes` to a scenario file in the sandbox and returns its path.
    func scenario(_ bytes: [UInt8], name: String = "scenario.json") throws -> String {
        let path = desk.directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func scenario(_ text: String, name: String = "scenario.json") throws -> String {
        try scenario(Array(text.utf8), name: name)
    }

    func simulate(_ path: String) throws -> DeskResult {
        try desk.run(["simulate", "--db", ":memory:", "--salespeople", "2", "--scenario", path, "--json"])
    }

    /// The parameters a good file set, as the JSON report shows them.
    func parameters(_ path: String) throws -> JSONValue? {
        let result = try simulate(path)
        #expect(result.status == 0 && result.stderr == "", "\(result)")
        return try JSONValue.parse(result.stdout)["parameters"]
    }

    @Test func aBooleanIsRefusedNotReadAsOneOrZero() throws {
        // Issue 18: `true` was read as 1 and `false` as 0.
        for literal in ["true", "false"] {
            let path = try scenario(#"{"days": 1, "operators": \#(literal)}"#)
            let result = try simulate(path)
            #expect(result.status == 65)
            #expect(result.stdout == "")
            #expect(result.stderr == #"desk: error: \#(path): "operators" is \#(literal); a scenario gives each parameter a number or a string, e.g. {"operators": 3}"# + "\n")
        }
    }

    @Test func nullArraysAndObjectsAreRefusedByWhatTheyAre() throws {
        // They were shown as Swift's `Optional(<null>)`, `Optional([1])`, `Optional(["a": 1])`.
        for (value, what) in [("null", "null"), ("[1]", "an array"), (#"{"a": 1}"#, "an object")] {
            let path = try scenario(#"{"days": \#(value)}"#)
            let result = try simulate(path)
            #expect(result.status == 65)
            #expect(result.stderr == #"desk: error: \#(path): "days" is \#(what); a scenario gives each parameter a number or a string, e.g. {"operators": 3}"# + "\n")
        }
    }

    @Test func aNumberTooLargeToBeExactIsRefusedWithTheStringFormSuggested() throws {
        let path = try scenario(#"{"days": 1, "seed": 18446744073709551615}"#)
        let result = try simulate(path)
        #expect(result.status == 65)
        #expect(result.stderr == #"desk: error: \#(path): "seed" is 1.8446744073709552e+19, too large to read exactly; write it as a string, e.g. {"seed": "18446744073709551615"}"# + "\n")
        let written = try scenario(#"{"days": 1, "seed": "18446744073709551615"}"#, name: "string.json")
        #expect(try parameters(written)?["seed"] == .number(0x1p64))   // the report shows the seed as a JSON number
    }

    @Test func numbersAndStringsSetTheirParameters() throws {
        // 3.0 and 3e0 are the JSON number 3 (they were refused as "operators=3.0"); a repeated name keeps its last value.
        let path = try scenario(#"{"days": 1, "operators": 3.0, "office-fallback": 7e-1, "hourly-profile": "1/2", "operators": 3e0}"#)
        let set = try parameters(path)
        #expect(set?["operators"] == .int(3))
        #expect(set?["office-fallback"] == .number(0.7))
        #expect(set?["hourly-profile"] == .string("1/2"))
        #expect(set?["days"] == .int(1))
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let path = try scenario([0xEF, 0xBB, 0xBF] + Array(#"{"days": 1, "operators": 4}"#.utf8))
        #expect(try parameters(path)?["operators"] == .int(4))
    }

    @Test func whatIsNotAJSONObjectIsRefusedAsBefore() throws {
        let texts: [[UInt8]] = [
            [], Array("[1]".utf8), Array(#""days""#.utf8), Array(#"{"days": 1E400}"#.utf8), Array(#"{"days": 01}"#.utf8),
            Array(#"{"days": 1} x"#.utf8), [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D],   // {"\xFF":1}: not UTF-8
            // Not JSON, though the old parser took it: a trailing comma.
            Array(#"{"days": 1,}"#.utf8),
        ]
        for (index, bytes) in texts.enumerated() {
            let path = try scenario(bytes, name: "bad\(index).json")
            let result = try simulate(path)
            #expect(result.status == 65, "\(index)")
            #expect(result.stderr == #"desk: error: \#(path) is not a JSON object of parameter names and values, e.g. {"operators": 3}"# + "\n",
                    "\(index)")
        }
    }

    @Test func unknownNamesAndBadValuesAreTheParametersOwnErrors() throws {
        let unknown = try simulate(try scenario(#"{"nope": 1}"#, name: "unknown.json"))
        #expect(unknown.status == 65)
        #expect(unknown.stderr == "desk: error: no simulation parameter 'nope'; see `desk simulate --help` for the list\n")
        let negative = try simulate(try scenario(#"{"days": -1}"#, name: "negative.json"))
        #expect(negative.status == 65)
        #expect(negative.stderr == "desk: error: days=-1 is not allowed: business days simulated (assumption)\n")
    }

    @Test func anUnreadableFileIsAnIOError() throws {
        for path in [desk.directory + "/missing.json", desk.directory] {
            let result = try simulate(path)
            #expect(result.status == 74)
            #expect(result.stderr == "desk: error: cannot read the scenario file \(path); check the path\n")
        }
    }
}
