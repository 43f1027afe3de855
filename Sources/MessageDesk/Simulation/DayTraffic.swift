/// When one day's client calls come, and how many: the hourly profile laid over the day's own hours.
///
/// The profile spans the usual business day (the setting `business_hours`, 09:00-18:00: one weight an hour by
/// default), so each of its slots is an hour, or a share of the usual day when the profile has another count.
/// It applies by time since opening, and its intensity is the same on every day: a day shorter than the usual
/// one has only its first slots (a 3-hour Saturday gets 0.8 + 1.6 + 1.4 of the default 9.8, 39% of a usual
/// day's calls); a longer one carries on at the profile's last weight. On a usual day it is the profile itself.
struct DayTraffic {
    /// A stretch of the day with one weight: from `first` for `width`, both in profile slots; `weight` is the
    /// profile's weight times the width, the stretch's share of the day's calls, unnormalised.
    struct Stretch {
        let first: Double, width: Double, weight: Double
    }

    /// The day's stretches, in order, and their weights added up.
    let stretches: [Stretch], totalWeight: Double
    /// The length of one profile slot, in seconds.
    let slot: Double
    /// The profile's weights added up: a usual day's.
    private let usualWeight: Double

    /// The day's calls as a share of a usual day's.
    var share: Double { usualWeight > 0 ? totalWeight / usualWeight : 0 }

    /// The traffic of a day open `length` seconds, when the usual business day is `usualLength` seconds.
    init(profile: [Double], usualLength: Double, length: Double) {
        slot = usualLength / Double(profile.count)
        var span = length / slot
        // A usual day is exactly the profile, whatever rounding the division did.
        if abs(span - Double(profile.count)) < 1e-9 { span = Double(profile.count) }
        var stretches: [Stretch] = []
        for (index, weight) in profile.enumerated() {
            let width = min(1, span - Double(index))
            guard width > 1e-12 else { break }
            stretches.append(Stretch(first: Double(index), width: width, weight: width == 1 ? weight : weight * width))
        }
        if let last = profile.last, span > Double(profile.count) {
            let width = span - Double(profile.count)
            stretches.append(Stretch(first: Double(profile.count), width: width, weight: last * width))
        }
        self.stretches = stretches
        totalWeight = stretches.reduce(0) { $0 + $1.weight }
        usualWeight = profile.reduce(0, +)
    }

    /// The seconds after opening of a call: `pick` (uniform in 0..<1) chooses the stretch by weight, `within`
    /// (uniform in 0..<1) the moment inside it.
    func offset(pick: Double, within: Double) -> Double {
        var remaining = pick * totalWeight
        var index = 0
        while index < stretches.count - 1 && remaining >= stretches[index].weight {
            remaining -= stretches[index].weight
            index += 1
        }
        let stretch = stretches[index]
        return (stretch.first + (stretch.width == 1 ? within : within * stretch.width)) * slot
    }
}
