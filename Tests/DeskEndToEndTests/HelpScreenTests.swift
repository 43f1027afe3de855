import ArgumentParser
import Foundation
import Testing
@testable import desk

/// Every `desk` help screen, pinned whole as swift-argument-parser's own tests pin theirs: a change to the
/// interface (an option, a default, a wording, the wrapping) is a visible change to a literal here.
@Suite struct HelpScreenTests {
    static let screens = HelpScreen.office + HelpScreen.callbacks + HelpScreen.operations

    /// `desk … --help` and `desk help …` print the screen on stdout, exit 0, and create no database.
    @Test(arguments: screens) func helpScreenIsPinned(_ screen: HelpScreen) throws {
        var desk = try DeskSandbox()
        // Help wraps at the terminal's width; COLUMNS fixes it, as on an 80-column terminal.
        desk.extraEnvironment["COLUMNS"] = "80"
        let expected = DeskResult(status: 0, stdout: screen.text, stderr: "")
        #expect(try desk.run(screen.command + ["--help"]) == expected)
        #expect(try desk.run(["help"] + screen.command) == expected)
        #expect(!FileManager.default.fileExists(atPath: desk.database))
    }

    /// A command added without its screen here fails, and so does a screen for a command that went.
    @Test func everyCommandHasAPinnedScreen() {
        #expect(Set(Self.screens.map(\.command)) == Set(Self.commandPaths(of: Desk.self)))
        #expect(Self.screens.count == Set(Self.screens.map(\.command)).count, "a command is pinned twice")
    }

    /// The paths of `command` and of every subcommand below it, `[]` being `command` itself.
    static func commandPaths(of command: any ParsableCommand.Type) -> [[String]] {
        [[]] + command.configuration.subcommands.flatMap { sub in
            commandPaths(of: sub).map { [sub._commandName] + $0 }
        }
    }
}

/// A command's help screen as `desk` prints it at 80 columns.
struct HelpScreen: Sendable, CustomTestStringConvertible {
    /// The words after `desk`: `["staff", "add"]`; `[]` for `desk` itself.
    let command: [String]
    let text: String

    init(_ command: [String], _ text: String) {
        self.command = command
        self.text = text
    }

    var testDescription: String { (["desk"] + command + ["--help"]).joined(separator: " ") }
}
