import ChatModel
import Foundation

/// Who is connected over the WebSocket and which channels each connection watches, and the
/// fan-out of events to them. Each connection has a bounded queue: one that stops reading is
/// dropped rather than slowing the others down.
public actor EventHub {
    /// Events a connection may have waiting before it counts as stalled.
    public static let queueLimit = 1000

    private struct Connection {
        var userID: String
        var continuation: AsyncStream<String>.Continuation
    }

    private var connections: [String: Connection] = [:]
    private var watchers: [String: Set<String>] = [:]

    public init() {}

    /// Registers a connection; its events arrive on the stream as JSON text frames.
    func connect(userID: String) -> (id: String, events: AsyncStream<String>) {
        let id = UUID().uuidString.lowercased()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingOldest(Self.queueLimit))
        connections[id] = Connection(userID: userID, continuation: continuation)
        return (id, stream)
    }

    func disconnect(_ id: String) {
        connections.removeValue(forKey: id)?.continuation.finish()
        for cid in watchers.keys { watchers[cid]?.remove(id) }
    }

    /// `watch: true` on a channel query or `query_channels`: subscribes the WebSocket connection
    /// the request names (`connection_id`) to the channels, if the caller may: the connection's
    /// own user, or a server token. An unknown connection is ignored.
    func watch(_ connection: String?, cids: [String], as actor: StreamToken.Actor?) {
        guard let connection, let owner = connections[connection]?.userID, actor == .server || actor == .user(owner) else { return }
        for cid in cids { watchers[cid, default: []].insert(connection) }
    }

    func watcherCount(cid: String) -> Int { watchers[cid]?.count ?? 0 }

    /// Sends `event` to the channel's watchers; with an `audience` (a message's restricted
    /// visibility), only to the watchers among it.
    func publish(_ event: JSONObject, cid: String, audience: Set<String>? = nil) {
        var event = event
        event["watcher_count"] = .int(watcherCount(cid: cid))
        let text = JSONWriter().string(.object(event))
        for id in watchers[cid] ?? [] where audience.map({ $0.contains(connections[id]?.userID ?? "") }) ?? true { send(text, to: id) }
    }

    /// Of `members`, those connected with no connection watching `cid`: who gets notification events.
    func notifiable(cid: String, members: [String]) -> [String] {
        let watching = Set((watchers[cid] ?? []).compactMap { connections[$0]?.userID })
        let connected = Set(connections.values.map(\.userID))
        return members.filter { connected.contains($0) && !watching.contains($0) }
    }

    /// Sends `event` to every connection of `userID` (own notifications such as mark_read).
    func publish(_ event: JSONObject, toUser userID: String) {
        let text = JSONWriter().string(.object(event))
        for (id, connection) in connections where connection.userID == userID { send(text, to: id) }
    }

    private func send(_ text: String, to id: String) {
        guard let connection = connections[id] else { return }
        if case .dropped = connection.continuation.yield(text) { disconnect(id) }
    }
}
