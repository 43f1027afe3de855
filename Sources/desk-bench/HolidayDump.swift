// desk-bench holidays: the library's side of Scripts/holiday-check.sh (issue 14). Not a test.

import MessageDesk

/// Prints every national holiday of FROM...TO, one `YYYY-MM-DD<TAB>name<TAB>kind` line each, in date order,
/// so the script can set them beside an independent implementation's.
func runHolidays(from first: Int, through last: Int) {
    let years = JapaneseHolidays.supportedYears
    guard years.contains(first), years.contains(last), first <= last else {
        fail("years must be within \(years.lowerBound)...\(years.upperBound), FROM <= TO: not \(first) \(last)\n\(usage)",
             code: 64)
    }
    for year in first...last {
        for holiday in JapaneseHolidays.holidays(in: year) {
            print("\(holiday.isoDate)\t\(holiday.name)\t\(holiday.kind.rawValue)")
        }
    }
}
