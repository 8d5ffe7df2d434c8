import ChatCore
import ChatModel

/// Who of the direct conversations' partners is online: asked once the channels are watched
/// (`query_users` with `presence: true`, which also subscribes this connection to their
/// `user.presence.changed`), then followed through those events.
extension StreamBackend {
    /// The partners' presence now, and their changes from now on, through `connectionID`; nil
    /// when there are none, or the server would not say (the dots stay away, nothing else fails).
    func presence(of channels: [ChannelSummary], connectionID: String) async -> ChatEvent? {
        let partners = Array(Set(channels.compactMap { ChatReducer.partner(of: $0, viewer: userID) })).sorted()
        guard !partners.isEmpty else { return nil }
        var online: [String: Bool] = [:]
        // A page holds 100 users at most (query_users' limit).
        for start in stride(from: 0, to: partners.count, by: 100) {
            let ids = partners[start..<min(start + 100, partners.count)].map(JSONValue.string)
            let payload: JSONValue = [
                "filter_conditions": ["id": ["$in": .array(ids)]], "presence": true, "limit": 100,
                "connection_id": .string(connectionID),
            ]
            guard let answer = try? await rest.get("users", query: ["payload": JSONWriter().string(payload)]) else { return nil }
            for user in answer.objects("users") {
                if let id = user["id"]?.stringValue { online[id] = user["online"]?.boolValue ?? false }
            }
        }
        return .presenceChanged(online)
    }

    /// `user.presence.changed`: the user and whether they are online now.
    static func presenceChange(_ event: JSONObject) -> ChatEvent? {
        guard let user = event["user"]?.objectValue, let id = user["id"]?.stringValue, let online = user["online"]?.boolValue else {
            return nil
        }
        return .presenceChanged([id: online])
    }
}
