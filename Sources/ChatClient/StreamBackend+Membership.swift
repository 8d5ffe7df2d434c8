import ChatCore
import ChatModel

/// The reader's own settings of a channel on the server: the member partial update (`pinned`,
/// `archived`) and `mark_unread` from a message. Each blocks until answered, as reads do (the
/// effect worker calls them); a refusal is thrown with the server's words.
extension StreamBackend {
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
