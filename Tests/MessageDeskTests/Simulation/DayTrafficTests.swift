import Testing
@testable import MessageDesk

/// The hourly profile over days of other lengths: by time since opening, with the same intensity every day.
@Suite struct DayTrafficTests {
    let profile = SimulationConfiguration().hourlyProfile   // 0.8 1.6 1.4 0.6 0.9 1.5 1.4 1.0 0.6 over 09-18
    let usual = 9.0 * 3_600

    @Test func aUsualDayIsTheProfileItself() {
        let traffic = DayTraffic(profile: profile, usualLength: usual, length: usual)
        #expect(traffic.share == 1)
        #expect(traffic.slot == 3_600)
        #expect(traffic.stretches.map(\.weight) == profile)
        #expect(traffic.stretches.map(\.first) == (0..<9).map(Double.init))
        // The draw a usual day always made: the second hour is picked past the first's 0.8 of 9.8.
        #expect(traffic.offset(pick: 0.9 / 9.8, within: 0.5) == 1.5 * 3_600)
    }

    @Test func aThreeHourSaturdayHasTheFirstThreeHours() {
        let traffic = DayTraffic(profile: profile, usualLength: usual, length: 3 * 3_600)
        #expect(traffic.stretches.map(\.weight) == [0.8, 1.6, 1.4])
        #expect(abs(traffic.share - 3.8 / 9.8) < 1e-12)
        #expect(traffic.offset(pick: 0.999_999, within: 0.999_999) < 3 * 3_600)
    }

    @Test func aDayClosingOnTheHalfHourHasHalfItsLastHour() {
        let traffic = DayTraffic(profile: profile, usualLength: usual, length: 2.5 * 3_600)
        #expect(traffic.stretches.map(\.width) == [1, 1, 0.5])
        #expect(abs(traffic.share - (0.8 + 1.6 + 0.7) / 9.8) < 1e-12)
        #expect(traffic.offset(pick: 0.999_999, within: 0.999_999) < 2.5 * 3_600)
    }

    /// 08:00-20:00 against a 09:00-18:00 profile: the profile, then three more hours at its last weight.
    @Test func aLongerDayCarriesOnAtTheLastWeight() {
        let traffic = DayTraffic(profile: profile, usualLength: usual, length: 12 * 3_600)
        #expect(traffic.stretches.count == 10)
        #expect(traffic.stretches.last.map { [$0.first, $0.width, $0.weight] } == [9, 3, 0.6 * 3])
        #expect(abs(traffic.share - 11.6 / 9.8) < 1e-12)
        #expect(traffic.offset(pick: 0.999_999, within: 0.5) == 10.5 * 3_600)
    }

    /// A flat profile of one weight spreads over the usual day as it always did, and so over any day.
    @Test func aFlatProfileIsFlatOnEveryDay() {
        let usualDay = DayTraffic(profile: [1], usualLength: usual, length: usual)
        #expect(usualDay.slot == usual && usualDay.share == 1)
        let saturday = DayTraffic(profile: [1], usualLength: usual, length: 3 * 3_600)
        #expect(abs(saturday.share - 1.0 / 3) < 1e-12)
        #expect(abs(saturday.offset(pick: 0.2, within: 0.5) - 1.5 * 3_600) < 1e-9)
    }
}
