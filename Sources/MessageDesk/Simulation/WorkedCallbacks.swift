/// The callbacks a run works, beyond what the desk stores: which matters each answers, since when it is owed,
/// when it may be tried again, and which someone is on the phone for right now.
struct WorkedCallbacks {
    /// The matters each callback answers: reaching the caller settles them all.
    private var matters: [Int: [Int]] = [:]
    /// The business second each callback this run opened was opened, until it is done.
    private var openedAt: [Int: Double] = [:]
    /// A failed attempt's callback is not tried again before this business second.
    private var retryAfter: [Int: Double] = [:]
    /// Callbacks someone is on the phone for right now: nobody else starts the same call.
    private var inProgress: Set<Int> = []
    /// Callbacks this run opened and has not closed yet.
    private(set) var live = 0

    /// A message opened callback `id` at `time`.
    mutating func opened(_ id: Int, at time: Double) {
        openedAt[id] = time
        live += 1
    }

    /// A message of `matter` opened or joined callback `id`.
    mutating func note(matter: Int, answeredBy id: Int) { matters[id, default: []].append(matter) }

    /// Nobody is on the phone for it, and any wait after a failed attempt is over.
    func canTry(_ id: Int, at time: Double) -> Bool { !inProgress.contains(id) && (retryAfter[id] ?? 0) <= time }

    /// Someone starts calling back for `id`.
    mutating func started(_ id: Int) { inProgress.insert(id) }

    /// The call for `id` is over, whatever its outcome.
    mutating func ended(_ id: Int) { inProgress.remove(id) }

    /// The caller was reached at `time`: the callback's delay if this run opened it, and the matters it settles.
    mutating func reached(_ id: Int, at time: Double) -> (delay: Double?, settled: [Int]) {
        var delay: Double?
        if let opened = openedAt.removeValue(forKey: id) {
            delay = time - opened
            live -= 1
        }
        let settled = matters.removeValue(forKey: id) ?? []
        retryAfter[id] = nil
        return (delay, settled)
    }

    /// The caller was not reached: the callback waits until `retry`.
    mutating func notReached(_ id: Int, retryAt retry: Double) { retryAfter[id] = retry }
}
