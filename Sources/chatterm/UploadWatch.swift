import ChatClient
import ChatModel
import Foundation

/// Follows a remote import task with get_import until it ends, as `stream-cli chat get-import
/// --watch` does: a progress line on standard error (redrawn on a terminal, a line per change
/// otherwise). It asks after 1 s, then a second later each time up to every 5 s (stream-cli's
/// pace): a small import is seen done at once, a long one costs Stream few calls.
struct UploadWatch {
    let imports: StreamImports
    static let slowest: Duration = .seconds(5)

    /// The task as it ended: completed, failed, or waiting for a confirmation in Stream's dashboard.
    func follow(_ created: JSONObject) async throws -> JSONObject {
        let id = created["id"]?.stringValue ?? ""
        let start = ContinuousClock.now
        var task = created
        var last = ""
        var interval: Duration = .seconds(1)
        let terminal = OutputStream.standardError.isTerminal
        while true {
            let state = task["state"]?.stringValue ?? task["state"].map { JSONWriter().string($0) } ?? "?"
            let seconds = (ContinuousClock.now - start).components.seconds
            let line = "import task \(id): \(state)" + Self.counts(task)
            if terminal {
                OutputStream.standardError.write("\r\(terminalSafe(line)) (\(seconds)s)\u{1B}[K")
            } else if line != last {
                OutputStream.standardError.write(terminalSafe(line) + "\n")
            }
            last = line
            if Self.isFinal(state) { break }
            try await Task.sleep(for: interval)
            interval = min(interval + .seconds(1), Self.slowest)
            do {
                task = try await imports.get(id: id)
            } catch let error as StreamAPIFailure {
                if terminal { OutputStream.standardError.write("\n") }
                throw UploadCommand.apiFailure(error, doing: "cannot follow import task \(id)")
            }
        }
        if terminal { OutputStream.standardError.write("\n") }
        return task
    }

    /// Ended: completed, any failed state, or waiting for a person to confirm it.
    static func isFinal(_ state: String) -> Bool {
        state == "completed" || state == "waiting_confirmation" || failed(state)
    }

    static func failed(_ task: JSONObject) -> Bool { failed(task["state"]?.stringValue ?? "") }

    private static func failed(_ state: String) -> Bool { state.hasSuffix("failed") || state == "canceled" || state == "cancelled" }

    /// `, 12,000 items read` from the task's result, once it has one.
    private static func counts(_ task: JSONObject) -> String {
        guard let total = task["result"]?.objectValue?["stats"]?.objectValue?["total"]?.objectValue else { return "" }
        let items = total.members.compactMap { $0.value.intValue }.reduce(0, +)
        return ", \(NumberText.grouped(items)) items read"
    }
}
