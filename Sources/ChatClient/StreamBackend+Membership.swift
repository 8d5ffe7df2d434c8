import ChatCore
import ChatModel

/// The reader's own settings of a channel on the server: the member partial update (`pinned`,
/// `archived`) and `mark_unread` from a message; and the channels the reader may join. Each
/// blocks until answered, as reads do (the effect worker calls them); a refusal is thrown with
/// the server's words.
extension StreamBackend {
    /// `query_channels` for the joinable types with `joined: false`: the channels of those
    /// types the reader is not a member of.
    public func joinableChannels(for userID: String) throws -> [ChannelSummary] {
        let query: JSONObject = [
            "filter_conditions": [
                "type": ["$in": .array(BuiltInChannelType.joinable.map { .string($0.rawValue) })], "joined": false,
            ],
            "sort": [["field": "last_message_at", "direction": -1]], "limit": 30, "state": true, "watch": false, "presence": false,
            "message_limit": 0,
        ]
        let answer = try runBlocking { try await self.rest.post("channels", query) }
        return answer.objects("channels").compactMap { StreamItems.summary($0, viewer: userID, unread: [:]) }
    }

    public func setPinned(_ pinned: Bool, cid: String, userID: String) throws -> Bool {
        try updateMember(cid: cid, userID: userID, ["pinned": .bool(pinned)])
    }

    public func setArchived(_ archived: Bool, cid: String, userID: String) throws -> Bool {
        try updateMember(cid: cid, userID: userID, ["archived": .bool(archived)])
    }

    public func markUnread(cid: String, userID: String, fromMessageID messageID: String) throws -> Bool {
        _ = try runBlocking { try await self.rest.post(Self.channelPath(cid, "unread"), ["message_id": .string(messageID)]) }
        return true
    }

    private func updateMember(cid: String, userID: String, _ set: JSONObject) throws -> Bool {
        let path = Self.channelPath(cid, "member/\(userID)")
        _ = try runBlocking { try await self.rest.send("PATCH", path, body: ["set": .object(set)]) }
        return true
    }
}
