import Foundation

/// Where a new callback goes when the person it is for cannot call back in time.
///
/// A callback opened for someone whose absence (as of the call) runs past its due time — a day off,
/// leave, out or in a meeting until after it, or away with no end time — goes to their substitute.
/// It stays with the owner, who is then called back by when the operator tells the caller, when:
/// - the buyer is type ② (the content wins: they want the right person, prepared, and will wait);
/// - the owner has no substitute;
/// - the substitute is away past the due time too (routing would only move the wait);
/// - the substitute already owes this caller a callback of their own (one live callback per caller
///   and owner; the operator can merge them by hand).
///
/// Only new callbacks are routed: a repeat call joins the live callback wherever it sits, and moving
/// one back when the owner returns is a command (`desk reassign ID --back`), never automatic.
extension SubstituteRouting {
    /// The routing of a callback due at `dueAt`, from the owner's and the substitute's presence as of the call.
    public static func decide(dueAt: Date, buyerType: BuyerType, ownerPresence: Presence, substitute: String?,
                              substitutePresence: Presence?, substituteOwesCaller: Bool) -> SubstituteRouting {
        guard ownerPresence.isAway(through: dueAt) else { return .owner }
        if buyerType == .type2 { return .staysWithOwner(.buyerType2) }
        guard let substitute else { return .staysWithOwner(.noSubstitute) }
        if substitutePresence?.isAway(through: dueAt) ?? false { return .staysWithOwner(.substituteAway) }
        if substituteOwesCaller { return .staysWithOwner(.substituteOwesCaller) }
        return .substitute(substitute)
    }
}
