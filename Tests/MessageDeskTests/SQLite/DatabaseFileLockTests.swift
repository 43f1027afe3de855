import Foundation
import Testing
@testable import MessageDesk

/// The notifier's lock, held by the database file whatever path leads there.
@Suite struct DatabaseFileLockTests {
    @Test func oneHolderPerFileInOneProcessHoweverThePathIsSpelled() throws {
        let store = try makeDesk()
        let directory = (store.path as NSString).deletingLastPathComponent
        let symlink = directory + "/symlink.sqlite"
        #expect(Foundation.symlink(store.path, symlink) == 0)
        // (A hard link is tested across processes, in DeskEndToEndTests: within one process SQLite itself
        // refuses a second name for an open file, whose -wal would differ.)
        let throughSymlink = try DeskStore.open(path: symlink, mode: .existing, now: at("2026-11-20T10:00:00+09:00"))
        let respelled = try DeskStore.open(path: directory + "/./desk.sqlite", mode: .existing, now: at("2026-11-20T10:00:00+09:00"))
        let inside = try store.withNotifierLock { () throws -> [Int?] in
            [try throughSymlink.withNotifierLock { 1 }, try respelled.withNotifierLock { 2 }, try store.withNotifierLock { 3 }]
        }
        #expect(inside == [nil, nil, nil])
        // Released, it is anyone's, and again after that.
        #expect(try throughSymlink.withNotifierLock { 4 } == 4)
        #expect(try respelled.withNotifierLock { 5 } == 5)
        #expect(try store.withNotifierLock { 6 } == 6)
        // A body that throws lets go too.
        #expect(throws: DeskError.self) { try store.withNotifierLock { throw DeskError(.io, "gateway broke") } }
        #expect(try throughSymlink.withNotifierLock { 7 } == 7)
    }
}
