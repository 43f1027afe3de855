import Foundation
import MessageDesk

/// Writes to stdout and stderr, and ends the run when stdout cannot take what a command prints.
enum Output {
    /// Prints `text` on stdout; if it cannot be written, says so and exits (see `outputFailed`).
    static func print(_ text: String) {
        if let failure = StandardStream.output.write(text) { outputFailed(failure) }
    }

    static func line(_ text: String) {
        print(text + "\n")
    }

    /// Writes `text` on stderr. A failure is ignored: there is nowhere left to say anything, and the
    /// exit code still tells.
    static func error(_ text: String) {
        _ = StandardStream.error.write(text)
    }

    /// Exits after stdout failed with `code`: 141 when the reader of a pipe has gone (what a shell
    /// reports for a death by SIGPIPE, as in `desk log | head`), quietly unless something was saved;
    /// else 74 with one line. Either way the line says when a change was saved before the output
    /// failed, so that nobody makes it twice.
    static func outputFailed(_ code: Int32) -> Never {
        let failure = "could not write the output (\(String(cString: strerror(code))))"
        if let saved = SavedChanges.first {
            error("desk: error: " + TerminalText.sanitized("\(failure); \(saved.savedNotice)") + "\n")
        } else if code != EPIPE {
            error("desk: error: \(failure); nothing was changed — check where the output goes and run it again\n")
        }
        SavedChanges.closeStores()
        exit(code == EPIPE ? 141 : 74)
    }
}
