import ChatModel

/// What changed in a channel after a time, read from the rows themselves for `POST /sync`: the
/// store keeps no history of events, but each message knows when it was sent, edited, pinned and
/// deleted, and each reaction when it was made.
extension ChatStore {
    /// The messages of `cid` (replies included) that `viewer` may see and that were sent,
    /// edited, pinned or deleted after `since`, by when they were sent; at most `limit`.
    /// The edit, pin and delete times are in no index: this reads the channel's messages,
    /// which a reconnecting client asks for once.
    public func messagesChanged(cid: String, viewer: String, since: Timestamp, limit: Int) throws -> [MessageRow] {
        try backend.read { db in
            let changed = try db.rows(
                """
                SELECT * FROM messages m WHERE m.cid = :cid
                    AND (m.created_at > :since OR m.text_updated_at > :since OR m.pinned_at > :since OR m.deleted_at > :since)
                    AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))
                ORDER BY m.created_at, m.id LIMIT :limit
                """,
                named: ["cid": .text(cid), "since": .text(since.storageText), "viewer": .text(viewer), "limit": limit.sqlValue]
            )
            return try rows(for: changed, viewer: viewer, db: db)
        }
    }

    /// The reactions made after `since` to messages of `cid` that `viewer` may see, oldest
    /// first; at most `limit`.
    public func reactionsAdded(cid: String, viewer: String, since: Timestamp, limit: Int) throws -> [Reaction] {
        try backend.read { db in
            try db.rows(
                """
                SELECT r.* FROM reactions r JOIN messages m ON m.id = r.message_id
                WHERE m.cid = :cid AND r.created_at > :since AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))
                ORDER BY r.created_at, r.message_id, r.type, r.user_id LIMIT :limit
                """,
                named: ["cid": .text(cid), "since": .text(since.storageText), "viewer": .text(viewer), "limit": limit.sqlValue]
            ).map(StoredItems.reaction)
        }
    }
}
