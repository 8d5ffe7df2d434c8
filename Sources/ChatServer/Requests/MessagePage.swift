import ChatModel
import ChatStore

/// The `messages` object of a channel query, as Stream's MessagePaginationParams has it, and
/// `get_replies`' query, which pages a thread the same way: `limit` (default 25 for a
/// channel, at most 300) and at most one position. `id_lt` / `id_lte` page back
/// from a message, `id_gt` / `id_gte` forward, `id_around` centres on it; the `created_at_*`
/// options do the same by time. No position: the newest page.
/// Whatever the position, the page is oldest first. `known` users (a channel state's members)
/// are not read again for their messages' author names.
enum MessagePage {
    static func rows(
        _ options: JSONObject,
        in scope: MessageScope,
        viewer: String,
        store: ChatStore,
        operation: String,
        defaultLimit: Int = 25,
        known: [String: User] = [:]
    ) throws -> [MessageRow] {
        let limit = min(max(options["limit"]?.intValue ?? defaultLimit, 0), 300)
        guard limit > 0 else { return [] }
        // How an error names the option: inside a channel query's `messages`, or on its own.
        let prefix = if case .channel = scope { "messages." } else { "" }
        // A count of 0 must stay 0: SQLite reads a negative LIMIT as no limit at all.
        func older(_ cursor: MessageCursor, _ count: Int) throws -> [MessageRow] {
            count > 0 ? try store.messages(in: scope, viewer: viewer, before: cursor, limit: count, known: known) : []
        }
        func newer(_ cursor: MessageCursor, _ count: Int) throws -> [MessageRow] {
            count > 0 ? try store.messages(in: scope, viewer: viewer, after: cursor, limit: count, known: known) : []
        }
        /// The message an `id_*` option names; it must be in this channel (or thread).
        func anchor(_ key: String) throws -> (cursor: MessageCursor, row: MessageRow)? {
            guard let value = options[key], !value.isNull else { return nil }
            guard let id = value.stringValue, let row = try store.message(id: id, viewer: viewer), scope.holds(row.message),
                let created = row.message.createdAt
            else {
                throw StreamAPIError.input(operation, "\(prefix)\(key) must be the id of a message in \(scope.id)")
            }
            return (MessageCursor(createdAt: created, id: id), row)
        }
        /// The position a `created_at_*` option names. Message ids are never empty, so
        /// (time, "") sorts before every message made at that time.
        func time(_ key: String) throws -> MessageCursor? {
            guard let value = options[key], !value.isNull else { return nil }
            guard let text = value.stringValue, let at = Timestamp(rfc3339: text) else {
                throw StreamAPIError.input(operation, "\(prefix)\(key) must be an RFC 3339 time")
            }
            return MessageCursor(createdAt: at, id: "")
        }

        if let a = try anchor("id_lt") { return try older(a.cursor, limit) }
        if let a = try anchor("id_lte") { return try older(a.cursor, limit - 1) + [a.row] }
        if let a = try anchor("id_gt") { return try newer(a.cursor, limit) }
        if let a = try anchor("id_gte") { return try [a.row] + newer(a.cursor, limit - 1) }
        if let a = try anchor("id_around") {
            let before = try older(a.cursor, (limit - 1) / 2)
            return try before + [a.row] + newer(a.cursor, limit - 1 - before.count)
        }
        // (time, "") is just before the messages made at that time, (time + 1 ns, "") just after.
        if let cursor = try time("created_at_before") { return try older(cursor, limit) }
        if let cursor = try time("created_at_before_or_equal") {
            return try older(MessageCursor(createdAt: cursor.createdAt.justAfter, id: ""), limit)
        }
        if let cursor = try time("created_at_after_or_equal") { return try newer(cursor, limit) }
        if let cursor = try time("created_at_after") {
            return try newer(MessageCursor(createdAt: cursor.createdAt.justAfter, id: ""), limit)
        }
        if let cursor = try time("created_at_around") {
            let before = try older(cursor, limit / 2)
            return try before + newer(cursor, limit - before.count)
        }
        return try store.messages(in: scope, viewer: viewer, before: nil, limit: limit, known: known)
    }
}

extension MessageScope {
    /// Whether `message` is in the scope: in the channel, or a reply in the thread.
    fileprivate func holds(_ message: Message) -> Bool {
        switch self {
        case .channel(let cid): message.cid == cid
        case .thread(let parentID): message.parentID == parentID
        }
    }
}
