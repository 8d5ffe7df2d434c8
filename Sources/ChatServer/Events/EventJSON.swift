import ChatModel
import ChatStore

/// The envelope every channel event shares: type, channel, actor and time.
enum EventJSON {
    static func base(_ type: String, _ channel: Channel, user: String, store: ChatStore, at time: Timestamp = .now()) -> JSONObject {
        let userJSON = (try? store.user(id: user)).flatMap { $0 }.map(UserJSON.json) ?? ["id": .string(user)]
        return [
            "type": .string(type), "cid": .string(channel.cid), "channel_id": .string(channel.id), "channel_type": .string(channel.type),
            "created_at": .string(time.rfc3339), "user": userJSON,
        ]
    }

    /// `user.banned` / `user.unbanned` for `target`: in a channel (with its envelope) or app-wide.
    static func ban(
        _ type: String,
        target: String,
        channel: Channel?,
        by moderator: String?,
        reason: String?,
        expires: Timestamp?,
        store: ChatStore
    ) -> JSONObject {
        var event: JSONObject
        if let channel {
            event = base(type, channel, user: target, store: store)
        } else {
            let user = (try? store.user(id: target)).flatMap { $0 }.map(UserJSON.json) ?? ["id": .string(target)]
            event = ["type": .string(type), "created_at": .string(Timestamp.now().rfc3339), "user": user]
        }
        if let moderator {
            event["created_by"] = (try? store.user(id: moderator)).flatMap { $0 }.map(UserJSON.json) ?? ["id": .string(moderator)]
        }
        if let reason { event["reason"] = .string(reason) }
        if let expires { event["expiration"] = .string(expires.rfc3339) }
        return event
    }
}
