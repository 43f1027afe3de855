import DeskStorage
import Foundation
import Testing
@testable import MessageDesk

/// Per-account settings in the store (issue 15): an account's value over the service's over the default, and
/// the keywords of a desk made before accounts carried over to its one account.
@Suite struct AccountSettingsStoreTests {
    /// A desk one migration short of 0012 with keywords and a coefficient set, then migrated: the keywords become
    /// account 1's own, the coefficient stays the service's, and the store marks the same words sensitive.
    @Test func aDesksKeywordsBecomeItsOneAccountsOwn() throws {
        let path = try makeTemporaryDirectory() + "/desk.sqlite"
        let now = at("2026-11-20T10:00:00+09:00")
        let older = Migrator(migrations: Array(Migration.embedded.prefix { $0.id < "0012" }))
        do {
            let store = try DeskStore.open(path: path, mode: .create, now: now, migrator: older)
            try store.set(.sensitiveKeywords, to: "給与,人事", actor: "test", at: now)
            try store.set(.priorityUrgent, to: "12.5", actor: "test", at: now)
            #expect(store.policy.sensitivity.keywords == ["給与", "人事"])
        }
        let store = try DeskStore.open(path: path, mode: .create, now: now)
        let rows = try store.database.statement("SELECT ifnull(account_id, '-'), key, value FROM settings ORDER BY key")
            .map { "\(try $0.string(0))|\(try $0.string(1))|\(try $0.string(2))" }
        #expect(rows == ["-|priority.urgent|12.5", "1|sensitive_keywords|給与,人事"])
        #expect(store.policy.sensitivity.keywords == ["給与", "人事"])
        #expect(store.policy.coefficients.urgent == 12.5)
        #expect(try store.settingSources()[.sensitiveKeywords] == .account)
        #expect(try store.settingSources()[.priorityUrgent] == .service)
    }

    /// A second account starts with no keywords and the service's other values; its own value wins over the
    /// service's, and a service-wide keyword list is refused (the database refuses it too).
    @Test func anAccountsValueWinsOverTheServicesAndKeywordsAreNeverTheServices() throws {
        let now = at("2026-11-20T10:00:00+09:00")
        let desk = try makeDesk(now: now)
        try desk.set(.sensitiveKeywords, to: "給与", actor: "boss", at: now)
        try desk.addAccount(NewAccount(code: "beta", name: "ベータ商事", greeting: "はい、ベータ商事でございます"), actor: "boss", at: now)
        let beta = try desk.account(code: "beta")
        try desk.set(.urgentDueMinutes, to: "45", actor: "boss", at: now)
        try desk.set(.type1DueMinutes, to: "60", for: .account(beta), actor: "boss", at: now)
        let policy = try desk.policy(ofAccount: beta.id)
        #expect(policy.sensitivity.keywords.isEmpty)
        #expect((policy.urgentMinutes, policy.type1BusinessMinutes) == (45, 60))
        #expect(try desk.policy(ofAccount: 1).type1BusinessMinutes == 120)
        #expect(throws: DeskError.self) { try desk.set(.sensitiveKeywords, to: "訴訟", for: .service, actor: "boss", at: now) }
        #expect(throws: (any Error).self) {
            try desk.database.execute("INSERT INTO settings (account_id, key, value) VALUES (NULL, 'sensitive_keywords', '訴訟')")
        }
    }
}
