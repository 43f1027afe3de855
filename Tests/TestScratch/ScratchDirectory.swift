import Foundation

/// Directories for a test run's files, all under one root that is removed when the run ends: thousands of
/// test databases a day otherwise pile up in the system's temporary directory.
public enum ScratchDirectory {
    /// `…/desk-tests-PID-UUID`, world-traversable (a test runs `desk` as another user inside it); removed at exit.
    static let root: String = {
        let path = NSTemporaryDirectory() + "desk-tests-\(getpid())-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o755])
        atexit { try? FileManager.default.removeItem(atPath: ScratchDirectory.root) }
        return path
    }()

    /// A new, empty directory `prefix-UUID` under the run's root, world-traversable.
    public static func make(_ prefix: String) throws -> String {
        let path = root + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        return path
    }
}
