import ChatModel
import ChatStore

/// Messages and reactions as the API returns them to one viewer: with their authors, latest
/// reactions, the viewer's own reactions, the message they quote and the poll they carry. A page
/// is presented from one `MessageContext` read, not a few queries a message.
struct MessagePresenter {
    let store: ChatStore

    func message(id: String, viewer: String) throws -> JSONValue? {
        try store.message(id: id, viewer: viewer).map { try message($0, viewer: viewer) }
    }

    /// `row` as `viewer` sees it (the row's `includesMine` must be for the same viewer).
    func message(_ row: MessageRow, viewer: String) throws -> JSONValue {
        try messages([row], viewer: viewer)[0]
    }

    /// `rows` as `viewer` sees them, in their order. Each user's JSON is built once a page,
    /// however many of its messages and reactions show it. `known` users are not read again,
    /// and the JSON of those in `shown` (built already for the same answer) not built again.
    func messages(
        _ rows: [MessageRow],
        viewer: String,
        known: [String: User] = [:],
        shown: [String: JSONValue] = [:]
    ) throws -> [JSONValue] {
        let context = try store.context(of: rows, viewer: viewer, latest: 10, own: 300, known: known)
        var users = shown
        func user(_ id: String) -> JSONValue {
            if let known = users[id] { return known }
            let json = UserJSON.json(context.users[id] ?? User(id: id))
            users[id] = json
            return json
        }
        var out: [JSONValue] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            var o = MessageJSON.json(
                row,
                user: user,
                latestReactions: (context.latestReactions[row.message.id] ?? []).map { reaction($0, user: user($0.userID)) },
                ownReactions: (context.ownReactions[row.message.id] ?? []).map { reaction($0, user: user($0.userID)) },
                // Only a server call sees that a message is shadowed: others never get it, and its author must not know.
                shadowed: viewer.isEmpty && context.shadowed.contains(row.message.id)
            )
            // Stream nests the quoted message one level deep: its own quote is left out.
            if let quotedID = row.message.quotedMessageID, let quoted = context.quoted[quotedID] {
                o["quoted_message"] = .object(MessageJSON.json(quoted, user: user))
            }
            if let pollID = row.poll?.id, let poll = try PollJSON(store: store).poll(id: pollID, viewer: viewer) {
                o["poll_id"] = .string(pollID)
                o["poll"] = .object(poll)
            }
            out.append(.object(o))
        }
        return out
    }

    func reaction(_ r: Reaction) throws -> JSONValue {
        reaction(r, user: UserJSON.json(try store.user(id: r.userID) ?? User(id: r.userID)))
    }

    private func reaction(_ r: Reaction, user: JSONValue) -> JSONValue {
        var o = r.custom
        o["message_id"] = .string(r.messageID)
        o["user_id"] = .string(r.userID)
        o["user"] = user
        o["type"] = .string(r.type)
        if o["score"] == nil { o["score"] = 1 }
        let created = (r.createdAt ?? .now()).rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string(created)
        return .object(o)
    }
}
