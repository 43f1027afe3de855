/// A binary min-heap: the simulator's event queue.
///
/// Small and array-backed on purpose: the office queue keeps one entry per operator and the day simulation
/// one per pending event, so a textbook heap is all that is needed and no package is worth its build time.
/// Elements that compare equal come out in no promised order; callers that need a stable order put a
/// sequence number in the element (as `SimulationEvent` does).
public struct MinHeap<Element: Comparable>: Sendable where Element: Sendable {
    private var storage: [Element] = []

    /// An empty heap.
    public init() {}

    /// The number of elements.
    public var count: Int { storage.count }
    /// Whether the heap is empty.
    public var isEmpty: Bool { storage.isEmpty }
    /// The smallest element, if any.
    public var min: Element? { storage.first }

    /// Adds an element.
    public mutating func insert(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the smallest element.
    public mutating func popMin() -> Element? {
        guard let top = storage.first else { return nil }
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            siftDown(from: 0)
        }
        return top
    }

    /// Replaces the smallest element with `element` (one sift instead of a pop and a push).
    public mutating func replaceMin(with element: Element) {
        guard !storage.isEmpty else { storage.append(element); return }
        storage[0] = element
        siftDown(from: 0)
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var smallest = left
            let right = left + 1
            if right < count, storage[right] < storage[left] { smallest = right }
            guard storage[smallest] < storage[parent] else { return }
            storage.swapAt(smallest, parent)
            parent = smallest
        }
    }
}
