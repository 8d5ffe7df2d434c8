import ChatModel

/// A channel's pinned messages: in its state (`pinned_messages`) and a page at a time
/// (`GET /channels/{type}/{id}/pinned_messages`), by when they were pinned.
extension ChatStore {
    /// Which pinned messages a page holds: pinned before and / or after a time (each bound
    /// inclusive or not), oldest or newest pin first.
    public struct PinnedPage: Sendable {
        public var before: (time: Timestamp, inclusive: Bool)?
        public var after: (time: Timestamp, inclusive: Bool)?
        public var oldestFirst = false
        public var limit: Int
        public var offset = 0

        public init(limit: Int) { self.limit = limit }
    }

    /// The newest `limit` pins of `cid` that `viewer` may see (the client's `/pinned`).
    public func pinnedMessages(cid: String, viewer: String, limit: Int) throws -> [MessageRow] {
        try pinnedMessages(cid: cid, viewer: viewer, page: PinnedPage(limit: limit))
    }

    /// The messages of `cid` pinned now (a pin that expired does not count) and not deleted,
    /// that `viewer` may see, as `page` selects them. `known` users are not read again.
    public func pinnedMessages(cid: String, viewer: String, page: PinnedPage, known: [String: User] = [:]) throws -> [MessageRow] {
        try backend.read { db in
            var sql = """
                SELECT * FROM messages m WHERE m.cid = :cid AND m.pinned_at IS NOT NULL
                    AND (m.pin_expires IS NULL OR m.pin_expires > :now) AND m.type != 'deleted'
                    AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))
                """
            var arguments: [String: SQLValue] = [
                "cid": .text(cid), "now": .text(Timestamp.now().storageText), "viewer": .text(viewer),
                "limit": page.limit.sqlValue, "offset": page.offset.sqlValue,
            ]
            if let before = page.before {
                sql += " AND m.pinned_at \(before.inclusive ? "<=" : "<") :before"
                arguments["before"] = .text(before.time.storageText)
            }
            if let after = page.after {
                sql += " AND m.pinned_at \(after.inclusive ? ">=" : ">") :after"
                arguments["after"] = .text(after.time.storageText)
            }
            let direction = page.oldestFirst ? "ASC" : "DESC"
            sql += " ORDER BY m.pinned_at \(direction), m.id \(direction) LIMIT :limit OFFSET :offset"
            return try rows(for: db.rows(sql, named: arguments), viewer: viewer, known: known, db: db)
        }
    }
}

extension Schema {
    /// The pinned messages by channel and pin time: a handful in most channels, so a channel's
    /// state finds its pins without reading its messages.
    static let pinnedMessages = Step(
        name: "v14o: pinned messages",
        sql: "CREATE INDEX messages_pinned ON messages(cid, pinned_at) WHERE pinned_at IS NOT NULL"
    )
}
