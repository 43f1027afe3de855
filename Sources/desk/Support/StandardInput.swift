import Foundation
import MessageDesk

/// All of standard input, read with read(2) up to a limit (never trapping, as FileHandle may).
enum StandardInput {
    static func readAll(limit: Int, what: String) throws -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw DeskError(.io, "cannot read \(what) from standard input: \(String(cString: strerror(errno)))")
            }
            bytes += buffer[..<count]
            if bytes.count > limit { throw DeskError(.badInput, "\(what) is longer than \(limit / 1024) KiB; pipe in one reply at a time") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DeskError(.badInput, "\(what) is not UTF-8 text; have the mail system decode it before piping it in")
        }
        return text
    }
}
