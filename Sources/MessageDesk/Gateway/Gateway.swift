import Foundation

/// The command the outbox hands each notification to: `/bin/sh -c COMMAND`, with the notification as
/// one line of JSON on stdin. It is delivered only when the command read all of it and exited 0.
///
/// Every wait is bounded: at the timeout the gateway's whole process group gets SIGTERM, and SIGKILL
/// `grace` later; desk then stops reading its output, even if a process that outlived the group's
/// leader still holds the pipe.
///
/// A failure is temporary (tried again after a backoff) unless the gateway exited 69 (EX_UNAVAILABLE): the far
/// end refused the notification for good. Exit 75 (EX_TEMPFAIL), any other code, a signal and a timeout are all
/// temporary: a gateway that crashed or was stopped said nothing about the notification itself.
public struct Gateway: Sendable {
    public let command: String
    /// How long a gateway may take before its process group is stopped and the attempt counts as failed.
    public let timeout: Duration
    /// Time between SIGTERM and SIGKILL, for a gateway that cleans up when told to stop.
    public static let grace: Duration = .seconds(2)
    /// How long desk waits after SIGKILL for the kernel to end the gateway (it waits no longer for a
    /// process stuck in the kernel).
    static let killWait: Duration = .seconds(5)
    /// The longest desk sleeps between looks at a gateway whose pipes are quiet.
    static let longestPause: Duration = .milliseconds(50)
    /// The exit code (sysexits' EX_UNAVAILABLE) by which a gateway says the far end refused for good.
    public static let permanentFailure: Int32 = 69

    public init(command: String, timeout: Duration) {
        self.command = command
        self.timeout = timeout
    }

    /// What came of handing one notification to the gateway.
    public struct Attempt: Sendable, Equatable {
        /// Nil when delivered; otherwise why not, on one line and safe to print.
        public let failure: String?
        /// What the gateway printed.
        public let output: GatewayOutput
        /// True when the gateway said the far end will never take it (exit 69): it is not tried again.
        public var permanent = false
    }

    /// Runs the gateway for one notification and waits (boundedly) for it to end.
    public func deliver(_ notification: String) -> Attempt {
        let input = Array((notification + "\n").utf8)
        var output = GatewayOutput()
        let process: GatewayProcess
        do {
            process = try GatewayProcess(command: command)
        } catch {
            return Attempt(failure: error.message, output: output)
        }
        var written = 0
        let clock = ContinuousClock()
        var stage = Stage.running
        var stageEnds = clock.now + timeout
        var pause = Duration.milliseconds(1)
        while !process.hasExited() {
            let now = clock.now
            if now >= stageEnds {
                switch stage {
                case .running:
                    process.signalGroup(SIGTERM)
                    (stage, stageEnds) = (.terminating, now + Self.grace)
                case .terminating:
                    process.signalGroup(SIGKILL)
                    (stage, stageEnds) = (.killed, now + Self.killWait)
                case .killed:
                    return Attempt(failure: "\(tookTooLong) and could not be stopped (process group \(process.pid))", output: output)
                }
                continue
            }
            // Wait for the pipes, or until the next look at the process (which exits without a sound on them).
            var descriptors = [process.input, process.output].filter { $0 >= 0 }.map { descriptor in
                pollfd(fd: descriptor, events: Int16(descriptor == process.input ? POLLOUT : POLLIN), revents: 0)
            }
            let wait = min(pause, stageEnds - now)
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(max(1, wait.wholeMilliseconds)))
            pause = ready > 0 ? .milliseconds(1) : min(pause * 2, Self.longestPause)
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == process.input {
                    guard let count = process.write(input[written...]) else { continue }
                    written += count
                    if written == input.count { process.closeInput() }
                } else {
                    process.read(into: &output)
                }
            }
        }
        if stage != .running {
            // The leader is gone but not reaped, so the group id is still its own: stop what outlived it.
            process.signalGroup(SIGKILL)
        }
        process.drain(into: &output)
        let unread = input.count - written + process.unreadInput()
        let termination = process.reap()
        let timedOut = stage != .running
        return Attempt(failure: failure(timedOut: timedOut, termination, unread: unread, of: input.count, output: output),
                       output: output, permanent: !timedOut && termination == .exited(Self.permanentFailure))
    }

    /// Where a gateway is in being stopped.
    private enum Stage {
        case running, terminating, killed
    }

    private var tookTooLong: String { "the gateway took longer than \(timeout.components.seconds)s" }

    /// Nil for a delivery; else the reason, quoting the first line the gateway printed.
    private func failure(timedOut: Bool, _ termination: GatewayProcess.Termination, unread: Int, of total: Int,
                         output: GatewayOutput) -> String? {
        var reason: String
        let ended: String? = switch termination {
        case .exited(0): nil
        case .exited(let code): "exited \(code)"
        case .killed(let signal): "was killed by signal \(signal)"
        }
        if timedOut {
            reason = tookTooLong
        } else if unread >= total {
            reason = "the gateway \(ended ?? "exited") without reading the notification"
        } else if unread > 0 {
            reason = "the gateway \(ended ?? "exited") before reading the whole notification"
        } else if let ended {
            reason = "the gateway \(ended)"
        } else {
            return nil
        }
        if let said = output.firstLine() { reason += ": \(said)" }
        return reason
    }
}
