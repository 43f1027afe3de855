import Foundation

extension DeskError {
    /// A system error as the desk's kind: permission (77), a missing place (73), else I/O (74) — a
    /// read-only file system included: no change of owner or mode would help.
    static func system(_ code: Int32, _ what: String, hint: String) -> DeskError {
        let reason = String(cString: strerror(code))
        switch code {
        case EACCES, EPERM:
            return DeskError(.permission, "\(what): \(reason); check the owner and mode of the directory")
        case EROFS:
            return DeskError(.io, "\(what): \(reason); remount it read-write, or choose a writable place")
        case ENOSPC, EDQUOT, EFBIG:
            return DeskError(.io, "\(what): \(reason); free space and try again")
        case ENOENT, ENOTDIR:
            return DeskError(.cannotCreate, "\(what): \(reason); \(hint)")
        default:
            return DeskError(.io, "\(what): \(reason); \(hint)")
        }
    }
}
