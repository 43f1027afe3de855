/// Where a new callback went when it was opened: to its owner, to their substitute, or kept with an owner
/// who is away past its due time, and why. The rule that decides it is `SubstituteRouting.decide` (Policy).
public enum SubstituteRouting: Sendable, Equatable {
    /// The owner can call back by the due time: nothing to route.
    case owner
    /// To the substitute with this handle.
    case substitute(String)
    /// The owner is away past the due time, but the callback stays with them, for this reason.
    case staysWithOwner(StayReason)

    /// Why a callback stays with an owner who is away past its due time.
    public enum StayReason: String, Sendable, Equatable {
        case buyerType2 = "buyer_type2"
        case noSubstitute = "no_substitute"
        case substituteAway = "substitute_away"
        case substituteOwesCaller = "substitute_owes_caller"
    }
}
