import ChatModel
import ChatStore

/// Stream's unread counts of one user, as `unread_counts` and `unread_counts_batch` answer them.
enum UnreadJSON {
    /// Unread messages per channel for a user, by Stream's rule (see `ChannelSummary`), and the
    /// threads the user takes part in with unread replies (`ChatStore.unreadThreads`). Each
    /// channel also carries `unread_mention_count`, the unread messages that mention the user:
    /// not Stream's (it reports no mentions), added so a client's sidebar can show them.
    static func counts(for user: String, store: ChatStore) throws -> JSONObject {
        let channels = try store.channels(for: user)
        var byType: [String: (channels: Int, unread: Int)] = [:]
        for c in channels where c.unreadCount > 0 {
            byType[c.channel.type, default: (0, 0)].channels += 1
            byType[c.channel.type, default: (0, 0)].unread += c.unreadCount
        }
        let perChannel: [JSONValue] = channels.filter { $0.unreadCount > 0 }.map { c in
            let lastRead: JSONValue = c.lastRead.map { .string($0.rfc3339) } ?? .null
            return [
                "channel_id": .string(c.channel.cid), "unread_count": .int(c.unreadCount), "last_read": lastRead,
                "unread_mention_count": .int(c.mentionCount),
            ]
        }
        let perType: [JSONValue] = byType.keys.sorted().map { type in
            let counts = byType[type]!
            return ["channel_type": .string(type), "channel_count": .int(counts.channels), "unread_count": .int(counts.unread)]
        }
        let total = channels.reduce(0) { $0 + $1.unreadCount }
        let threads: [JSONValue] = try store.unreadThreads(for: user).map { thread in
            let lastRead: JSONValue = thread.lastRead.map { .string($0.rfc3339) } ?? .null
            let lastReadMessage: JSONValue = thread.lastReadMessageID.map(JSONValue.string) ?? .null
            let fields: JSONObject = [
                "parent_message_id": .string(thread.parentMessageID), "unread_count": .int(thread.unreadCount),
                "last_read": lastRead, "last_read_message_id": lastReadMessage,
            ]
            return .object(fields)
        }
        let body: JSONObject = [
            "total_unread_count": .int(total), "channels": .array(perChannel), "channel_type": .array(perType),
            "total_unread_threads_count": .int(threads.count), "threads": .array(threads),
        ]
        return body
    }
}
