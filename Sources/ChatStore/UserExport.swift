import ChatModel

/// Everything a user wrote (`export_user`, a GDPR export): their messages in every channel and
/// their reactions. Neither table has an index by user, so each read walks its table: an export
/// is asked for rarely, and an index would cost every import and send.
extension ChatStore {
    /// The user's messages, deleted ones included, oldest first, as a server call sees them.
    public func messages(byUser userID: String) throws -> [MessageRow] {
        try backend.read { db in
            try rows(for: db.rows("SELECT * FROM messages m WHERE m.user_id = ? ORDER BY m.created_at, m.id", userID), viewer: "", db: db)
        }
    }

    /// The user's reactions, oldest first.
    public func reactions(byUser userID: String) throws -> [Reaction] {
        try backend.read { db in
            try db.rows("SELECT * FROM reactions WHERE user_id = ? ORDER BY created_at, message_id, type", userID).map(StoredItems.reaction)
        }
    }
}
