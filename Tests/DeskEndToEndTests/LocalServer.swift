import Foundation
import Testing

/// A real server on 127.0.0.1 for a test, one of the harnesses in Scripts/testservers/ run with /usr/bin/python3:
/// the SMTP server (aiosmtpd) or the HTTP server that checks each chat service's format. It prints
/// "ready PORT" and then a line per mail or request, which the test reads to wait for them (reading blocks;
/// nothing sleeps). `stop()` ends it, and so does the end of its stdin or its own lifetime, whatever the test did.
final class LocalServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    /// Where the server writes each mail or request.
    let directory: String
    private let output = Pipe(), input = Pipe()
    private var buffered = Data()

    init(_ script: String, directory: String, arguments: [String] = []) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [repositoryRoot.appendingPathComponent("Scripts/testservers/" + script).path,
                             "--dir", directory, "--lifetime", "120"] + arguments
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var port = 0
        if let ready = Self.nextLine(output, &buffered), ready.hasPrefix("ready ") { port = Int(ready.dropFirst(6)) ?? 0 }
        self.port = port
        if port == 0 { stop() }
    }

    deinit { stop() }

    /// The next line the server printed ("mail 3", "request 2 429"); nil once it has ended.
    func nextLine() -> String? { Self.nextLine(output, &buffered) }

    func stop() {
        if process.isRunning { process.terminate() }
        try? input.fileHandleForWriting.close()  // its stdin's end stops it too
        process.waitUntilExit()
    }

    private static func nextLine(_ pipe: Pipe, _ buffered: inout Data) -> String? {
        while true {
            if let end = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<end], as: UTF8.self)
                buffered.removeSubrange(...end)
                return line
            }
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffered.append(chunk)
        }
    }
}

/// A mail as the SMTP server received it, parsed by Python's own `email` package (an independent reader).
struct ReceivedMail: Equatable {
    let to: String
    let subject: String
    let body: String
    let contentType: String
    let envelopeTo: [String]

    /// Reads DIR/mail-N.eml and DIR/mail-N.json.
    init(_ server: LocalServer, number: Int) throws {
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        reader.arguments = ["-c", """
            import email, email.header, json, sys
            m = email.message_from_binary_file(open(sys.argv[1] + '.eml', 'rb'))
            decode = lambda v: str(email.header.make_header(email.header.decode_header(v)))
            print(json.dumps({'to': decode(m['To']), 'subject': decode(m['Subject']),
                'body': m.get_payload(decode=True).decode(m.get_content_charset()), 'content_type': m['Content-Type'],
                'envelope_to': json.load(open(sys.argv[1] + '.json'))['rcpt_tos']}, ensure_ascii=False))
            """, server.directory + "/mail-\(number)"]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        to = json["to"] as? String ?? ""
        subject = json["subject"] as? String ?? ""
        body = json["body"] as? String ?? ""
        contentType = json["content_type"] as? String ?? ""
        envelopeTo = json["envelope_to"] as? [String] ?? []
    }
}
