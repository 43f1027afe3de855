import Foundation
import Testing
@testable import MessageDesk

/// The width tables are generated from Unicode's data (Scripts/generate-display-width.py, Debian's unicode-data).
@Suite struct DisplayWidthTablesTests {
    /// The committed DisplayWidth+Tables.swift must be what the script makes now: run it when this fails.
    @Test func theCommittedTablesAreWhatTheScriptGenerates() throws {
        // Tests/MessageDeskTests/Text/DisplayWidthTablesTests.swift: four levels below the package root.
        let root = (0..<4).reduce(URL(fileURLWithPath: #filePath)) { url, _ in url.deletingLastPathComponent() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [root.appendingPathComponent("Scripts/generate-display-width.py").path, "--stdout"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let generated = out.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(complaint)")
        let committed = try Data(contentsOf: root.appendingPathComponent("Sources/MessageDesk/Text/DisplayWidth+Tables.swift"))
        #expect(generated == committed, "DisplayWidth+Tables.swift is stale: run Scripts/generate-display-width.py")
    }

    @Test func eachTableIsSortedWithoutOverlaps() {
        for table in [DisplayWidth.zeroWidthScalars, DisplayWidth.wideScalars, DisplayWidth.ambiguousScalars] {
            #expect(table.count % 2 == 0)
            #expect(zip(table, table.dropFirst()).enumerated().allSatisfy { index, pair in
                index % 2 == 0 ? pair.0 <= pair.1 : pair.0 + 1 < pair.1
            })
        }
    }

    /// Per code point as terminals count: combining marks and zero-width characters take none, the voicing marks
    /// of half-width kana one, East Asian Wide and Fullwidth two.
    @Test func scalarsTakeTheColumnsTheDataGives() {
        func width(_ value: UInt32, wide: Bool = false) -> Int? {
            Unicode.Scalar(value).map { DisplayWidth.width(of: $0, ambiguousIsWide: wide) }
        }
        #expect(width(0x0301) == 0)  // COMBINING ACUTE ACCENT (Ambiguous, yet a mark)
        #expect(width(0x0301, wide: true) == 0)
        #expect(width(0x20DD) == 0)  // COMBINING ENCLOSING CIRCLE
        #expect(width(0x200B) == 0)  // ZERO WIDTH SPACE
        #expect(width(0x3099) == 0)  // COMBINING KATAKANA-HIRAGANA VOICED SOUND MARK
        #expect(width(0xFF9E) == 1 && width(0xFF9F) == 1)  // ﾞ ﾟ
        #expect(width(0xFF76) == 1)  // ｶ
        #expect(width(0x30AB) == 2 && width(0xFF21) == 2)  // カ Ａ
        #expect(width(0x3400) == 2 && width(0x2A6DF) == 2 && width(0x3FFFD) == 2)  // ideographs, planes 2 and 3
        #expect(width(0x1F600) == 2)  // 😀 (Wide since Unicode 9)
        #expect(width(0x2460) == 1 && width(0x2460, wide: true) == 2)  // ① Ambiguous
        #expect(DisplayWidth.of("ｶﾌﾞｼｷｶﾞｲｼｬ") == 10)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }
}
