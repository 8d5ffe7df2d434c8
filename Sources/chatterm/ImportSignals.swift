import ChatModel
import Foundation

/// SIGINT and SIGTERM during an import: instead of dying mid-transaction, the process asks the
/// analysis to stop (`ImportInterruption`); the transaction rolls back, the task is recorded as
/// failed ("interrupted (SIGINT)"), and then the process ends as that signal would have ended it,
/// removing any file `PartialFiles` holds (a migration's converted file).
final class ImportSignals {
    let interruption = ImportInterruption()

    init() {
        PartialFiles.begin()
        _ = PartialFiles.importing(interruption)
    }

    /// If a signal came: says what became of the import, then ends the process by that signal
    /// (130 or 143 in a shell). Otherwise the signals go back to what they were.
    func finish(task: ImportTask?) {
        guard let number = PartialFiles.importing(nil) else {
            PartialFiles.end()
            return
        }
        let outcome =
            task.map { $0.state == .completed ? "it had completed (task \($0.id))" : "nothing was written; task \($0.id) is marked failed" }
            ?? "nothing was written"
        OutputStream.standardError.write("chatterm: import interrupted: \(outcome)\n")
        PartialFiles.end(by: number)
    }
}
