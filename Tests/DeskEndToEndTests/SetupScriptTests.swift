import Foundation
import Testing

/// `Scripts/setup.sh` on a fresh account: a real desk that starts empty, and the simulated week beside it.
@Suite struct SetupScriptTests {
    static let script = repositoryRoot.appendingPathComponent("Scripts/setup.sh").path

    /// Runs the script with `desk` from $DESK (so it builds nothing), HOME and XDG_DATA_HOME in the sandbox and
    /// no DESK_DB. The package check finds SQLite installed (the tests need it too) and installs nothing.
    func setup(_ desk: DeskSandbox) throws -> DeskResult {
        var desk = desk
        desk.extraEnvironment["DESK"] = deskExecutable.path
        // Built before the tests (.ci/run: swift build --product generate-manual), beside desk.
        // SwiftPM names it generate-manual-tool when it was built for the plugin, generate-manual otherwise.
        let folder = deskExecutable.deletingLastPathComponent()
        desk.extraEnvironment["GENERATE_MANUAL"] = ["generate-manual-tool", "generate-manual"]
            .map { folder.appendingPathComponent($0).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? folder.appendingPathComponent("generate-manual").path
        desk.extraEnvironment["DESK_DB"] = ""
        desk.extraEnvironment["XDG_DATA_HOME"] = desk.directory + "/data"
        return try desk.run([], executable: URL(fileURLWithPath: "/bin/bash"), prefix: [Self.script])
    }

    @Test func setupLeavesTheRealDeskEmptyAndSaysWhereTheSimulationWent() throws {
        let desk = try DeskSandbox()
        let real = desk.directory + "/data/messagedesk/desk.sqlite"
        let simulation = desk.directory + "/data/messagedesk/simulation.sqlite"
        for _ in 1...2 {
            let result = try setup(desk)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("\nsimulated desk: \(simulation) (browse it with desk callbacks --db \(simulation); "))
            #expect(result.stdout.contains("\nThe desk is \(real); the simulated week is in \(simulation), not in the desk.\n"))
            #expect(try sqlite(real, "SELECT count(*) FROM staff") == "0\n")
            #expect(try sqlite(real, "SELECT count(*) FROM events") == "0\n")
            #expect(try sqlite(real, "SELECT purpose FROM database_purpose") == "desk\n")
            // bucho, op1, op2 and sp0001…sp0010, once: the second run replaced the first.
            #expect(try sqlite(simulation, "SELECT count(*) FROM staff") == "13\n")
            #expect(try sqlite(simulation, "SELECT purpose FROM database_purpose") == "simulation\n")
            // The man page and the completions, where man and each shell look for a user's own.
            let data = desk.directory + "/data"
            #expect(try String(contentsOfFile: data + "/man/man1/desk.1", encoding: .utf8).contains("\n.Sh NAME\n"))
            for (shell, path) in [("bash", data + "/bash-completion/completions/desk"), ("zsh", data + "/zsh/site-functions/_desk"),
                                  ("fish", desk.directory + "/.config/fish/completions/desk.fish")] {
                #expect(try String(contentsOfFile: path, encoding: .utf8)
                        == desk.ok(["--generate-completion-script", shell]).stdout, "\(path)")
            }
        }
    }
}
