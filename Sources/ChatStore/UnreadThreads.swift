import ChatModel

extension ChatStore {
    /// Threads of `userID`'s channels (hidden ones left out) that the user takes part in, as
    /// Stream counts participants: the parent's author or the author of a reply. A reply is
    /// unread when it would be an unread channel message (after the member's `last_read`, from
    /// someone else, not deleted, not silent, visible to the user), whether or not it is shown in the channel;
    /// "after" counts from the thread's own read position when it is later than the channel's.
    public func unreadThreads(for userID: String) throws -> [UnreadThread] {
        let read = "(CASE WHEN tr.last_read > mb.last_read THEN tr.last_read ELSE mb.last_read END)"
        return try backend.read { db in
            try db.rows(
                """
                SELECT p.id AS parent_id, \(read) AS last_read, COUNT(*) AS unread_count,
                    (SELECT r.id FROM messages r WHERE r.parent_id = p.id AND r.created_at <= \(read)
                        ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS last_read_message_id
                FROM members mb
                JOIN messages p ON p.cid = mb.cid AND p.parent_id IS NULL
                JOIN messages m ON m.parent_id = p.id
                LEFT JOIN thread_reads tr ON tr.user_id = :user AND tr.parent_id = p.id
                WHERE mb.user_id = :user AND mb.hide_channel = 0 AND mb.last_read IS NOT NULL
                    AND m.created_at > \(read) AND m.user_id != :user AND m.type != 'deleted' AND m.deleted_at IS NULL
                    AND m.silent = 0 AND \(Self.visibleCondition(viewer: ":user", db.dialect))
                    AND (p.user_id = :user OR EXISTS (SELECT 1 FROM messages own WHERE own.parent_id = p.id AND own.user_id = :user))
                GROUP BY p.id, mb.last_read, tr.last_read
                ORDER BY p.id
                """,
                named: ["user": .text(userID)]
            ).map { row in
                UnreadThread(
                    parentMessageID: row["parent_id"],
                    unreadCount: row["unread_count"],
                    lastRead: StoredValue.decodeTime(row["last_read"]),
                    lastReadMessageID: row["last_read_message_id"]
                )
            }
        }
    }

    /// Moves `userID`'s read position in the thread under `parentID` to `time` (the channel's
    /// own position is untouched).
    public func markThreadRead(parentID: String, userID: String, at time: Timestamp) throws {
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO thread_reads (user_id, parent_id, last_read) VALUES (?, ?, ?)
                ON CONFLICT(user_id, parent_id) DO UPDATE SET last_read = excluded.last_read
                """,
                userID,
                parentID,
                time.storageText
            )
        }
    }
}
