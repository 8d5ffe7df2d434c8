import ChatCore
import ChatModel

/// Events a live backend delivers from its own threads, waiting for the input loop, which
/// alone touches the state.
final class EventInbox: Sendable {
    private let queue = Locked<[ChatEvent]>([])

    func push(_ event: ChatEvent) {
        queue.withLock { $0.append(event) }
    }

    /// Everything waiting, oldest first; the inbox is empty after.
    func drain() -> [ChatEvent] {
        queue.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
