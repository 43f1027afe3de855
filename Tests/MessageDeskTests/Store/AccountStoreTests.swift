import Foundation
import Testing
@testable import MessageDesk

/// Accounts in the store: their rules, and the scoping of every read and write to the chosen account.
@Suite struct AccountStoreTests {
    let now = at("2026-11-20T10:15:00+09:00")

    func badInput(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as DeskError where error.kind == .badInput { return error.message } catch { return "\(error)" }
        return nil
    }

    /// The test desk's default account plus acme, with the same handles and the same caller.
    func twoAccounts() throws -> DeskStore {
        let desk = try makeDesk(now: now)
        try desk.addAccount(NewAccount(code: "acme", name: "アクメ", greeting: "はい、アクメでございます",
                                       lines: [phone("03-5000-0001")]), actor: "test", at: now)
        try desk.selectAccount("acme")
        try desk.addStaff(NewStaff(handle: "suzuki", displayName: "鈴木（アクメ）"), actor: "test", at: now)
        try desk.addStaff(NewStaff(handle: "tanaka", displayName: "田中（アクメ）", substitute: "suzuki", escalationContact: "boss"),
                          actor: "test", at: now)
        return desk
    }

    @Test func anAccountIsCheckedWhenAdded() throws {
        let desk = try twoAccounts()
        #expect(badInput { try desk.addAccount(NewAccount(code: "Acme", name: "x", greeting: "x"), actor: "t", at: now) }
                == "'Acme' is not an account code: use up to 32 lower-case letters, digits, '_' or '-', starting with a letter (acme)")
        #expect(badInput { try desk.addAccount(NewAccount(code: "beta", name: "ベータ", greeting: " "), actor: "t", at: now) }
                == "--greeting is empty: give it, e.g. --greeting 'はい、アクメでございます'")
        #expect(badInput { try desk.addAccount(NewAccount(code: "acme", name: "x", greeting: "x"), actor: "t", at: now) }
                == "account 'acme' exists already; see `desk account show acme`")
        #expect(badInput {
            try desk.addAccount(NewAccount(code: "beta", name: "ベータ", greeting: "ベータです", lines: [phone("03-5000-0001")]), actor: "t", at: now)
        } == "03-5000-0001 is a line of account acme; remove it there first (desk account line remove acme 03-5000-0001)")
        // Nothing of the refused account was kept.
        #expect(try desk.accounts().map(\.code) == ["acme", "default"])
        #expect(badInput { try desk.selectAccount("beta") } == "no account 'beta'; the accounts are: acme, default (see `desk account list`)")
    }

    @Test func withSeveralAccountsAndNoneChosenNothingIsReadOrWritten() throws {
        let desk = try twoAccounts()
        let reopened = try DeskStore.open(path: desk.path, mode: .existing, now: now)
        #expect(reopened.account == nil)
        let expected = "this desk answers for several accounts (acme, default); choose one with --account CODE or $DESK_ACCOUNT"
        #expect(badInput { _ = try reopened.callbacks(CallbackFilter(), at: now) } == expected)
        #expect(badInput { _ = try reopened.takeMessage(message(), actor: "sato", at: now) } == expected)
        #expect(badInput { _ = try reopened.staff(handle: "tanaka") } == expected)
        // The service's staff are no account's.
        #expect(try reopened.staff(handle: "sato").account == nil)
    }

    @Test func theSameNumberIsTwoCallersAndARepeatCallJoinsOnlyWithinItsAccount() throws {
        let desk = try twoAccounts()
        let acme = try desk.takeMessage(message(), actor: "sato", at: now)
        try desk.selectAccount("default")
        let home = try desk.takeMessage(message(), actor: "sato", at: now)
        #expect(!home.joined)
        #expect(home.callback.caller.id != acme.callback.caller.id)
        let again = try desk.takeMessage(message(body: "まだですか"), actor: "sato", at: now)
        #expect(again.joined && again.callback.id == home.callback.id)
        #expect(try desk.callbacks(CallbackFilter(), at: now).map(\.callback.id) == [home.callback.id])
        #expect(try desk.callback(id: home.callback.id).ownerName == "田中一郎")
        #expect(badInput { _ = try desk.callback(id: acme.callback.id) }
                == "no callback #\(acme.callback.id) in account default; see `desk callbacks --state all`")
        #expect(badInput { _ = try desk.history(ofCallback: acme.callback.id) } != nil)
        try desk.selectAccount("acme")
        #expect(try desk.callback(id: acme.callback.id).ownerName == "田中（アクメ）")
        #expect(try desk.caller(phone: phone("03-1234-5678"))?.id == acme.callback.caller.id)
    }

    @Test func anotherAccountsPersonIsNamedWithTheirCodeAndNeverLinked() throws {
        let desk = try twoAccounts()
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        #expect(try desk.staff(handle: "default/tanaka").displayName == "田中一郎")
        #expect(try desk.staff(handle: "tanaka").displayName == "田中（アクメ）")
        #expect(badInput { try desk.reassign(id, to: "default/suzuki", reason: nil, actor: "boss", at: now) }
                == "default/suzuki is of account default; the new owner must be of acme or of the service")
        #expect(badInput { try desk.updateStaff("tanaka", substitute: "default/suzuki", actor: "boss", at: now) }
                == "default/suzuki is of account default; a substitute must be of acme or of the service")
        #expect(badInput { _ = try desk.takeMessage(message(for: "default/tanaka"), actor: "sato", at: now) }
                == "default/tanaka is of account default; the person a call is for must be of acme or of the service")
        // The service's people serve every account.
        try desk.reassign(id, to: "boss", reason: nil, actor: "boss", at: now)
        #expect(try desk.callback(id: id).owner == "boss")
    }

    @Test func aClosedAccountKeepsItsHistoryReadOnly() throws {
        let desk = try twoAccounts()
        let id = try desk.takeMessage(message(), actor: "sato", at: now).callback.id
        #expect(badInput { try desk.closeAccount("acme", actor: "boss", at: now) }
                == "acme still has 1 open callback; close or cancel them first (desk callbacks --account acme)")
        try desk.complete(id, note: nil, actor: "tanaka", at: now)
        let closed = try desk.closeAccount("acme", actor: "boss", at: now)
        #expect(closed.closedAt == Timestamp.stored(now))
        let readOnly = "account acme was closed at 2026-11-20; its history is read-only"
        #expect(badInput { _ = try desk.takeMessage(message(), actor: "sato", at: now) } == readOnly)
        #expect(badInput { try desk.addStaff(NewStaff(handle: "kato", displayName: "加藤"), actor: "boss", at: now) } == readOnly)
        #expect(badInput { try desk.updateStaff("tanaka", displayName: "田中", actor: "boss", at: now) } == readOnly)
        #expect(badInput { try desk.setPresence("tanaka", status: .out, actor: "boss", at: now) } == readOnly)
        #expect(badInput { try desk.updateAccount("acme", AccountChange(name: "x"), actor: "boss", at: now) } == readOnly)
        #expect(badInput { try desk.addLine(phone("03-5000-0009"), to: "acme", actor: "boss", at: now) } == readOnly)
        #expect(badInput { try desk.closeAccount("acme", actor: "boss", at: now) } == readOnly)
        // Its line is free for another account; its history is still there to read.
        #expect(closed.lines == [])
        try desk.addAccount(NewAccount(code: "beta", name: "ベータ", greeting: "ベータです", lines: [phone("03-5000-0001")]), actor: "t", at: now)
        #expect(try desk.callbacks(CallbackFilter(states: [.done]), at: now).map(\.callback.id) == [id])
        #expect(try desk.history(ofCallback: id).map(\.kind) == ["call.taken", "callback.opened", "callback.done"])
        // With several open accounts left, a new store chooses none by itself.
        #expect(try DeskStore.open(path: desk.path, mode: .existing, now: now).account == nil)
    }
}
