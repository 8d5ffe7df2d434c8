import ChatModel
import Dispatch

/// Hands elements, a chunk at a time, to a thread of their own that runs `body` on each in
/// order while the caller goes on: an import's thread checks the file's next items while this
/// one makes and sends the rows of the last (on PostgreSQL, making rows was half of the
/// checking thread's work, and the server waited on it). At most `depth` chunks wait, which
/// bounds memory. The first error `body` throws stops the rest and is thrown to the caller at
/// its next hand-off or wait.
///
/// `body` runs on the handoff's queue only, and the caller reads what it changed only after a
/// wait (`flush`, `wait`, `stop`), which orders the two threads' accesses.
final class ChunkedHandoff<Element: Sendable>: @unchecked Sendable {
    private let queue: DispatchQueue
    private let chunkSize: Int
    private let room = DispatchSemaphore(value: 0)
    private let body: (Element) throws -> Void
    /// The caller's chunk being filled.
    private var chunk: [Element] = []
    private let failure = Locked<(any Error)?>(nil)
    private let stopped = Locked(false)

    init(label: String, chunkSize: Int = 1024, depth: Int = 2, body: @escaping (Element) throws -> Void) {
        queue = DispatchQueue(label: label)
        self.chunkSize = chunkSize
        self.body = body
        // Made at 0 and raised: libdispatch traps when a semaphore is freed below the value it
        // was made with.
        for _ in 0..<depth { room.signal() }
        chunk.reserveCapacity(chunkSize)
    }

    func append(_ element: Element) throws {
        chunk.append(element)
        if chunk.count == chunkSize { try send() }
    }

    /// Hands over what is left and waits until every chunk is done; throws the first error.
    func flush() throws {
        try send()
        try wait()
    }

    /// Waits until the chunks handed over are done (the one being filled stays); throws the
    /// first error.
    func wait() throws {
        queue.sync {}
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Runs nothing more and waits for the element being run: for a caller that ends early,
    /// whose transaction must not end before the last statement `body` sent.
    func stop() {
        stopped.withLock { $0 = true }
        queue.sync {}
    }

    private func send() throws {
        if let error = failure.withLock({ $0 }) { throw error }
        guard !chunk.isEmpty else { return }
        let elements = chunk
        chunk.removeAll(keepingCapacity: true)
        room.wait()
        queue.async { [self] in
            defer { room.signal() }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                for element in elements where !stopped.withLock({ $0 }) { try body(element) }
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }
}
