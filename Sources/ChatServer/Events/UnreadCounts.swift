import ChatModel
import ChatStore

/// The per-recipient counts Stream puts on notification events.
enum UnreadCounts {
    /// With `asOf`, the counts as they stood at that time (see `ChatStore.channels(for:asOf:)`).
    static func fields(for user: String, cid: String, store: ChatStore, asOf: Timestamp? = nil) throws -> JSONObject {
        let channels = try store.channels(for: user, asOf: asOf)
        return [
            "unread_count": .int(channels.first { $0.channel.cid == cid }?.unreadCount ?? 0),
            "total_unread_count": .int(channels.reduce(0) { $0 + $1.unreadCount }),
            "unread_channels": .int(channels.filter { $0.unreadCount > 0 }.count),
        ]
    }

    /// The counts a notification about `event` carries: as of its message, so that a
    /// notification delivered after later messages were sent still counts only up to its own.
    static func fields(for user: String, cid: String, store: ChatStore, event: JSONObject) throws -> JSONObject {
        let created = event["message"]?.objectValue?["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
        return try fields(for: user, cid: cid, store: store, asOf: created)
    }
}
