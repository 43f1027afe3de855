import Foundation

/// A two-sided 95% confidence interval for a mean, from independent replications (Student's t).
public struct ConfidenceInterval: Sendable, Equatable {
    /// The sample mean.
    public let mean: Double
    /// Half the interval's width.
    public let halfWidth: Double

    /// The interval from `samples` (at least two independent replications).
    public init(samples: [Double]) {
        let n = Double(samples.count)
        let mean = samples.reduce(0, +) / max(n, 1)
        self.mean = mean
        guard samples.count >= 2 else { halfWidth = .infinity; return }
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        halfWidth = ConfidenceInterval.t975(degreesOfFreedom: samples.count - 1) * (variance / n).squareRoot()
    }

    /// The lower bound.
    public var lower: Double { mean - halfWidth }
    /// The upper bound.
    public var upper: Double { mean + halfWidth }
    /// Whether `value` lies inside the interval.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// The 97.5% quantile of Student's t: a table to 30 degrees of freedom (standard tables, 3 decimals),
    /// then the Cornish–Fisher expansion around the normal quantile, good to 1e-4 beyond.
    static func t975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if df >= 1 && df <= table.count { return table[df - 1] }
        let z = 1.959964, v = Double(max(df, 1))
        let z3 = z * z * z, z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }
}
