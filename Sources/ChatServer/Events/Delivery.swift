import ChatModel

/// Who an event is for, as it travels through the event log.
enum Delivery {
    case channel(cid: String, audience: Set<String>?, event: JSONObject)
    case user(String, event: JSONObject)
    case members(cid: String, members: [String], event: JSONObject, personal: Bool)
    /// A user's first connection to `server` opened, or its last one closed.
    case presence(server: String, online: Bool, event: JSONObject)
    /// A connection's subscriptions, applied by the server that holds it.
    case subscription(Subscription)
    /// Every user connected to `server` (each as `user.presence.changed` shows them); with
    /// `asking`, the other servers answer with theirs.
    case roll(server: String, users: [JSONObject], asking: Bool)

    var json: JSONValue {
        switch self {
        case .channel(let cid, let audience, let event):
            var o: JSONObject = ["to": "channel", "cid": .string(cid), "event": .object(event)]
            if let audience { o["audience"] = .array(audience.sorted().map(JSONValue.string)) }
            return .object(o)
        case .user(let user, let event):
            return ["to": "user", "user": .string(user), "event": .object(event)]
        case .members(let cid, let members, let event, let personal):
            return [
                "to": "members", "cid": .string(cid), "members": .array(members.map(JSONValue.string)), "event": .object(event),
                "personal": .bool(personal),
            ]
        case .presence(let server, let online, let event):
            return ["to": "presence", "server": .string(server), "online": .bool(online), "event": .object(event)]
        case .subscription(let subscription):
            return subscription.json
        case .roll(let server, let users, let asking):
            return ["to": "roll", "server": .string(server), "users": .array(users.map(JSONValue.object)), "asking": .bool(asking)]
        }
    }

    init?(json: JSONValue) {
        guard let o = json.objectValue else { return nil }
        if o["to"]?.stringValue == "subscription" {
            guard let subscription = Subscription(json: o) else { return nil }
            self = .subscription(subscription)
            return
        }
        if o["to"]?.stringValue == "roll" {
            guard let server = o["server"]?.stringValue, let users = o["users"]?.arrayValue else { return nil }
            self = .roll(server: server, users: users.compactMap(\.objectValue), asking: o["asking"]?.boolValue ?? false)
            return
        }
        guard let event = o["event"]?.objectValue else { return nil }
        switch o["to"]?.stringValue {
        case "channel":
            guard let cid = o["cid"]?.stringValue else { return nil }
            self = .channel(cid: cid, audience: o["audience"]?.arrayValue.map { Set($0.compactMap(\.stringValue)) }, event: event)
        case "user":
            guard let user = o["user"]?.stringValue else { return nil }
            self = .user(user, event: event)
        case "members":
            guard let cid = o["cid"]?.stringValue, let members = o["members"]?.arrayValue else { return nil }
            self = .members(cid: cid, members: members.compactMap(\.stringValue), event: event, personal: o["personal"]?.boolValue ?? false)
        case "presence":
            guard let server = o["server"]?.stringValue, let online = o["online"]?.boolValue else { return nil }
            self = .presence(server: server, online: online, event: event)
        default:
            return nil
        }
    }
}
