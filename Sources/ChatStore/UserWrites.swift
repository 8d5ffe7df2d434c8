import ChatModel

/// Users written and read one by one, for the server (imports use the sink in bulk).
extension ChatStore {
    /// Inserts or updates users as Stream's upsert does (provided fields overwrite, custom data
    /// is replaced), all in one transaction, and returns them as stored.
    public func upsert(users: [User]) throws -> [User] {
        try backend.write { db in
            let now = Timestamp.now()
            let sink = StoreImportSink(db: db, mode: .upsert, importTime: now)
            for user in users {
                _ = try sink.write(.user(user))
                // An upsert through the API is the user's latest update. An import file's users
                // keep none (they read as created), so importing a file twice leaves the same store.
                try db.execute("UPDATE users SET updated_at = ? WHERE id = ?", now.storageText, user.id)
            }
            return try users.compactMap { try db.row("SELECT * FROM users WHERE id = ?", $0.id).map(StoredItems.user) }
        }
    }

    /// Writes users' editable fields exactly as given, a missing one cleared (an upsert would keep
    /// it), in one transaction; a partial update's `unset` needs this. Returns them as stored.
    public func replaceEditable(of users: [User]) throws -> [User] {
        try backend.write { db in
            for u in users {
                try db.execute(
                    """
                    UPDATE users SET role = ?, invisible = ?, language = ?, teams = ?, teams_role = ?,
                        push_preferences = ?, privacy_settings = ?, custom = ?, updated_at = ? WHERE id = ?
                    """,
                    u.role ?? "user",
                    u.invisible ?? false,
                    u.language,
                    StoredValue.json(u.teams),
                    StoredValue.json(u.teamsRole),
                    StoredValue.json(u.pushPreferences),
                    StoredValue.json(u.privacySettings),
                    StoredValue.json(.object(u.custom)),
                    Timestamp.now().storageText,
                    u.id
                )
            }
            return try users.compactMap { try db.row("SELECT * FROM users WHERE id = ?", $0.id).map(StoredItems.user) }
        }
    }

    /// The users with `ids` (every user when nil), by id; the server filters and orders them as
    /// Stream's queries do.
    public func users(ids: [String]?) throws -> [User] {
        try backend.read { db in
            let sql =
                "SELECT * FROM users" + (ids.map { "WHERE id IN (\(placeholders($0.count)))" }.map { " " + $0 } ?? "") + " ORDER BY id"
            return try db.rows(sql, (ids ?? []).map(SQLValue.text)).map(StoredItems.user)
        }
    }

    /// The one user a migration gave another id for `name`: the Mattermost username, Slack id
    /// or Chatkit id the converters keep when Stream refuses it as an id (`jane.doe` became
    /// `jane_doe-9f9fcb65`). Nil when no user, or more than one, has it.
    public func user(migratedFrom name: String) throws -> User? {
        try backend.read { db in
            let keys = ["mm_username", "slack_id", "chatkit_id"].map { db.dialect.jsonString("custom", key: $0) + " = :name" }
            let rows = try db.rows("SELECT * FROM users WHERE " + keys.joined(separator: " OR ") + " LIMIT 2", named: ["name": .text(name)])
            return rows.count == 1 ? StoredItems.user(rows[0]) : nil
        }
    }
}

extension ChatStore {
    /// What happens to a deleted user's messages.
    public enum AuthoredMessages: Sendable {
        case keep, softDelete, hardDelete
    }

    /// Deletes a user as Stream does: soft (the user stays, marked `deleted_at`) or hard (the
    /// user, their memberships, reactions, mutes and bans go); their messages as `messages` says.
    /// Returns the user as it was before a hard delete or as it is after a soft one; nil when absent.
    public func deleteUser(id: String, hard: Bool, messages: AuthoredMessages, at time: Timestamp) throws -> User? {
        try backend.write { db in
            guard let user = try db.row("SELECT * FROM users WHERE id = ?", id).map(StoredItems.user) else { return nil }
            switch messages {
            case .keep: break
            case .softDelete:
                try db.execute(
                    "UPDATE messages SET type = 'deleted', deleted_at = ? WHERE user_id = ? AND deleted_at IS NULL",
                    time.storageText,
                    id
                )
            case .hardDelete:
                for table in ["reactions", "deleted_for_me"] {
                    try db.execute("DELETE FROM \(table) WHERE message_id IN (SELECT id FROM messages WHERE user_id = ?)", id)
                }
                try db.execute("DELETE FROM messages WHERE user_id = ?", id)
            }
            guard hard else {
                try db.execute("UPDATE users SET deleted_at = ? WHERE id = ?", time.storageText, id)
                return try db.row("SELECT * FROM users WHERE id = ?", id).map(StoredItems.user)
            }
            for table in ["reactions", "deleted_for_me", "members", "drafts"] {
                try db.execute("DELETE FROM \(table) WHERE user_id = ?", id)
            }
            try db.execute("DELETE FROM mutes WHERE user_id = ? OR target_id = ?", id, id)
            try db.execute("DELETE FROM bans WHERE target_id = ?", id)
            try db.execute("DELETE FROM devices WHERE user_id = ?", id)
            try db.execute("DELETE FROM users WHERE id = ?", id)
            var gone = user
            gone.deletedAt = time
            return gone
        }
    }
}
