/// The matters still in play, by id: added as each day's traffic is drawn, dropped once settled or lost.
struct OpenMatters {
    private var byID: [Int: SimulatedMatter] = [:]
    private var nextID = 0

    /// Adds a matter under a new id.
    mutating func add(_ matter: SimulatedMatter) -> Int {
        let id = nextID
        nextID += 1
        byID[id] = matter
        return id
    }

    /// The matter with `id` while it is in play; setting nil settles it.
    subscript(id: Int) -> SimulatedMatter? {
        get { byID[id] }
        set { byID[id] = newValue }
    }

    /// Settles the matter with `id`, returning it if it was still in play.
    mutating func remove(_ id: Int) -> SimulatedMatter? { byID.removeValue(forKey: id) }
}
