import ChatModel

/// A connection's events waiting to be written, at most `limit` of them. Its reader takes all
/// that wait at once: a connection that fell behind the fan-out catches up with one socket write
/// for the lot (`EventSocket`), where a queue handing out one frame at a time meant a write each.
/// After `finish`, what waits can still be read; then the sequence ends. It ends at once for a
/// reader whose task is cancelled.
final class FrameQueue: AsyncSequence, Sendable {
    private struct State: Sendable {
        var frames: [EventFrame] = []
        var reader: CheckedContinuation<[EventFrame]?, Never>?
        var finished = false
    }

    private let state = Locked(State())
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Queues `frame`; false when `limit` frames already wait (the reader stalled) or after `finish`.
    func push(_ frame: EventFrame) -> Bool {
        let (taken, reader) = state.withLock { state -> (Bool, CheckedContinuation<[EventFrame]?, Never>?) in
            guard !state.finished, state.frames.count < limit else { return (false, nil) }
            guard let reader = state.reader else {
                state.frames.append(frame)
                return (true, nil)
            }
            state.reader = nil
            return (true, reader)
        }
        reader?.resume(returning: [frame])
        return taken
    }

    /// No more frames: the reader gets those waiting, then the end.
    func finish() {
        let reader = state.withLock { state in
            state.finished = true
            defer { state.reader = nil }
            return state.reader
        }
        reader?.resume(returning: nil)
    }

    /// Every frame waiting, oldest first, once there is one; nil at the end.
    func next() async -> [EventFrame]? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { reader in
                // Checked under the lock the cancellation handler takes, so a cancellation lands
                // either before this looks or after the reader is stored, where the handler finds it.
                let ready: [EventFrame]?? = state.withLock { state in
                    if !state.frames.isEmpty {
                        defer { state.frames = [] }
                        return .some(state.frames)
                    }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    state.reader = reader
                    return nil
                }
                if let ready { reader.resume(returning: ready) }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.reader = nil }
                return state.reader
            }?.resume(returning: nil)
        }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let queue: FrameQueue
        func next() async -> [EventFrame]? { await queue.next() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(queue: self) }
}
