import ChatModel
import Dispatch
import Foundation

/// SIGINT and SIGTERM while a command writes files, handled in one place (a process has one
/// disposition per signal). Files not whole yet — the temporary file beside `convert`'s or
/// `export`'s output, the parts of a `split` so far, a migration's converted file, `generate`'s
/// output — are removed, and the process ends as the signal would have ended it (130 or 143 in
/// a shell), so Ctrl-C leaves no half file behind. While an import runs (`ImportSignals`), the
/// signal asks it to stop instead: it rolls back, records its task, and then ends the process
/// the same way.
enum PartialFiles {
    private struct State: Sendable {
        var paths: [String] = []
        var depth = 0
        var importStop: ImportInterruption?
        var caught: Int32?
    }

    private static let state = Locked(State())
    /// Made and cancelled by `begin` and `end`, on the command's thread.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Runs `body` with the signals handled as above. What was `add`ed is left when it returns
    /// or throws: by then it is whole, or the command's own error handling removes it.
    static func guarding<T>(_ body: () throws -> T) rethrows -> T {
        begin()
        defer { end() }
        return try body()
    }

    /// A file or folder (with what it holds) to remove if a signal ends the process first.
    static func add(_ path: String) { state.withLock { $0.paths.append(path) } }

    static func begin() {
        guard
            state.withLock({ s in
                s.depth += 1
                return s.depth == 1
            })
        else { return }
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received(number, name) }
            source.resume()
            sources.append(source)
        }
    }

    static func end() {
        let last = state.withLock { s in
            s.depth -= 1
            if s.depth == 0 { s.paths = [] }
            return s.depth == 0
        }
        guard last else { return }
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// While `interruption`'s import runs, a signal stops it instead of the process; nil when it
    /// ended. Returns the signal caught so far, if any.
    static func importing(_ interruption: ImportInterruption?) -> Int32? {
        state.withLock { s in
            s.importStop = interruption
            return s.caught
        }
    }

    private static func received(_ number: Int32, _ name: String) {
        let importStop = state.withLock { s in
            s.caught = s.caught ?? number
            return s.importStop
        }
        if let importStop { importStop.interrupt(name) } else { end(by: number) }
    }

    /// Removes what was added and ends the process by signal `number`. It may run on a dispatch
    /// thread, which blocks signals: sent to the process, the signal could reach another thread
    /// only after `exit` had ended it with a status instead, so this thread unblocks it and
    /// raises it on itself.
    static func end(by number: Int32) -> Never {
        for path in state.withLock({ $0.paths }) { try? FileManager.default.removeItem(atPath: path) }
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        // The default action ends the process; this is reached only if the signal is blocked.
        exit(128 + number)
    }
}
