import ChatModel
import GRDB

/// Changes to existing messages, reactions and read state, for the server. Each call is one
/// committed transaction: what the server acknowledged is on disk.
extension ChatStore {
    /// Adds or replaces `reaction` (one per message, type and user).
    public func upsert(reaction: Reaction) throws {
        try pool.write { db in _ = try StoreImportSink(db: db, mode: .upsert, importTime: .now()).write(.reaction(reaction)) }
    }

    /// Removes a reaction; the removed one, or nil when there was none.
    public func deleteReaction(messageID: String, type: String, userID: String) throws -> Reaction? {
        try pool.write { db in
            let existing = try Row.fetchOne(db, sql: "SELECT * FROM reactions WHERE message_id = ? AND type = ? AND user_id = ?",
                                            arguments: [messageID, type, userID]).map(StoredItems.reaction)
            try db.execute(sql: "DELETE FROM reactions WHERE message_id = ? AND type = ? AND user_id = ?", arguments: [messageID, type, userID])
            return existing
        }
    }

    /// A message's reactions (only `userID`'s when given), newest first, a page at a time.
    public func reactions(messageID: String, by userID: String? = nil, limit: Int, offset: Int) throws -> [Reaction] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM reactions WHERE message_id = :message AND (:user IS NULL OR user_id = :user)
                ORDER BY created_at DESC, user_id LIMIT :limit OFFSET :offset
                """, arguments: ["message": messageID, "user": userID, "limit": limit, "offset": offset]).map(StoredItems.reaction)
        }
    }

    /// Replaces a message's content (its channel, author and time stay) and, when the text
    /// changed, records the edit (a pin or a custom field is not an edit a reader is shown).
    public func update(message: Message) throws {
        try pool.write { db in
            let before = try String.fetchOne(db, sql: "SELECT text FROM messages WHERE id = ?", arguments: [message.id])
            _ = try StoreImportSink(db: db, mode: .upsert, importTime: .now()).write(.message(message))
            // The sink's upsert keeps a stored value the item leaves out; an unpin must clear it.
            try db.execute(sql: "UPDATE messages SET pinned_at = ?, pinned_by_id = ?, pin_expires = ? WHERE id = ?",
                           arguments: [message.pinnedAt?.storageText, message.pinnedByID, message.pinExpires?.storageText, message.id])
            if before != (message.text ?? "") {
                try db.execute(sql: "UPDATE messages SET text_updated_at = ? WHERE id = ?", arguments: [Timestamp.now().storageText, message.id])
            }
        }
    }

    /// Marks a message deleted (Stream's soft delete: the row stays, as type `deleted`).
    public func softDelete(messageID: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE messages SET type = 'deleted', deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                           arguments: [Timestamp.now().storageText, messageID])
        }
    }

    /// Moves a member's read position to `time`; false when the user is not a member.
    public func markRead(cid: String, userID: String, at time: Timestamp) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "UPDATE members SET last_read = ? WHERE cid = ? AND user_id = ?", arguments: [time.storageText, cid, userID])
            return db.changesCount > 0
        }
    }

    /// Marks every channel of the user read at `time`; the channels it touched.
    public func markAllRead(userID: String, at time: Timestamp) throws -> [String] {
        try pool.write { db in
            let cids = try String.fetchAll(db, sql: "SELECT cid FROM members WHERE user_id = ? ORDER BY cid", arguments: [userID])
            try db.execute(sql: "UPDATE members SET last_read = ? WHERE user_id = ?", arguments: [time.storageText, userID])
            return cids
        }
    }
}
