import ChatModel

/// Changes to existing messages, reactions and read state, for the server. Each call is one
/// committed transaction: what the server acknowledged is on disk.
extension ChatStore {
    /// Adds or replaces `reaction` (one per message, type and user).
    public func upsert(reaction: Reaction) throws {
        try backend.write { db in _ = try StoreImportSink(db: db, mode: .upsert, importTime: .now()).write(.reaction(reaction)) }
    }

    /// Removes a reaction; the removed one, or nil when there was none.
    public func deleteReaction(messageID: String, type: String, userID: String) throws -> Reaction? {
        try backend.write { db in
            let existing = try db.row("SELECT * FROM reactions WHERE message_id = ? AND type = ? AND user_id = ?", messageID, type, userID)
                .map(StoredItems.reaction)
            try db.execute("DELETE FROM reactions WHERE message_id = ? AND type = ? AND user_id = ?", messageID, type, userID)
            return existing
        }
    }

    /// A message's reactions (only `userID`'s when given), newest first, a page at a time.
    public func reactions(messageID: String, by userID: String? = nil, limit: Int, offset: Int) throws -> [Reaction] {
        try backend.read { db in
            try db.rows(
                """
                SELECT * FROM reactions WHERE message_id = ?\(userID == nil ? "" : " AND user_id = ?")
                ORDER BY created_at DESC, user_id LIMIT ? OFFSET ?
                """,
                [.text(messageID)] + (userID.map { [.text($0)] } ?? []) + [limit.sqlValue, offset.sqlValue]
            ).map(StoredItems.reaction)
        }
    }

    /// Replaces a message's content (its channel, author and time stay) as `editor` and keeps the
    /// state it replaces in the message's history; when the text changed, records the edit for
    /// readers (a pin or a custom field is not an edit a reader is shown).
    public func update(message: Message, by editor: String) throws {
        try backend.write { db in
            let before: String? = try db.value("SELECT text FROM messages WHERE id = ?", message.id)
            try Self.keepHistory(of: message.id, replacedBy: editor, db: db, unlessSameAs: message)
            _ = try StoreImportSink(db: db, mode: .upsert, importTime: .now()).write(.message(message))
            // The sink's upsert keeps a stored value the item leaves out; an unpin must clear it,
            // and so must an edit that opens a restricted message to everyone.
            try db.execute(
                "UPDATE messages SET pinned_at = ?, pinned_by_id = ?, pin_expires = ?, restricted_visibility = ? WHERE id = ?",
                [
                    message.pinnedAt.map { .text($0.storageText) } ?? .null, message.pinnedByID.map(SQLValue.text) ?? .null,
                    message.pinExpires.map { .text($0.storageText) } ?? .null, StoredValue.json(message.restrictedVisibility),
                    .text(message.id),
                ]
            )
            if before != (message.text ?? "") {
                try db.execute("UPDATE messages SET text_updated_at = ? WHERE id = ?", Timestamp.now().storageText, message.id)
            }
        }
    }

    /// Marks a message deleted by `deleter` (Stream's soft delete: the row stays, as type
    /// `deleted`); the state before is kept in the message's history.
    public func softDelete(messageID: String, by deleter: String) throws {
        try backend.write { db in
            try Self.keepHistory(of: messageID, replacedBy: deleter, db: db)
            try db.execute(
                "UPDATE messages SET type = 'deleted', deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                Timestamp.now().storageText,
                messageID
            )
        }
    }

    /// Removes a message for good (`delete_message(hard=True)`) with what hangs on it alone:
    /// its reactions, hides, reminders, edit history and, when it starts a thread, the
    /// thread's data. Its replies stay, as a soft delete leaves them. False when there is none.
    public func hardDelete(messageID: String) throws -> Bool {
        try backend.write { db in try Self.remove(messageID: messageID, db: db) }
    }

    static func remove(messageID: String, db: any SQLSession) throws -> Bool {
        for table in ["reactions", "deleted_for_me", "reminders", "message_history"] {
            try db.execute("DELETE FROM \(table) WHERE message_id = ?", messageID)
        }
        try db.execute("DELETE FROM thread_data WHERE parent_id = ?", messageID)
        return try db.execute("DELETE FROM messages WHERE id = ?", messageID) > 0
    }

    /// Brings a soft-deleted message back (`undelete_message`): text, attachments and custom
    /// data are as they were, since a soft delete keeps them; its type is again a reply's in a
    /// thread and a regular message's elsewhere. False when the message is not deleted.
    public func undelete(messageID: String) throws -> Bool {
        try backend.write { db in
            try db.execute(
                "UPDATE messages SET type = \(Self.undeletedType), deleted_at = NULL WHERE id = ? AND (deleted_at IS NOT NULL OR type = 'deleted')",
                messageID
            ) > 0
        }
    }

    /// The type a message brought back gets. A deleted message keeps no record of its type
    /// before, so a deleted system message comes back as a regular one.
    static let undeletedType = "CASE WHEN parent_id IS NULL THEN 'regular' ELSE 'reply' END"

    /// Hides a message from `userID` alone (`delete_for_me`): every read of theirs leaves it
    /// out, everyone else keeps it as it was.
    public func deleteForMe(messageID: String, userID: String, at time: Timestamp) throws {
        try backend.write { db in
            try db.execute(
                "INSERT INTO deleted_for_me (message_id, user_id, deleted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                messageID,
                userID,
                time.storageText
            )
        }
    }

    /// Moves a member's read position to `time`; false when the user is not a member.
    public func markRead(cid: String, userID: String, at time: Timestamp) throws -> Bool {
        try backend.write { db in
            try db.execute("UPDATE members SET last_read = ? WHERE cid = ? AND user_id = ?", time.storageText, cid, userID) > 0
        }
    }

    /// Marks every channel of the user read at `time`; the channels it touched.
    public func markAllRead(userID: String, at time: Timestamp) throws -> [String] {
        try backend.write { db in
            let cids: [String] = try db.values("SELECT cid FROM members WHERE user_id = ? ORDER BY cid", [.text(userID)])
            try db.execute("UPDATE members SET last_read = ? WHERE user_id = ?", time.storageText, userID)
            return cids
        }
    }
}
