import ChatModel

/// Deactivating, reactivating and restoring users, as `deactivate_user`, `reactivate_user`
/// and `restore_users` ask.
extension ChatStore {
    /// Marks `id` deactivated at `time`; with `markMessagesDeleted`, soft-deletes their messages
    /// at that same time (so a reactivation with `restore_messages` finds exactly those).
    /// Returns the user as stored; nil when there is no such user.
    public func deactivateUser(id: String, markMessagesDeleted: Bool, at time: Timestamp) throws -> User? {
        try backend.write { db in
            guard
                try db.execute("UPDATE users SET deactivated_at = ?, updated_at = ? WHERE id = ?", time.storageText, time.storageText, id)
                    > 0
            else { return nil }
            if markMessagesDeleted {
                try db.execute(
                    "UPDATE messages SET type = 'deleted', deleted_at = ? WHERE user_id = ? AND deleted_at IS NULL",
                    time.storageText,
                    id
                )
            }
            return try db.row("SELECT * FROM users WHERE id = ?", id).map(StoredItems.user)
        }
    }

    /// What reactivating a user found.
    public enum Reactivation: Sendable {
        case reactivated(User)
        case notFound
        case notDeactivated
    }

    /// Clears `id`'s deactivation; with `restoreMessages`, brings back the messages its
    /// deactivation deleted (a reply again a reply); `name`, when given, becomes the user's name.
    public func reactivateUser(id: String, restoreMessages: Bool, name: String?) throws -> Reactivation {
        try backend.write { db in
            guard let user = try db.row("SELECT * FROM users WHERE id = ?", id).map(StoredItems.user) else { return .notFound }
            guard let deactivated = user.deactivatedAt else { return .notDeactivated }
            if restoreMessages {
                try db.execute(
                    """
                    UPDATE messages SET type = \(Self.undeletedType), deleted_at = NULL
                    WHERE user_id = ? AND deleted_at = ?
                    """,
                    id,
                    deactivated.storageText
                )
            }
            var custom = user.custom
            if let name { custom["name"] = .string(name) }
            try db.execute(
                "UPDATE users SET deactivated_at = NULL, custom = ?, updated_at = ? WHERE id = ?",
                StoredValue.json(.object(custom)),
                Timestamp.now().storageText,
                id
            )
            return try db.row("SELECT * FROM users WHERE id = ?", id).map(StoredItems.user).map(Reactivation.reactivated) ?? .notFound
        }
    }

    /// Brings soft-deleted users back (only the user record: their messages stay as they are).
    /// All or nothing: returns the ids that are not soft-deleted users, and then restores none.
    public func restoreUsers(ids: [String]) throws -> [String] {
        try backend.write { db in
            let deleted: [String] = try db.values(
                "SELECT id FROM users WHERE deleted_at IS NOT NULL AND id IN (\(placeholders(ids.count)))",
                ids.map(SQLValue.text)
            )
            let missing = ids.filter { !deleted.contains($0) }
            guard missing.isEmpty else { return missing }
            try db.execute("UPDATE users SET deleted_at = NULL WHERE id IN (\(placeholders(ids.count)))", ids.map(SQLValue.text))
            return []
        }
    }
}
