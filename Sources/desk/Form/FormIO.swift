import Foundation
import MessageDesk

/// The operator's side of the form: prompts out, answers in, one line at a time.
///
/// Works the same on a terminal and on a pipe (answers one per line), so the form is scriptable
/// and testable; on a pipe the answer is echoed after its prompt so the transcript reads like the screen.
struct FormIO {
    /// The operator ended the input (Ctrl-D, or the end of a piped file).
    struct EndOfInput: Error {}

    let echoAnswers: Bool
    /// With `desk take --json` the dialogue goes to stderr, so stdout holds only the JSON result.
    let toStandardError: Bool

    init(toStandardError: Bool = false) {
        echoAnswers = isatty(STDIN_FILENO) != 1
        self.toStandardError = toStandardError
    }

    private func write(_ text: String) {
        if toStandardError {
            Output.error(text)
        } else {
            Output.print(text)
        }
    }

    /// Prints a line.
    func say(_ line: String) {
        write(line + "\n")
    }

    /// Asks `prompt`, showing `defaultValue` in brackets; an empty answer takes the default.
    func ask(_ prompt: String, default defaultValue: String? = nil) throws(EndOfInput) -> String {
        let shown = defaultValue.map { $0.isEmpty ? "" : " [\(TerminalText.sanitized($0))]" } ?? ""
        write("\(prompt)\(shown): ")
        guard let line = readLine(strippingNewline: true) else {
            write("\n")
            throw EndOfInput()
        }
        if echoAnswers { write(TerminalText.sanitized(line) + "\n") }
        let answer = line.trimmingCharacters(in: .whitespaces)
        return answer.isEmpty ? (defaultValue ?? "") : answer
    }

    /// Reads lines after `prompt` until an empty one.
    func askLines(_ prompt: String) throws(EndOfInput) -> [String] {
        say(prompt + ":")
        var lines: [String] = []
        while true {
            write("> ")
            guard let line = readLine(strippingNewline: true) else {
                write("\n")
                throw EndOfInput()
            }
            if echoAnswers { write(TerminalText.sanitized(line) + "\n") }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return lines }
            lines.append(line)
        }
    }

    /// Tells the operator why an answer is asked again.
    func reject(_ reason: String) {
        say("  ✗ " + TerminalText.sanitized(reason))
    }
}
