import ChatModel
import Dispatch

/// New messages sent at the same time, committed in one transaction (a group commit). Each
/// commit is synced to disk before it counts, and that sync, not the insert, set the pace of
/// concurrent sends: one transaction a message capped a store at about 300 sends a second.
/// Now the sends that arrive while a commit is under way wait (suspended, holding no thread)
/// and go in the next one together, each in a savepoint of its own, so one that fails leaves
/// the others written. Every send is answered only after the commit that holds it.
final class MessageGroupCommit: Sendable {
    private struct Send {
        let message: Message
        let shadowed: Bool
        let pendingMetadata: [String: String]?
        let answer: CheckedContinuation<Bool, any Error>
    }

    private struct Waiting {
        var sends: [Send] = []
        /// Whether a batch is being committed: the committer takes the next batch when it is done.
        var committing = false
    }

    private let waiting = Locked(Waiting())
    private let backend: any SQLBackend
    /// The store's calls block their thread until the database answers; commits do so here,
    /// not on the thread of a task that sends.
    private let committer = DispatchQueue(label: "chatterm.message-commits")

    init(backend: any SQLBackend) {
        self.backend = backend
    }

    /// Inserts `message` (see `ChatStore.insert(message:shadowed:pendingMetadata:)`); true once
    /// committed, false when its id was taken.
    func insert(_ message: Message, shadowed: Bool, pendingMetadata: [String: String]?) async throws -> Bool {
        try await withCheckedThrowingContinuation { answer in
            let start = waiting.withLock { waiting in
                waiting.sends.append(Send(message: message, shadowed: shadowed, pendingMetadata: pendingMetadata, answer: answer))
                defer { waiting.committing = true }
                return !waiting.committing
            }
            if start { committer.async { self.commitWhileWaiting() } }
        }
    }

    /// Commits what waits, a batch at a time, until nothing does.
    private func commitWhileWaiting() {
        while true {
            let batch = waiting.withLock { waiting in
                let batch = waiting.sends
                waiting.sends = []
                if batch.isEmpty { waiting.committing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            commit(batch)
        }
    }

    private func commit(_ batch: [Send]) {
        do {
            let outcomes = try backend.write { db in
                try batch.map { send -> Result<Bool, any Error> in
                    try db.execute("SAVEPOINT send")
                    do {
                        let written = try ChatStore.insert(
                            send.message,
                            shadowed: send.shadowed,
                            pendingMetadata: send.pendingMetadata,
                            db: db
                        )
                        try db.execute("RELEASE SAVEPOINT send")
                        return .success(written)
                    } catch {
                        try db.execute("ROLLBACK TO SAVEPOINT send")
                        try db.execute("RELEASE SAVEPOINT send")
                        return .failure(error)
                    }
                }
            }
            for (send, outcome) in zip(batch, outcomes) { send.answer.resume(with: outcome) }
        } catch {
            // The commit itself failed: nothing of the batch is stored.
            for send in batch { send.answer.resume(throwing: error) }
        }
    }
}
