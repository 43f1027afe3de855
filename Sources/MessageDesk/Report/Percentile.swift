/// Percentiles by the nearest-rank method.
///
/// The P-th percentile of n values sorted ascending is the value at rank ⌈P/100 × n⌉ (ranks count
/// from 1). Every answer is one of the values, never an interpolation between two, so "the 90th
/// percentile callback took 3h 30m" names a callback that really took that long. The median is the
/// 50th percentile: with an even count it is the lower of the two middle values.
public enum Percentile {
    /// The `percent`-th percentile (1...100, clamped) of `values` by nearest rank; nil when there are none.
    public static func nearestRank<Value: Comparable>(_ percent: Int, of values: [Value]) -> Value? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let percent = min(max(percent, 1), 100)
        // ⌈percent × n / 100⌉ in integers, so 90% of 10 is exactly rank 9.
        let rank = (percent * sorted.count + 99) / 100
        return sorted[rank - 1]
    }
}
