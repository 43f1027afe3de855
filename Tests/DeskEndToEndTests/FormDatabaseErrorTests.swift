import Foundation
import Testing

/// A database error while the form looks something up is shown and ends the form: it is never taken for
/// "nobody matches" or "new caller" (issue 13).
@Suite struct FormDatabaseErrorTests {
    /// The office with its callers table gone, so that the form's caller lookup fails (and nothing else does).
    private func officeWithoutCallers() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        _ = try desk.sql("ALTER TABLE callers RENAME TO callers_gone")
        return desk
    }

    @Test func aFailedCallerLookupIsAnErrorNotANewCaller() throws {
        let desk = try officeWithoutCallers()
        let result = try desk.run(["take", "--as", "sato"], input: "tanaka\n03-1234-5678\n山田太郎\n")
        #expect(result == DeskResult(status: 74, stdout: """
            Take a message — Ctrl-C or Ctrl-D cancels; nothing is saved until you confirm.
            For whom (handle or name): tanaka
            → 田中一郎 (tanaka): in the office — substitute: 鈴木花子 (suzuki)
            Caller's phone: 03-1234-5678

            """, stderr: """
            desk: error: SQLite error 1 (SQL logic error): no such table: callers — while running: \
            SELECT id, name, company FROM callers WHERE account_id = ? AND phone = ?

            """))
    }
}
