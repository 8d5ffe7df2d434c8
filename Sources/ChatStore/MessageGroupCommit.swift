import ChatModel

/// New messages sent at the same time, committed in one transaction (a group commit). Each
/// commit is synced to disk before it counts, and that sync, not the insert, set the pace of
/// concurrent sends: one transaction a message capped a store at about 300 sends a second.
/// Now the sends that arrive while a commit is under way go in the next one together
/// (`BatchedCalls`), each in a savepoint of its own, so one that fails leaves the others
/// written. Every send is answered only after the commit that holds it.
final class MessageGroupCommit: Sendable {
    private struct Send {
        let message: Message
        let shadowed: Bool
        let pendingMetadata: [String: String]?
    }

    private let sends: BatchedCalls<Send, Bool>

    init(backend: any SQLBackend) {
        sends = BatchedCalls(label: "chatterm.message-commits") { batch in try Self.commit(batch, to: backend) }
    }

    /// Inserts `message` (see `ChatStore.insert(message:shadowed:pendingMetadata:)`); true once
    /// committed, false when its id was taken.
    func insert(_ message: Message, shadowed: Bool, pendingMetadata: [String: String]?) async throws -> Bool {
        try await sends.call(Send(message: message, shadowed: shadowed, pendingMetadata: pendingMetadata))
    }

    /// One transaction; a send that fails is rolled back to its savepoint, the others kept.
    private static func commit(_ batch: [Send], to backend: any SQLBackend) throws -> [Result<Bool, any Error>] {
        try backend.write { db in
            try batch.map { send -> Result<Bool, any Error> in
                try db.executeUnawaited("SAVEPOINT send")
                do {
                    let written = try ChatStore.insert(send.message, shadowed: send.shadowed, pendingMetadata: send.pendingMetadata, db: db)
                    try db.execute("RELEASE SAVEPOINT send")
                    return .success(written)
                } catch {
                    try db.execute("ROLLBACK TO SAVEPOINT send")
                    try db.execute("RELEASE SAVEPOINT send")
                    return .failure(error)
                }
            }
        }
    }
}
