import ChatModel
import ChatStore

/// The envelope every channel event shares: type, channel, actor and time.
enum EventJSON {
    static func base(_ type: String, _ channel: Channel, user: String, store: ChatStore, at time: Timestamp = .now()) -> JSONObject {
        base(type, channel, userJSON: actor(user, store: store), at: time)
    }

    /// The same with the actor's JSON at hand (a sync tells many events of few users).
    static func base(_ type: String, _ channel: Channel, userJSON: JSONValue, at time: Timestamp) -> JSONObject {
        [
            "type": .string(type), "cid": .string(channel.cid), "channel_id": .string(channel.id), "channel_type": .string(channel.type),
            "created_at": .string(time.rfc3339), "user": userJSON,
        ]
    }

    /// An event's `user`: the stored user, or just the id when there is none.
    static func actor(_ user: String, store: ChatStore) -> JSONValue {
        (try? store.user(id: user)).flatMap { $0 }.map(UserJSON.json) ?? ["id": .string(user)]
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
            event = ["type": .string(type), "created_at": .string(Timestamp.now().rfc3339), "user": actor(target, store: store)]
        }
        if let moderator {
            event["created_by"] = actor(moderator, store: store)
        }
        if let reason { event["reason"] = .string(reason) }
        if let expires { event["expiration"] = .string(expires.rfc3339) }
        return event
    }
}
