import ChatModel
import ChatStore

/// Messages and reactions as the API returns them, with their authors and latest reactions.
struct MessagePresenter {
    let store: ChatStore

    func message(id: String, viewer: String) throws -> JSONValue? {
        try store.message(id: id, viewer: viewer).map { try message($0) }
    }

    func message(_ row: MessageRow) throws -> JSONValue {
        var json = ChannelJSON.message(row, author: try store.user(id: row.message.userID))
        let latest = try store.reactions(messageID: row.message.id, limit: 10, offset: 0)
        if case .object(var o) = json {
            o["latest_reactions"] = .array(try latest.map { try reaction($0) })
            json = .object(o)
        }
        return json
    }

    func reaction(_ r: Reaction) throws -> JSONValue {
        var o = r.custom
        o["message_id"] = .string(r.messageID)
        o["user_id"] = .string(r.userID)
        o["user"] = UserJSON.json(try store.user(id: r.userID) ?? User(id: r.userID))
        o["type"] = .string(r.type)
        if o["score"] == nil { o["score"] = 1 }
        let created = (r.createdAt ?? .now()).rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string(created)
        return .object(o)
    }
}
