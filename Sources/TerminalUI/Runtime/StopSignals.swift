#if canImport(Glibc)
import Glibc
#endif

/// Set by the handler below: a signal handler may only store to a `sig_atomic_t`.
nonisolated(unsafe) private var stopSignalReceived: sig_atomic_t = 0

/// SIGHUP (the terminal was closed) and SIGTERM (`kill`) as a request to leave the client's
/// loop, as `q` does: the terminal is restored and whoever started the client cleans up after
/// it (`chatterm demo` removes its throwaway store and app secret). By default either signal
/// would end the process on the spot.
///
/// A plain handler, not a dispatch source: on Linux those read signals through `signalfd`,
/// which sees only signals blocked in every thread, and the server in the same process (the
/// demo's) has already set SIGTERM to be ignored.
struct StopSignals {
    private static let numbers = [SIGHUP, SIGTERM]

    init() {
        stopSignalReceived = 0
        for number in Self.numbers { signal(number) { _ in stopSignalReceived = 1 } }
    }

    var stopRequested: Bool { stopSignalReceived != 0 }

    /// Gives the signals back their default action.
    func restore() {
        for number in Self.numbers { signal(number, SIG_DFL) }
    }
}
