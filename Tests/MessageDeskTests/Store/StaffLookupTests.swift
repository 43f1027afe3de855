import Foundation
import Testing
@testable import MessageDesk

/// A transaction looks each member of staff up once; what it sees must still be the staff list as it is.
@Suite struct StaffLookupTests {
    let now = at("2026-11-20T10:00:00+09:00")

    @Test func aChangeMadeInTheTransactionIsSeenByTheLookUpsAfterIt() throws {
        let desk = try makeDesk(now: now)
        try desk.inOneTransaction {
            let before = (try desk.staff(handle: "tanaka"), try desk.staff(handle: "suzuki"))
            #expect(before.0.displayName == "田中一郎" && before.1.displayName == "鈴木花子")
            try desk.updateStaff("tanaka", displayName: "田中二郎", escalationContact: .some("suzuki"), actor: "boss", at: now)
            try desk.updateStaff("suzuki", displayName: "鈴木次郎", actor: "boss", at: now)
            let tanaka = try desk.staff(handle: "tanaka")
            #expect(tanaka.displayName == "田中二郎")
            #expect(tanaka.escalationContact == "suzuki")
            let suzuki = try desk.staff(handle: "suzuki")
            #expect(suzuki.displayName == "鈴木次郎")
            // A member added in the transaction is found at once.
            try desk.addStaff(NewStaff(handle: "ito", displayName: "伊藤"), actor: "boss", at: now)
            let ito = try desk.staff(handle: "ito")
            #expect(ito.displayName == "伊藤")
        }
    }

    @Test func aChangeByAnotherConnectionIsSeenByTheNextTransaction() throws {
        let desk = try makeDesk(now: now)
        let other = try DeskStore.open(path: desk.path, mode: .existing, now: now)
        let first = try desk.inOneTransaction { try desk.staff(handle: "tanaka") }
        #expect(first.substitute == "suzuki")
        try other.updateStaff("tanaka", displayName: "田中二郎", substitute: .some("boss"), actor: "boss", at: now)
        let tanaka = try desk.staff(handle: "tanaka")
        #expect(tanaka.displayName == "田中二郎")
        #expect(tanaka.substitute == "boss")
        let inTransaction = try desk.inOneTransaction { try desk.staff(handle: "tanaka") }
        #expect(inTransaction.substitute == "boss")
    }

    @Test func aChangeRolledBackIsNotRemembered() throws {
        let desk = try makeDesk(now: now)
        struct Abandoned: Error {}
        #expect(throws: DeskError.self) {
            try desk.inOneTransaction {
                try desk.updateStaff("tanaka", displayName: "田中二郎", actor: "boss", at: now)
                let changed = try desk.staff(handle: "tanaka")
                #expect(changed.displayName == "田中二郎")
                throw Abandoned()
            }
        }
        #expect(try desk.staff(handle: "tanaka").displayName == "田中一郎")
    }
}
