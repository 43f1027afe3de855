import Foundation

/// SIGTERM and SIGINT for a command that runs until told to stop (`desk notify --daemon`): both are blocked
/// from the start, so neither kills desk between two writes, and the command asks for them when it has time:
/// between two notifications, and while it waits (`sigtimedwait`, which also makes the wait no busy loop).
///
/// Made before any other thread exists, so every thread inherits the mask; a gateway starts with no signal
/// blocked (`GatewayProcess`).
struct StopSignals {
    private var signals = sigset_t()

    init() {
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    /// True once SIGTERM or SIGINT has arrived (it stays pending until `wait` takes it).
    var requested: Bool {
        var pending = sigset_t()
        sigpending(&pending)
        return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1
    }

    /// Waits up to `seconds` for SIGTERM or SIGINT; true when one came.
    func wait(seconds: Int) -> Bool {
        var set = signals
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let left = deadline - ContinuousClock.now
            if left <= .zero { return requested }
            var timeout = timespec(tv_sec: Int(left.components.seconds), tv_nsec: Int(left.components.attoseconds / 1_000_000_000))
            if sigtimedwait(&set, nil, &timeout) > 0 { return true }
            if errno != EINTR && errno != EAGAIN { return requested }
        }
    }
}
