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
    /// Whether the day rests on an equinox forecast: the equinox day itself, or the 振替休日 or 国民の休日 it gives.
    let restsOnEquinox: Bool

    init(date: CivilDate, name: String, kind: Kind, restsOnEquinox: Bool) {
        self.date = date
        self.name = name
        self.kind = kind
        self.restsOnEquinox = restsOnEquinox
    }

    /// "2026-01-01".
    public var isoDate: String { date.isoString }

    /// False while the day is a forecast: it rests on an equinox day the 官報 has not yet published on `day`.
    public func isOfficial(asOf day: LocalDay) -> Bool {
        !restsOnEquinox || EquinoxDay.isOfficial(year: date.year, asOf: day)
    }

    /// "2026-01-01 元日".
    public var description: String { "\(isoDate) \(name)" }
}
