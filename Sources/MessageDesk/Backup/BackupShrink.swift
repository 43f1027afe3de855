/// A backup that holds less than the one before it: fewer events, or less than half its size.
///
/// A desk only grows — events are append-only, and nothing is deleted — so a copy with fewer events
/// than an earlier backup, or a file that collapsed to under half the earlier size, means the live
/// database lost data or was replaced (an empty file, another desk, an old copy). Half leaves room
/// for what is legitimately smaller (an earlier backup padded by free pages, a `VACUUM`ed live
/// database) while catching every loss of most of the data. After a restore the live database is
/// smaller on purpose: that backup is made with `--allow-shrink`.
struct BackupShrink: Equatable {
    /// What an earlier backup held.
    struct Baseline: Equatable {
        let path: String
        let events: Int
        let bytes: Int64

        /// The earlier backup at `path`; nil when there is none, or it is not a desk, or it is damaged (then
        /// there is nothing to compare with: that file is not a good backup). A desk that cannot be read
        /// (permission, I/O) is an error: the comparison must not vanish with it.
        static func read(_ path: String) throws -> Baseline? {
            let file: DeskFile
            do {
                file = try DeskFile.inspect(path)
            } catch let error as DeskError where error.kind == .badInput {
                return nil   // damaged or not SQLite: no good backup to compare with
            }
            guard case .desk = file, let identity = FileIdentity(path: path) else { return nil }
            do {
                let database = try DeskFile.openWithoutChanging(path)
                let events = try EventCount.all(in: database)
                return Baseline(path: path, events: events, bytes: identity.size)
            } catch {
                throw DeskError(error, path: path)
            }
        }
    }

    let events: Int
    let bytes: Int64
    let baseline: Baseline

    /// The shrink of a copy with `events` events and `bytes` bytes against `baseline`, or nil when it did not shrink.
    init?(events: Int, bytes: Int64, against baseline: Baseline) {
        guard events < baseline.events || bytes * 2 < baseline.bytes else { return nil }
        self.events = events
        self.bytes = bytes
        self.baseline = baseline
    }

    /// `holds 1 event, fewer than the 13 of the previous backup B`, or `is 8192 bytes, less than half …`.
    var explanation: String {
        if events < baseline.events {
            return "holds \(events == 1 ? "1 event" : "\(events) events"), fewer than the \(baseline.events) of the previous backup \(baseline.path)"
        }
        return "is \(bytes) bytes, less than half the \(baseline.bytes) bytes of the previous backup \(baseline.path)"
    }
}
