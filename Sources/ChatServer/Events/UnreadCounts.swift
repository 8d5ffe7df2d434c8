import ChatModel
import ChatStore

/// The per-recipient counts Stream puts on notification events.
enum UnreadCounts {
    static func fields(for user: String, cid: String, store: ChatStore) throws -> JSONObject {
        let channels = try store.channels(for: user)
        return [
            "unread_count": .int(channels.first { $0.channel.cid == cid }?.unreadCount ?? 0),
            "total_unread_count": .int(channels.reduce(0) { $0 + $1.unreadCount }),
            "unread_channels": .int(channels.filter { $0.unreadCount > 0 }.count),
        ]
    }
}
