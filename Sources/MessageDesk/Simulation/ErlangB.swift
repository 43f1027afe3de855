/// The Erlang B blocking probability, the building block of Erlang C and Erlang A.
///
/// Computed with the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)): it never forms Aᶜ or c!,
/// so it stays exact to rounding for thousands of agents where the textbook formula overflows.
public enum ErlangB {
    /// The probability that a call finds all `agents` busy in a loss system offered `load` Erlangs.
    public static func blocking(load: Double, agents: Int) -> Double {
        guard load > 0 else { return agents == 0 ? 1 : 0 }
        var b = 1.0
        if agents > 0 {
            for k in 1...agents {
                b = load * b / (Double(k) + load * b)
            }
        }
        return b
    }
}
