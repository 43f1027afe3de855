import Foundation
import MessageDesk
@testable import desk

/// An instant written as ISO-8601 in a test, e.g. `at("2026-11-20T10:15:00+09:00")`.
func at(_ text: String) throws -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { throw TestInputError("bad test time \(text)") }
    return date
}

/// A mistake in a test's own input.
struct TestInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Friday 2026-11-20 10:15 in Tokyo, the clock of the end-to-end tests too.
let friday = "2026-11-20T10:15:00+09:00"

/// Times shown as on Friday 2026-11-20 10:15, in the standard calendar (Asia/Tokyo).
func fridayTimes() throws -> TimeDisplay {
    TimeDisplay(calendar: .standard, now: try at(friday))
}

/// An in-memory desk with tanaka (田中一郎, substitute suzuki) and suzuki (鈴木花子), as of Friday 10:15.
func makeOffice() throws -> DeskStore {
    let now = try at(friday)
    let store = try DeskStore.open(path: ":memory:", mode: .create, now: now)
    try store.addStaff(NewStaff(handle: "suzuki", displayName: "鈴木花子"), actor: "test", at: now)
    try store.addStaff(NewStaff(handle: "tanaka", displayName: "田中一郎", substitute: "suzuki"), actor: "test", at: now)
    return store
}
