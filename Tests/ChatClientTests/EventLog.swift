import ChatCore
import ChatModel

@testable import ChatClient

/// What a backend delivered, in order, for a test to wait on.
final class EventLog: Sendable {
    private let events = Locked<[ChatEvent]>([])

    var deliver: @Sendable (ChatEvent) -> Void { { [events] event in events.withLock { $0.append(event) } } }

    var all: [ChatEvent] { events.withLock { $0 } }
    var count: Int { all.count }

    /// The first event from index `start` on that `match` picks out, once it arrived.
    func wait<T>(for what: String, from start: Int = 0, timeout: Double = 10, _ match: (ChatEvent) -> T?) throws -> T {
        try poll(what, timeout: timeout) { all.dropFirst(start).lazy.compactMap(match).first }
    }

    /// Waits for one connection state from index `start` on; its index in the log.
    @discardableResult
    func wait(for state: ConnectionState, from start: Int = 0, timeout: Double = 10) throws -> Int {
        try poll("\(state)", timeout: timeout) {
            let events = all
            return events.indices.dropFirst(start).first { if case .connectionChanged(state) = events[$0] { true } else { false } }
        }
    }
}
