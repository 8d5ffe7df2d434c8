import ChatImport
import ChatModel
import ChatStore
import Foundation

/// Import v2 tasks run one at a time in the order they were created, as Stream queues an app's
/// imports: a task stays queued (state 1) until the one before it ends. That makes Import v2's
/// delete (queued only) and cancel (queued or running) mean something. A cancelled queued task
/// never starts; a running one stops at its analysis's next batch and its transaction rolls
/// back, so the store is left as it was.
actor ImportQueue {
    private let store: ChatStore
    private var waiting: [(task: ImportTask, file: String)] = []
    private var running: (id: String, interruption: ImportInterruption)?

    init(store: ChatStore) { self.store = store }

    func enqueue(_ task: ImportTask, file: String) {
        waiting.append((task, file))
        startNext()
    }

    /// Deletes `id` if it is still queued; false when it is not.
    func delete(id: String) throws -> Bool {
        guard let index = waiting.firstIndex(where: { $0.task.id == id }) else { return false }
        waiting.remove(at: index)
        return try store.deleteQueuedImportTask(id: id)
    }

    /// Cancels `id` if it is queued or running; false when it is neither.
    func cancel(id: String) throws -> Bool {
        if let index = waiting.firstIndex(where: { $0.task.id == id }) {
            let queued = waiting.remove(at: index)
            try store.recordCancelled(queued.task)
            return true
        }
        guard let running, running.id == id else { return false }
        running.interruption.cancel()
        return true
    }

    private func startNext() {
        guard running == nil, !waiting.isEmpty else { return }
        let (task, file) = waiting.removeFirst()
        // Servers sharing a database cancel or delete each other's queued tasks in the store.
        // A claim that fails (the store locked past its wait) leaves the run to record why.
        guard (try? store.claimQueuedImportTask(id: task.id)) ?? true else { return startNext() }
        let interruption = ImportInterruption()
        running = (task.id, interruption)
        var settings = ImportAnalyzer.Options()
        settings.interruption = interruption
        settings.skipReferencesCheck = task.skipReferencesCheck
        let (store, options) = (self.store, settings)
        // A thread of its own: the import blocks for as long as it runs, which on Swift's
        // cooperative pool (one thread a core) would hold up the server's requests, cancel included.
        Thread.detachNewThread {
            // The outcome is in the task's record; a failure to run is recorded there too.
            _ = try? store.runImport(task, interruption: interruption) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink, options: options).run(path: file)
            }
            Task { await self.finished() }
        }
    }

    private func finished() {
        running = nil
        startNext()
    }
}
