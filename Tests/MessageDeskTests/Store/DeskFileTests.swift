import Foundation
import Testing
@testable import DeskStorage
@testable import MessageDesk

/// What a path holds, found without changing it: a desk whose changes are all still in its WAL is a desk.
@Suite struct DeskFileTests {
    /// Until a checkpoint the tables a desk's file holds can be in its `-wal` only. While another terminal
    /// keeps the desk open that lasts, and a second terminal must still see a desk — also through a
    /// symlink, whose name has no `-wal` beside it (SQLite keeps it beside the file the link leads to).
    @Test func aDeskWhoseTablesAreStillInItsWALIsADesk() throws {
        let store = try makeDesk()
        let current = DeskFile.desk(.current(applied: Migration.embedded.map(\.id)))
        #expect(try DeskFile.inspect(store.path) == current)
        let directory = PathParts(store.path).directory
        let symlink = directory + "/symlink.sqlite"
        #expect(Foundation.symlink(store.path, symlink) == 0)
        #expect(try DeskFile.inspect(symlink) == current)
        let second = try DeskStore.open(path: store.path, mode: .existing, now: at("2026-11-20T10:00:00+09:00"))
        #expect(try second.staff(handle: "tanaka").displayName == "田中一郎")
    }
}
