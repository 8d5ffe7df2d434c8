import ChatModel

/// A user blocking another (`block_user`).
public struct Block: Sendable, Equatable {
    public var userID: String
    public var blockedUserID: String
    /// Nil for a block that came with an import (`blocked_user_ids` has no times).
    public var createdAt: Timestamp?
}

/// Blocks: the user's `blocked_user_ids` (what Stream shows on the user, and what imports set)
/// stays the list; `user_blocks` adds when each block was made through the API.
extension ChatStore {
    /// Adds `blocked` to `userID`'s blocks (again is no change). Returns the block as stored.
    public func block(userID: String, blocked: String, at time: Timestamp) throws -> Block {
        try backend.write { db in
            var list = try Self.blockedIDs(of: userID, db)
            if !list.contains(blocked) { list.append(blocked) }
            try db.execute("UPDATE users SET blocked_user_ids = ? WHERE id = ?", StoredValue.json(list), userID)
            try db.execute(
                "INSERT INTO user_blocks (user_id, blocked_user_id, created_at) VALUES (?, ?, ?) ON CONFLICT(user_id, blocked_user_id) DO NOTHING",
                userID,
                blocked,
                time.storageText
            )
            let created: String? = try db.value(
                "SELECT created_at FROM user_blocks WHERE user_id = ? AND blocked_user_id = ?",
                userID,
                blocked
            )
            return Block(userID: userID, blockedUserID: blocked, createdAt: StoredValue.decodeTime(created))
        }
    }

    /// Removes `blocked` from `userID`'s blocks; false when it was not blocked.
    public func unblock(userID: String, blocked: String) throws -> Bool {
        try backend.write { db in
            let list = try Self.blockedIDs(of: userID, db)
            try db.execute("DELETE FROM user_blocks WHERE user_id = ? AND blocked_user_id = ?", userID, blocked)
            guard list.contains(blocked) else { return false }
            try db.execute(
                "UPDATE users SET blocked_user_ids = ? WHERE id = ?",
                StoredValue.json(list.filter { $0 != blocked }),
                userID
            )
            return true
        }
    }

    /// `userID`'s blocks, in the order they were made.
    public func blocks(of userID: String) throws -> [Block] {
        try backend.read { db in
            var times: [String: Timestamp] = [:]
            for time in try db.rows("SELECT blocked_user_id, created_at FROM user_blocks WHERE user_id = ?", userID) {
                let blocked: String = time["blocked_user_id"]
                times[blocked] = StoredValue.decodeTime(time["created_at"])
            }
            return try Self.blockedIDs(of: userID, db).map {
                Block(userID: userID, blockedUserID: $0, createdAt: times[$0])
            }
        }
    }

    /// The 1-on-1 channels (two members) of `userID` with a user they block: Stream hides them
    /// from the blocker's channel list until the block ends.
    public func blockedDirectChannels(of userID: String) throws -> [String] {
        try backend.read { db in
            let blocked = try Self.blockedIDs(of: userID, db)
            guard !blocked.isEmpty else { return [] }
            return try db.rows(
                """
                SELECT mb.cid FROM members mb JOIN members o ON o.cid = mb.cid AND o.user_id != mb.user_id
                WHERE mb.user_id = ? AND o.user_id IN (\(placeholders(blocked.count)))
                AND (SELECT COUNT(*) FROM members x WHERE x.cid = mb.cid) = 2
                ORDER BY mb.cid
                """,
                [SQLValue.text(userID)] + blocked.map(SQLValue.text)
            ).map { row -> String in row["cid"] }
        }
    }

    private static func blockedIDs(of userID: String, _ db: any SQLSession) throws -> [String] {
        let list: String? = try db.value("SELECT blocked_user_ids FROM users WHERE id = ?", userID)
        return StoredItems.strings(list) ?? []
    }
}
