import ChatModel
import ChatStore

/// Messages and reactions as the API returns them to one viewer: with their authors, latest
/// reactions, the viewer's own reactions, the message they quote and the poll they carry.
struct MessagePresenter {
    let store: ChatStore

    func message(id: String, viewer: String) throws -> JSONValue? {
        try store.message(id: id, viewer: viewer).map { try message($0, viewer: viewer) }
    }

    /// `row` as `viewer` sees it (the row's `includesMine` must be for the same viewer).
    func message(_ row: MessageRow, viewer: String) throws -> JSONValue {
        var o = MessageJSON.json(row, author: try store.user(id: row.message.userID))
        // Only a server call sees that a message is shadowed: others never get it, and its author must not know.
        if viewer.isEmpty { o["shadowed"] = .bool(try store.isShadowed(messageID: row.message.id)) }
        let latest = try store.reactions(messageID: row.message.id, limit: 10, offset: 0)
        o["latest_reactions"] = .array(try latest.map { try reaction($0) })
        // Only a message the viewer reacted to costs a query for their reactions.
        if row.reactions.contains(where: \.includesMine) {
            let own = try store.reactions(messageID: row.message.id, by: viewer, limit: 300, offset: 0)
            o["own_reactions"] = .array(try own.map { try reaction($0) })
        }
        // Stream nests the quoted message one level deep: its own quote is left out.
        if let quotedID = row.message.quotedMessageID, let quoted = try store.message(id: quotedID, viewer: viewer) {
            o["quoted_message"] = .object(MessageJSON.json(quoted, author: try store.user(id: quoted.message.userID)))
        }
        if let pollID = row.poll?.id, let poll = try PollJSON(store: store).poll(id: pollID, viewer: viewer) {
            o["poll_id"] = .string(pollID)
            o["poll"] = .object(poll)
        }
        return .object(o)
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
