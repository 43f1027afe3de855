import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// A stored word the desk does not know (a hand edit, damage) is reported naming the table and column; it is
/// never read as a default (`open`, `callback`, `salesperson`, ...), which would show the operator a wrong record.
@Suite struct StoredValueTests {
    let now = at("2026-11-20T10:15:00+09:00")  // a Friday

    /// Writes `value` into `column` of every row of `table` as a hand edit would: past the schema's CHECK
    /// constraints and its append-only triggers (dropped for the edit).
    func damage(_ desk: DeskStore, _ table: String, _ column: String, _ value: String) throws {
        let triggers = try desk.database.statement("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?")
            .map([.text(table)]) { try $0.string(0) }
        for trigger in triggers { try desk.database.execute("DROP TRIGGER \(trigger)") }
        try desk.database.execute("PRAGMA ignore_check_constraints = ON")
        try desk.database.execute("UPDATE \(table) SET \(column) = ?", [.text(value)])
        try desk.database.execute("PRAGMA ignore_check_constraints = OFF")
    }

    func expectDamage(_ table: String, _ column: String, _ value: String, _ read: () throws -> Void) {
        do {
            try read()
            Issue.record("\(table).\(column) = '\(value)' was read without an error")
        } catch let error as DeskError {
            #expect(error.kind == .badInput)
            #expect(error.message
                == "the database holds '\(value)' in \(table).\(column), which is not a value this desk knows; run `desk check`, or restore a backup")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func anUnknownCallbackStateIsAnError() throws {
        let desk = try makeDesk()
        let taken = try desk.takeMessage(message(), actor: "sato", at: now)
        try damage(desk, "callbacks", "state", "bogus")
        expectDamage("callbacks", "state", "bogus") { _ = try desk.callback(id: taken.callback.id) }
    }

    @Test func anUnknownWishOnTheCallbackOrTheMessageIsAnError() throws {
        let desk = try makeDesk()
        let taken = try desk.takeMessage(message(), actor: "sato", at: now)
        try damage(desk, "messages", "wants", "telepathy")
        expectDamage("messages", "wants", "telepathy") { _ = try desk.callback(id: taken.callback.id) }
        expectDamage("messages", "wants", "telepathy") { _ = try desk.messages(ofCallback: taken.callback.id) }
    }

    @Test func anUnknownBuyerAnswerIsAnError() throws {
        let desk = try makeDesk()
        var new = message()
        new.buyer = BuyerAttributes(decision: .alone)
        let taken = try desk.takeMessage(new, actor: "sato", at: now)
        try damage(desk, "messages", "decision", "maybe")
        expectDamage("messages", "decision", "maybe") { _ = try desk.messages(ofCallback: taken.callback.id) }
    }

    @Test func anUnknownRoleIsAnError() throws {
        let desk = try makeDesk()
        try damage(desk, "staff", "role", "intern")
        expectDamage("staff", "role", "intern") { _ = try desk.staff(handle: "tanaka") }
    }

    @Test func anUnknownPresenceIsAnError() throws {
        let desk = try makeDesk()
        try desk.setPresence("tanaka", status: .out, actor: "sato", at: now)
        try damage(desk, "presence", "status", "asleep")
        expectDamage("presence", "status", "asleep") { _ = try desk.presence(of: "tanaka", at: now) }
    }

    @Test func anUnknownNotificationKindIsAnError() throws {
        let desk = try makeDesk()
        _ = try desk.takeMessage(message(urgent: true), actor: "sato", at: now)
        _ = try desk.sweep(actor: "sweep", at: now.addingTimeInterval(3 * 3_600))  // the urgent ladder notifies
        #expect(try count(desk, "notifications") > 0)
        try damage(desk, "notifications", "kind", "carrier-pigeon")
        expectDamage("notifications", "kind", "carrier-pigeon") { _ = try desk.notifications(.all) }
    }
}
