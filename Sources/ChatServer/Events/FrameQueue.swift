import ChatModel

/// A connection's events waiting to be written, at most `limit` of them. The hub queues an event
/// for every watcher, and the connection's event loop takes all that wait at once
/// (`EventSocket.drain`): one write and one flush for the lot, with no task of its own to wake.
/// A push says when the queue needs a drain scheduled, so the hub asks each event loop once
/// per event for all the connections it serves, where a task per watcher meant a wake-up, an
/// executor hop and a promise per watcher per event.
/// After `finish` nothing more is queued and `ended` returns.
final class FrameQueue: Sendable {
    enum Pushed: Equatable {
        /// Queued; a drain is due already.
        case queued
        /// Queued into a queue no drain is due for: schedule one.
        case needsDrain
        /// Not queued: `limit` frames wait (the reader stalled), or the queue is finished.
        case refused
    }

    private struct State: Sendable {
        var frames: [EventFrame] = []
        /// A drain is scheduled, or waits for the channel to take writes again.
        var drainDue = false
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state: Locked<State>
    private let limit: Int

    /// `held`: no drain is asked for until the first `take`, so frames queued meanwhile wait
    /// (the route writes the connection's first frame, `health.check`, itself).
    init(limit: Int, held: Bool = false) {
        self.limit = limit
        state = Locked(State(drainDue: held))
    }

    func push(_ frame: EventFrame) -> Pushed {
        state.withLock { state in
            guard !state.finished, state.frames.count < limit else { return .refused }
            state.frames.append(frame)
            guard !state.drainDue else { return .queued }
            state.drainDue = true
            return .needsDrain
        }
    }

    /// Every frame waiting, oldest first; the next push asks for a drain again.
    func take() -> [EventFrame] {
        state.withLock { state in
            state.drainDue = false
            defer { state.frames = [] }
            return state.frames
        }
    }

    /// No more frames; `ended` returns. What waits can still be taken.
    func finish() {
        state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }?.resume()
    }

    /// Returns after `finish`, or at once for a task that is cancelled.
    func ended() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiter in
                // Checked under the lock the cancellation handler takes, so a cancellation lands
                // either before this looks or after the waiter is stored, where the handler finds it.
                let done = state.withLock { state in
                    if state.finished || Task.isCancelled { return true }
                    state.waiter = waiter
                    return false
                }
                if done { waiter.resume() }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }?.resume()
        }
    }
}
