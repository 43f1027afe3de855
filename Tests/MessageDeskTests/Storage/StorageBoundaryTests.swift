import Foundation
import Testing

/// The layers of the storage seam, checked on the source text: SQL is written only by the store
/// (`Sources/MessageDesk/Store`) and the storage layer (`Sources/DeskStorage`, the migrations included), and
/// the store does not reach into the backups, which are built on it.
@Suite struct StorageBoundaryTests {
    /// Tests/MessageDeskTests/Storage/StorageBoundaryTests.swift: four levels below the package root.
    static let root = (0..<4).reduce(URL(fileURLWithPath: #filePath)) { url, _ in url.deletingLastPathComponent() }

    /// What SQL looks like in a string literal: a statement's first words, or SQLite's own catalogue.
    static var sqlPattern: Regex<(Substring, Substring, Substring?, Substring?, Substring?)> { #/\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER)|DROP\s+TABLE|PRAGMA\s|BEGIN\s+(IMMEDIATE|DEFERRED)|sqlite_(schema|master|sequence))/# }

    @Test func noSQLOutsideTheStoreAndTheStorageLayer() throws {
        let allowed = ["Sources/MessageDesk/Store/", "Sources/DeskStorage/"]
        var found: [String] = []
        for file in try Self.swiftFiles(under: "Sources") where !allowed.contains(where: file.hasPrefix) {
            for (number, literal) in try Self.stringLiterals(in: file) where literal.contains(Self.sqlPattern) {
                found.append("\(file):\(number): \(literal)")
            }
        }
        #expect(found == [], "SQL belongs in a store file or an engine operation: \(found.joined(separator: "\n"))")
    }

    /// The check finds what it looks for: SQL in a literal, on one line or in a multi-line one, and not in comments.
    @Test func theSQLCheckFindsSQLInLiteralsOnly() {
        let text = """
            // SELECT in a comment is prose
            let a = "SELECT id FROM events"
            let b = \"\"\"
                INSERT INTO events (at) VALUES (?)
                \"\"\"
            let c = "select the number you want"
            """
        let literals = Self.stringLiterals(inText: text).map(\.1)
        #expect(literals.filter { $0.contains(Self.sqlPattern) }
                == ["SELECT id FROM events", "    INSERT INTO events (at) VALUES (?)"])
    }

    @Test func theStoreUsesNothingTheBackupsDeclare() throws {
        let declaration = try Regex(#"^\s*(public |package |private |fileprivate )?(final )?(struct|enum|class|protocol) (\w+)"#)
        var names: Set<String> = []
        for file in try Self.swiftFiles(under: "Sources/MessageDesk/Backup") {
            for line in try Self.lines(of: file) {
                if let match = line.firstMatch(of: declaration), let name = match.output[4].substring {
                    names.insert(String(name))
                }
            }
        }
        #expect(names.contains("DeskBackup"))
        var found: [String] = []
        for file in try Self.swiftFiles(under: "Sources/MessageDesk/Store") {
            for (number, line) in try Self.lines(of: file).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let words = Set(code.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init))
                for name in words.intersection(names).sorted() { found.append("\(file):\(number + 1): \(name)") }
            }
        }
        #expect(found == [], "the store must not use the backups (they are built on it): \(found.joined(separator: "\n"))")
    }

    // MARK: - Reading the sources

    static func swiftFiles(under folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder).path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { "\(folder)/\($0)" }
    }

    static func lines(of file: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func stringLiterals(in file: String) throws -> [(Int, String)] {
        stringLiterals(inText: try lines(of: file).joined(separator: "\n"))
    }

    /// The string literals of Swift source, with their line numbers: each line of a multi-line literal, and
    /// each `"…"` outside comments (raw strings' `#` are ignored: the text between the quotes is what counts).
    static func stringLiterals(inText text: String) -> [(Int, String)] {
        var literals: [(Int, String)] = []
        var inMultiLine = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains("\"\"\"") {
                let opensAndCloses = line.components(separatedBy: "\"\"\"").count - 1
                if opensAndCloses % 2 == 1 { inMultiLine.toggle() }
                continue
            }
            if inMultiLine {
                literals.append((index + 1, String(line)))
                continue
            }
            let code = line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : line
            var current: String?
            var escaped = false
            for c in code {
                if var text = current {
                    if escaped { escaped = false; text.append(c); current = text; continue }
                    if c == "\\" { escaped = true; current = text; continue }
                    if c == "\"" { literals.append((index + 1, text)); current = nil; continue }
                    text.append(c)
                    current = text
                } else if c == "\"" {
                    current = ""
                }
            }
        }
        return literals
    }
}
