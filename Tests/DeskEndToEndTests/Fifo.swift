import Foundation
import Testing

/// A named pipe in a test's directory, through which a test and a gateway script signal each other
/// without sleeping: each side blocks until the other has done its part.
final class Fifo {
    let path: String
    private let descriptor: Int32

    /// Makes the fifo and opens it. `asWriterToo` keeps it open for writing as well, so a script's
    /// `read line < fifo` and `echo > fifo` never block on opening it; without it the test is a
    /// reader only, and reading ends (EOF) once every process that opened it for writing has gone.
    init(_ path: String, asWriterToo: Bool) throws {
        self.path = path
        guard mkfifo(path, 0o600) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        // Non-blocking open: a reader-only open would otherwise wait for the first writer.
        descriptor = open(path, (asWriterToo ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    deinit { close(descriptor) }

    /// Reads one line, or nil when nothing came within `seconds` (a safety bound for a broken run,
    /// never a timing the test relies on).
    func readLine(within seconds: Int32 = 60) -> String? {
        var line = [UInt8]()
        while true {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, seconds * 1000) > 0 else { return nil }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count < 0 && errno == EAGAIN { continue }
            guard count == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
    }

    /// Everything written until every writer has closed it (or `seconds` passed without a byte).
    func readToEnd(within seconds: Int32 = 60) -> String {
        var text = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, seconds * 1000) > 0 else { break }
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EAGAIN { continue }
            guard count > 0 else { break }
            text += buffer[0..<count]
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Writes `text`, for a script blocked in `read line < fifo`.
    func write(_ text: String) {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
    }
}
