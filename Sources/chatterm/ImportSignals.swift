import ChatModel
import Dispatch
import Foundation

/// SIGINT and SIGTERM during an import: instead of dying mid-transaction, the process asks the
/// analysis to stop (`ImportInterruption`); the transaction rolls back, the task is recorded as
/// failed ("interrupted (SIGINT)"), and then the process ends as that signal would have ended it.
final class ImportSignals {
    let interruption = ImportInterruption()
    private var sources: [any DispatchSourceSignal] = []
    private let caught = Locked<Int32?>(nil)

    init() {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [interruption, caught] in
                caught.withLock { $0 = $0 ?? number }
                interruption.interrupt(name)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// If a signal came: says what became of the import, then ends the process by that signal
    /// (130 or 143 in a shell). Otherwise puts the default handlers back.
    func finish(task: ImportTask?) {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        guard let number = caught.withLock({ $0 }) else { return }
        let outcome =
            task.map { $0.state == .completed ? "it had completed (task \($0.id))" : "nothing was written; task \($0.id) is marked failed" }
            ?? "nothing was written"
        OutputStream.standardError.write("chatterm: import interrupted: \(outcome)\n")
        kill(getpid(), number)
        // The default action ends the process; this is reached only if the signal is blocked.
        exit(128 + number)
    }
}
