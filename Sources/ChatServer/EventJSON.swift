import ChatModel
import ChatStore

/// The envelope every channel event shares: type, channel, actor and time.
enum EventJSON {
    static func base(_ type: String, _ channel: Channel, user: String, store: ChatStore, at time: Timestamp = .now()) -> JSONObject {
        let userJSON = (try? store.user(id: user)).flatMap { $0 }.map(UserJSON.json) ?? ["id": .string(user)]
        return ["type": .string(type), "cid": .string(channel.cid), "channel_id": .string(channel.id), "channel_type": .string(channel.type),
                "created_at": .string(time.rfc3339), "user": userJSON]
    }
}
