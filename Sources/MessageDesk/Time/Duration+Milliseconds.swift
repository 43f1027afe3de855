extension Duration {
    /// Whole milliseconds, rounded down: what reports print (`in 42 ms`, `"duration_ms": 42`).
    public var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
