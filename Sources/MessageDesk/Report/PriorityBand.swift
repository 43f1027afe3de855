/// How pressing an open callback is, in three bands of its priority score, for the daily summary.
///
/// With the default coefficients:
/// - high: 10 or more — e.g. an urgent callback half an hour overdue, or a day-old one two business
///   hours overdue;
/// - medium: 5 to under 10 — e.g. a callback an hour or so overdue, or one whose caller rang twice more;
/// - low: under 5 — on time, or only just late.
public enum PriorityBand: String, Sendable, CaseIterable {
    /// 10 or more.
    case high
    /// 5 to under 10.
    case medium
    /// Under 5.
    case low

    /// The lowest score of the high band.
    public static let highFrom = 10.0
    /// The lowest score of the medium band.
    public static let mediumFrom = 5.0

    /// The band of a priority score. Scores are compared in hundredths, the precision lists show,
    /// so a callback shown as 10.00 is high even when its score is 9.996.
    public init(priority: Double) {
        let hundredths = (priority * 100).rounded()
        if hundredths >= Self.highFrom * 100 {
            self = .high
        } else if hundredths >= Self.mediumFrom * 100 {
            self = .medium
        } else {
            self = .low
        }
    }
}
