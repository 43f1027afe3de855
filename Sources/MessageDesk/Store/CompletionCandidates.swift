import DeskStorage
import Foundation

/// What a shell's Tab completes from a desk: staff handles, account codes, live callback ids.
///
/// Read-only and quick, since a shell runs it on every Tab: the file is looked at first (`DeskFile.inspect`)
/// and read with a connection that creates nothing (no `-wal`, no `-shm`, no lock file); nothing is created or
/// migrated. One account's names only, as every list: the chosen account's (or the desk's only open one) with
/// the service's staff.
public enum CompletionCandidates {
    /// The names an argument takes.
    public enum Kind: Sendable {
        case staffHandles, accountCodes, liveCallbackIDs
    }

    /// The candidates of `kind` in the desk at `path`, for the account `code` (nil: the only open one).
    public static func list(_ kind: Kind, at path: String, account code: String?) -> [String] {
        // A Tab must never print an error or wait on a writer: anything but a readable desk of this schema
        // (missing, another version's, locked past 100 ms) completes nothing, silently.
        do {
            guard case .desk(.current) = try DeskFile.inspect(path) else { return [] }
            let database = try DeskFile.openWithoutChanging(path, busyTimeoutMilliseconds: 100)
            return try read(kind, in: database, account: code)
        } catch {
            return []
        }
    }

    private static func read(_ kind: Kind, in database: Database, account code: String?) throws -> [String] {
        let account = try database.scalarInt("""
            SELECT id FROM accounts WHERE closed_at IS NULL
               AND (code = ?1 OR (?1 IS NULL AND (SELECT count(*) FROM accounts WHERE closed_at IS NULL) = 1))
            """, [.text(code)])
        switch kind {
        case .accountCodes:
            return try database.statement("SELECT code FROM accounts WHERE closed_at IS NULL ORDER BY code").map { try $0.string(0) }
        case .staffHandles:
            return try database.statement("SELECT handle FROM staff WHERE account_id IS NULL OR account_id = ? ORDER BY handle")
                .map([.int(account)]) { try $0.string(0) }
        case .liveCallbackIDs:
            return try database.statement("""
                SELECT cb.id FROM callbacks cb JOIN callers cl ON cl.id = cb.caller_id
                 WHERE cb.state IN ('open', 'acknowledged') AND cl.account_id = ? ORDER BY cb.id
                """).map([.int(account)]) { String(try $0.int(0)) }
        }
    }
}
