import ArgumentParser
import Foundation
import MessageDesk

/// Tab completion of the desk's own names by desk itself (ArgumentParser's custom completion): the shell runs
/// `desk ---completion …` with the words typed so far, and desk reads the desk they name, read-only.
enum DeskCompletion {
    static let staffHandles = CompletionKind.custom { words, _, _ in candidates(.staffHandles, words) }
    static let accountCodes = CompletionKind.custom { words, _, _ in candidates(.accountCodes, words) }
    static let liveCallbackIDs = CompletionKind.custom { words, _, _ in candidates(.liveCallbackIDs, words) }

    /// The candidates in the desk the words name (`--db`, else `$DESK_DB`, else the default), for their `--account`
    /// (else `$DESK_ACCOUNT`).
    private static func candidates(_ kind: CompletionCandidates.Kind, _ words: [String]) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var global = GlobalOptions()
        global.db = value(of: "--db", in: words)
        let path: String
        do { path = try DeskContext.databasePath(global, environment) } catch { return [] }   // no desk named: nothing to offer
        let account = value(of: "--account", in: words) ?? environment["DESK_ACCOUNT"].flatMap { $0.isEmpty ? nil : $0 }
        return CompletionCandidates.list(kind, at: path, account: account)
    }

    /// The value given to `option` in the words (`--db PATH` or `--db=PATH`); the last one wins, as in parsing.
    static func value(of option: String, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count {
                found = words[index + 1]
            } else if word.hasPrefix(option + "=") {
                found = String(word.dropFirst(option.count + 1))
            }
        }
        return found
    }
}
