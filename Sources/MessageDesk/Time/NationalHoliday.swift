/// A day off under the 国民の祝日に関する法律 (or a one-off law of the same kind), with its Japanese name.
public struct NationalHoliday: Sendable, Equatable, CustomStringConvertible {
    /// Why the day is off.
    public enum Kind: String, Sendable, CaseIterable {
        /// A 国民の祝日 on a fixed date or a Monday the law names (元日, 成人の日, …).
        case statutory
        /// 春分の日 or 秋分の日: computed until the 官報 publishes it (see `EquinoxDay`).
        case equinox
        /// 振替休日: the day off for a 国民の祝日 on a Sunday.
        case substitute
        /// 国民の休日: a day between two 国民の祝日.
        case citizens
        /// A day off by its own law: the imperial funeral, enthronement and wedding days.
        case oneOff
    }

    let date: CivilDate
    /// "元日", "振替休日", "国民の休日", …
    public let name: String
    public let kind: Kind

    init(date: CivilDate, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }

    /// "2026-01-01".
    public var isoDate: String { date.isoString }

    /// "2026-01-01 元日".
    public var description: String { "\(isoDate) \(name)" }
}
