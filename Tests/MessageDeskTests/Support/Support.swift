import Foundation
@testable import DeskStorage
@testable import MessageDesk
import TestScratch

/// A fresh directory for one test's files, removed with the others when the test run ends.
func makeTemporaryDirectory() throws -> String {
    try ScratchDirectory.make("messagedesk-test")
}

/// An instant written as ISO-8601 in a test, e.g. `at("2026-11-20T10:15:00+09:00")`.
func at(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else { preconditionFailure("bad test time \(text)") }
    return date
}

/// A phone number written in a test.
func phone(_ text: String) -> PhoneNumber {
    do { return try PhoneNumber(parsing: text) } catch { preconditionFailure("bad test phone \(text)") }
}

/// A desk on a new on-disk database with tanaka (substitute suzuki, escalation boss), suzuki, boss, sato.
func makeDesk(now: Date = at("2026-11-20T10:00:00+09:00")) throws -> DeskStore {
    let path = try makeTemporaryDirectory() + "/desk.sqlite"
    let store = try DeskStore.open(path: path, mode: .create, now: now)
    try store.addStaff(NewStaff(handle: "boss", displayName: "部長", role: .manager), actor: "test", at: now)
    try store.addStaff(NewStaff(handle: "suzuki", displayName: "鈴木花子"), actor: "test", at: now)
    try store.addStaff(NewStaff(handle: "tanaka", displayName: "田中一郎", substitute: "suzuki", escalationContact: "boss"),
                       actor: "test", at: now)
    try store.addStaff(NewStaff(handle: "sato", displayName: "佐藤", role: .operator), actor: "test", at: now)
    return store
}

/// A message for tanaka from 山田太郎 unless told otherwise.
func message(for owner: String = "tanaka", phone number: String = "03-1234-5678", body: String = "見積の件で折り返しください",
             urgent: Bool = false, notBefore: Date? = nil, notAfter: Date? = nil) -> NewMessage {
    NewMessage(forHandle: owner, callerName: "山田太郎", phone: phone(number), company: "ＡＢＣ商事", body: body,
               urgent: urgent, notBefore: notBefore, notAfter: notAfter, operatorHandle: "sato")
}

/// Counts rows of a table.
func count(_ store: DeskStore, _ table: String, where condition: String = "1") throws -> Int {
    try store.database.scalarInt("SELECT count(*) FROM \(table) WHERE \(condition)") ?? -1
}

/// The ids of every migration this build knows, in order: what a new database records.
let allMigrations = Migration.embedded.map(\.id)
/// The newest migration's id.
let latestMigration = allMigrations.last ?? ""
