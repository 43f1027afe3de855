import Foundation

/// A gateway command running under `/bin/sh -c`, as the leader of a process group of its own, with
/// a pipe on its stdin and one pipe for its stdout and stderr, and no other descriptor.
///
/// Its own process group is what lets a timeout stop everything it started (`mail` and its
/// `sendmail`, a `sleep`), not only the shell. It starts with no signal blocked and SIGPIPE at its
/// default, whatever desk itself blocks or ignores.
///
/// Desk keeps a descriptor of its stdin pipe's read end open until the gateway is done, so the pipe
/// always has a reader: writing to it never raises SIGPIPE or fails with EPIPE, whether or not the
/// process ignores SIGPIPE, and what the gateway left unread can be counted afterwards (`FIONREAD`).
final class GatewayProcess {
    let pid: pid_t
    /// Desk's end of the gateway's stdin (non-blocking); -1 once closed, which the gateway reads as the end.
    private(set) var input: Int32
    /// The read end of the gateway's stdin, kept to count what it left unread.
    private let inputReader: Int32
    /// Desk's end of the gateway's stdout and stderr (non-blocking); -1 once closed.
    private(set) var output: Int32
    /// Set once the exit status is collected: the pid (and group id) may then be reused.
    private var reaped = false

    /// Starts `/bin/sh -c command`; throws the reason it could not start.
    init(command: String) throws(Failure) {
        let stdin = try Self.pipe()
        let stdout: (read: Int32, write: Int32)
        do {
            stdout = try Self.pipe()
        } catch {
            close(stdin.read)
            close(stdin.write)
            throw error
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin.read, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdout.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdout.write, STDERR_FILENO)
        // Nothing else: a descriptor desk inherited from cron, held by a gateway's background child,
        // would keep cron waiting. (Desk's own are close-on-exec; Swift does not import glibc's
        // posix_spawn_file_actions_addclosefrom_np.)
        for descriptor in Self.openDescriptors() where descriptor > STDERR_FILENO {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)  // a new group, led by the gateway
        var noSignals = sigset_t(), pipeSignal = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &pipeSignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments = ["/bin/sh", "-c", command].map { (argument: String) -> UnsafeMutablePointer<CChar>? in strdup(argument) }
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments + [nil], environ)
        close(stdout.write)  // the gateway's now; desk reads the end of its output once every holder closed it
        guard status == 0 else {
            [stdin.read, stdin.write, stdout.read].forEach { close($0) }
            throw GatewayProcess.Failure(message: "cannot run /bin/sh: \(String(cString: strerror(status)))")
        }
        self.pid = pid
        inputReader = stdin.read
        input = stdin.write
        output = stdout.read
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        closeInput()
        closeOutput()
        close(inputReader)
    }

    /// Why a gateway could not be started.
    struct Failure: Error {
        let message: String
    }

    /// A close-on-exec pipe whose ends are not 0, 1 or 2, so that the child's `dup2`s cannot clobber
    /// one another when desk itself was started with a standard descriptor closed. (Swift does not
    /// import `pipe2`; each end is moved with `F_DUPFD_CLOEXEC`, and desk starts no process on
    /// another thread that could inherit an end in between.)
    private static func pipe() throws(Failure) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard Foundation.pipe(&ends) == 0 else {
            throw Failure(message: "cannot make a pipe for the gateway: \(String(cString: strerror(errno)))")
        }
        let moved = ends.map { end in
            defer { close(end) }
            return fcntl(end, F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
        }
        guard moved.allSatisfy({ $0 >= 0 }) else {
            let reason = String(cString: strerror(errno))
            moved.filter { $0 >= 0 }.forEach { close($0) }
            throw Failure(message: "cannot make a pipe for the gateway: \(reason)")
        }
        return (moved[0], moved[1])
    }

    /// The descriptors open in this process. If they cannot be listed none are, and a gateway
    /// inherits what desk inherited, as programs started by a shell do: nothing to stop delivery for.
    private static func openDescriptors() -> [Int32] {
        #if os(Linux)
        let directory = "/proc/self/fd"
        #else
        let directory = "/dev/fd"
        #endif
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { Int32($0) }
    }

    // MARK: - Input and output

    /// Writes what the gateway takes next without blocking: how many bytes went, 0 when the pipe is
    /// full, or nil on an error (which closes the input).
    func write(_ bytes: ArraySlice<UInt8>) -> Int? {
        let count = bytes.withUnsafeBytes { Foundation.write(input, $0.baseAddress, $0.count) }
        if count >= 0 { return count }
        if errno == EAGAIN || errno == EINTR { return 0 }
        closeInput()
        return nil
    }

    /// Reads what the gateway printed into `sink` without blocking; false once the output has ended
    /// (every process holding it has closed it), which closes it.
    @discardableResult
    func read(into sink: inout GatewayOutput) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { Foundation.read(output, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.withUnsafeBytes { sink.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            return true
        }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return true }
        closeOutput()
        return false
    }

    /// Reads what is already in the output pipe, without waiting for processes that still hold it.
    func drain(into sink: inout GatewayOutput) {
        // A pipe holds at most 1 MiB (Linux's pipe-max-size default); the bound stops a grandchild
        // that keeps writing from keeping desk here.
        for _ in 0..<16 where output >= 0 {
            let before = sink.total
            read(into: &sink)
            if sink.total == before { break }
        }
    }

    /// Closes desk's end of the gateway's stdin: the gateway reads the end of its input.
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    func closeOutput() {
        if output >= 0 { close(output) }
        output = -1
    }

    /// How many bytes written to the gateway's stdin are still in the pipe, unread.
    func unreadInput() -> Int {
        var count: Int32 = 0
        // FIONREAD cannot fail on a pipe we hold open; if it ever did, "all of it unread" errs on the safe
        // side (tried again) rather than marking delivered what nobody read.
        return ioctl(inputReader, UInt(FIONREAD), &count) == 0 ? Int(count) : Int.max / 2
    }

    // MARK: - The process and its group

    /// True once the gateway has exited. It is not reaped: while it is a zombie its pid, and so its
    /// process group's id, cannot be given to another process, and `signalGroup` cannot hit a stranger.
    func hasExited() -> Bool {
        guard !reaped else { return true }
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_signo == SIGCHLD
    }

    /// Sends `signal` to every process in the gateway's group.
    func signalGroup(_ signal: Int32) {
        guard !reaped else { return }
        kill(-pid, signal)
    }

    /// Collects the exit status of a gateway that `hasExited`.
    func reap() -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import (they are macros).
        return status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .killed(status & 0x7F)
    }

    /// How a gateway ended.
    enum Termination: Equatable {
        case exited(Int32)
        case killed(Int32)
    }
}
