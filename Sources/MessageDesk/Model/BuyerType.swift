/// The buyer type of the B2B study (DESIGN.md): how a caller buys, and so what wins them.
///
/// Type ① contacts many vendors and goes with the **first response**: the callback must be fast.
/// Type ② contacts few and goes with the **content**: it will wait, but wants the right person, prepared.
/// The rule that reads it from what a caller said is `BuyerType.read(_:)` (Policy).
public enum BuyerType: String, Sendable, CaseIterable {
    /// ① Compares many vendors; the first response wins.
    case type1
    /// ② Few vendors; the content of the response wins.
    case type2
    /// Not said, or the answers disagree.
    case unknown

    /// True for type ②, whose callback must bring substance: lists say "prepare details".
    public var wantsPreparedDetails: Bool { self == .type2 }
}
