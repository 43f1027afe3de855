import Foundation
import MessageDesk

/// Warnings: one line each on stderr, `desk: warning: …`, free of control characters.
enum Warning {
    static func print(_ message: String) {
        let line = "desk: warning: " + TerminalText.sanitized(message.replacingOccurrences(of: "\n", with: "; ")) + "\n"
        // A warning that cannot be written has nowhere else to go: the command's outcome does not depend on it.
        Output.error(line)
    }

    /// Says which stored settings are not in force (their defaults apply) and how to fix them.
    static func settings(_ problems: [SettingProblem]) {
        problems.forEach { print($0.message) }
    }

    /// Says that the clock was behind what a change changed, and the time the change was stamped with instead.
    static func clock(_ clamp: ClockClamp?, times: TimeDisplay) {
        guard let clamp else { return }
        let seconds = Int(clamp.behind.rounded(.up))
        let behind = seconds < 60 ? "\(seconds)s"
            : TimeDisplay.duration(TimeInterval(seconds)) + (seconds % 60 == 0 ? "" : " \(seconds % 60)s")
        print("this terminal's clock is \(behind) behind \(clamp.latest): the change was stamped \(times.iso(clamp.stampedAt)), "
              + "not \(times.iso(clamp.clock)); set the clock right")
    }
}
