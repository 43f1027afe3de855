import Foundation

/// What each salesperson owes, as the library last answered: a copy of stored state, kept so that a free
/// salesperson can tell without reading the database whether there is anything to try.
///
/// It stays in step because only the library's answers change it (taking a message, acknowledging, completing,
/// each passed to `note`), and because the sweep (`DeskStore.sweep`) never changes a callback's owner or state.
/// `staleEntries(comparedWith:)` says where it has drifted; `OwedCallbacksTests` runs it at each day's end.
struct OwedCallbacks {
    /// A callback owed, as far as choosing what to try next needs to know.
    struct Entry {
        let owner: Int
        let notBefore: Date?
        let acknowledged: Bool
    }

    private let handles: [String]
    private let index: [String: Int]
    /// The callback ids each salesperson owes, by salesperson index.
    private var byOwner: [[Int]]
    private var entries: [Int: Entry] = [:]

    /// Nothing owed yet by the salespeople with these handles (their indices are the salespeople's).
    init(handles: [String]) {
        self.handles = handles
        index = Dictionary(uniqueKeysWithValues: handles.enumerated().map { ($1, $0) })
        byOwner = Array(repeating: [], count: handles.count)
    }

    /// The callbacks salesperson `owner` owes.
    func owed(by owner: Int) -> [Int] { byOwner[owner] }

    /// Whether callback `id` is acknowledged; nil when no salesperson owes it.
    func isAcknowledged(_ id: Int) -> Bool? { entries[id]?.acknowledged }

    /// Whether callback `id`'s window has opened by `now` (one without a window always has).
    func windowHasOpened(_ id: Int, at now: Date) -> Bool { entries[id]?.notBefore.map { $0 <= now } ?? true }

    /// Takes in what the library answered about a callback: its owner (routing may have sent it to a substitute),
    /// its window and whether it is acknowledged; a closed one, or one owed by someone else, leaves the copy.
    mutating func note(_ callback: CallbackRequest) {
        let owner = callback.state.isLive ? index[callback.owner] : nil
        if let previous = entries[callback.id], previous.owner != owner {
            byOwner[previous.owner].removeAll { $0 == callback.id }
            entries[callback.id] = nil
        }
        guard let owner else { return }
        if entries[callback.id] == nil { byOwner[owner].append(callback.id) }
        entries[callback.id] = Entry(owner: owner, notBefore: callback.notBefore, acknowledged: callback.state == .acknowledged)
    }

    /// Where the copy differs from `live`, the store's live callbacks, one line each; empty while in step.
    func staleEntries(comparedWith live: [CallbackRequest]) -> [String] {
        var problems: [String] = []
        var expected: Set<Int> = []
        for callback in live {
            guard let owner = index[callback.owner] else { continue }
            expected.insert(callback.id)
            let stored = "owner \(callback.owner), \(callback.state.rawValue), not before \(Self.text(callback.notBefore))"
            guard let copy = entries[callback.id] else {
                problems.append("#\(callback.id) (\(stored)) is missing")
                continue
            }
            let copied = "owner \(handles[copy.owner]), \(copy.acknowledged ? "acknowledged" : "open"), "
                + "not before \(Self.text(copy.notBefore))"
            if copied != stored { problems.append("#\(callback.id): the copy says \(copied), the store \(stored)") }
            if !byOwner[owner].contains(callback.id) { problems.append("#\(callback.id) is not in \(callback.owner)'s list") }
        }
        for id in entries.keys.sorted() where !expected.contains(id) {
            problems.append("#\(id) is in the copy but no longer owed by a salesperson")
        }
        for (owner, ids) in byOwner.enumerated() {
            for id in ids where entries[id]?.owner != owner {
                problems.append("#\(id) is in \(handles[owner])'s list but not owed by them")
            }
            if Set(ids).count != ids.count { problems.append("\(handles[owner])'s list repeats a callback") }
        }
        return problems
    }

    private static func text(_ date: Date?) -> String { date.map(Timestamp.format) ?? "-" }
}
