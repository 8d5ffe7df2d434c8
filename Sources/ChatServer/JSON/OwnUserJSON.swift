import ChatModel
import ChatStore

/// Stream's OwnUser: the user as they see themselves, on the WebSocket's `health.check` (`me`)
/// and in the answers and events of their mutes (`own_user`, `me`). stream-chat-js takes its
/// `mutes`, `channel_mutes` and unread counts as the client's state when it connects.
enum OwnUserJSON {
    static func json(_ userID: String, store: ChatStore) throws -> JSONObject {
        let now = Timestamp.now()
        var me =
            try store.user(id: userID).map { UserJSON.json($0, ban: try UserJSON.appBans(store: store)[userID]) }?.objectValue
            ?? ["id": .string(userID)]
        me["mutes"] = .array(
            try store.mutedUsers(of: userID, now: now).map { ["user": ["id": .string(userID)], "target": ["id": .string($0)]] }
        )
        me["channel_mutes"] = .array(
            try store.channelMutes(of: userID, now: now).map { mute in
                var o: JSONObject = ["user": ["id": .string(userID)], "channel": ["cid": .string(mute.cid)]]
                if let expires = mute.expires { o["expires"] = .string(expires.rfc3339) }
                return .object(o)
            }
        )
        me["devices"] = .array(try store.devices(of: userID).map(DeviceRoutes.json))
        let channels = try store.channels(for: userID)
        let total = channels.reduce(0) { $0 + $1.unreadCount }
        me["total_unread_count"] = .int(total)
        me["unread_count"] = .int(total)
        me["unread_channels"] = .int(channels.filter { $0.unreadCount > 0 }.count)
        me["unread_threads"] = .int(try store.unreadThreads(for: userID).count)
        return me
    }
}
