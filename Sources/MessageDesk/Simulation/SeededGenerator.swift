import Foundation

/// The simulator's source of randomness: xoshiro256** seeded through SplitMix64, so a seed gives the same run everywhere.
///
/// It is written here rather than taken from the system so that results do not change with the platform or
/// the Swift version, and so that nothing in a simulation reads the system's entropy. Generators for separate
/// streams (traffic, handling, salespeople…) are split from one seed with `split()`, so that changing one
/// scenario parameter does not shift the random numbers another part of the model sees.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed (even 0) over the 256-bit state, as xoshiro's authors recommend.
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A new, independent generator seeded from this one.
    public mutating func split() -> SeededGenerator { SeededGenerator(seed: next()) }

    /// A uniform number in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// An exponentially distributed number with the given mean (inverse transform; 1 − u is never 0).
    public mutating func exponential(mean: Double) -> Double { -mean * log(1 - uniform()) }

    /// A uniform integer in `0..<bound` (`bound` > 0), without modulo bias (Lemire's method).
    public mutating func index(below bound: Int) -> Int {
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// A lognormal number with the given mean and coefficient of variation (Box–Muller for the normal).
    public mutating func lognormal(mean: Double, cv: Double) -> Double {
        let sigma2 = log(1 + cv * cv)
        let mu = log(mean) - sigma2 / 2
        let normal = sqrt(-2 * log(1 - uniform())) * cos(2 * Double.pi * uniform())
        return exp(mu + sqrt(sigma2) * normal)
    }

    /// A Poisson count with the given mean: Knuth's product of uniforms, over chunks of at most 100 so that
    /// e^(−mean) never underflows (a sum of independent Poisson counts is Poisson).
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 100 { return poisson(mean: 100) + poisson(mean: mean - 100) }
        let limit = exp(-mean)
        var count = 0
        var product = uniform()
        while product > limit { count += 1; product *= uniform() }
        return count
    }
}
