import ChatModel

/// A user's flag on a message or on another user, and its review.
public struct ModerationFlag: Sendable, Equatable {
    public var id: String
    public var createdBy: String
    /// Exactly one of the two targets is set.
    public var targetMessageID: String?
    public var targetUserID: String?
    public var reason: String?
    public var custom: JSONObject
    public var createdAt: Timestamp
    public var reviewResult: String?
    public var reviewDetails: JSONObject?
    public var reviewedBy: String?
    public var reviewedAt: Timestamp?

    public init(
        id: String,
        createdBy: String,
        targetMessageID: String?,
        targetUserID: String?,
        reason: String?,
        custom: JSONObject,
        createdAt: Timestamp
    ) {
        self.id = id
        self.createdBy = createdBy
        self.targetMessageID = targetMessageID
        self.targetUserID = targetUserID
        self.reason = reason
        self.custom = custom
        self.createdAt = createdAt
    }
}

/// Flags (`flag_message`, `flag_user`, `unflag_*`, `query_message_flags`) and the flag reports
/// of flagged messages (one per message: its flags together, named by the first flag's id).
extension ChatStore {
    /// Saves `flag`; false when its author has flagged that target already (nothing changes).
    public func add(flag: ModerationFlag) throws -> Bool {
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO flags (id, created_by, target_message_id, target_user_id, reason, custom, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(created_by, target_message_id, target_user_id) DO NOTHING
                """,
                flag.id,
                flag.createdBy,
                flag.targetMessageID ?? "",
                flag.targetUserID ?? "",
                flag.reason,
                StoredValue.json(.object(flag.custom)),
                flag.createdAt.storageText
            ) > 0
        }
    }

    /// Removes `createdBy`'s flag on the message or user; returns it, or nil when there was none.
    public func removeFlag(createdBy: String, messageID: String?, userID: String?) throws -> ModerationFlag? {
        try backend.write { db in
            let arguments: [SQLValue] = [.text(createdBy), .text(messageID ?? ""), .text(userID ?? "")]
            let condition = "created_by = ? AND target_message_id = ? AND target_user_id = ?"
            guard let flag = try db.rows("SELECT * FROM flags WHERE \(condition)", arguments).first.map(Self.flag) else { return nil }
            try db.execute("DELETE FROM flags WHERE \(condition)", arguments)
            return flag
        }
    }

    /// How many flags the message (or the user) has.
    public func flagCount(messageID: String?, userID: String?) throws -> Int {
        try backend.read { db in
            try db.value("SELECT COUNT(*) FROM flags WHERE target_message_id = ? AND target_user_id = ?", messageID ?? "", userID ?? "")
                ?? 0
        }
    }

    /// Flags on messages, newest first, filtered by the messages' channels, authors and ids (nil:
    /// any); a deleted message's flags only with `includeDeleted`.
    public func messageFlags(
        cids: [String]?,
        authors: [String]?,
        messageIDs: [String]?,
        includeDeleted: Bool,
        limit: Int,
        offset: Int
    ) throws -> [ModerationFlag] {
        try backend.read { db in
            var sql = "SELECT f.* FROM flags f JOIN messages m ON m.id = f.target_message_id WHERE f.target_message_id <> ''"
            if !includeDeleted { sql += " AND m.deleted_at IS NULL" }
            var arguments: [SQLValue] = []
            for (column, values) in [("m.cid", cids), ("m.user_id", authors), ("m.id", messageIDs)] {
                guard let values else { continue }
                sql += " AND \(column) IN (\(values.isEmpty ? "NULL" : placeholders(values.count)))"
                arguments += values.map(SQLValue.text)
            }
            arguments += [limit.sqlValue, offset.sqlValue]
            return try db.rows(sql + " ORDER BY f.created_at DESC, f.id LIMIT ? OFFSET ?", arguments).map(Self.flag)
        }
    }

    /// The flag named `id`, and every flag on the same message (its report), oldest first.
    public func report(flagID id: String) throws -> [ModerationFlag] {
        try backend.read { db in
            guard let message: String = try db.value("SELECT target_message_id FROM flags WHERE id = ?", id), !message.isEmpty else {
                return []
            }
            return try db.rows("SELECT * FROM flags WHERE target_message_id = ? ORDER BY created_at, id", message).map(Self.flag)
        }
    }

    /// Records a review on every flag of the message whose report `id` names; returns them.
    public func review(
        report id: String,
        result: String,
        details: JSONObject,
        by reviewer: String,
        at time: Timestamp
    ) throws -> [ModerationFlag] {
        try backend.write { db in
            guard let message: String = try db.value("SELECT target_message_id FROM flags WHERE id = ?", id), !message.isEmpty else {
                return []
            }
            try db.execute(
                "UPDATE flags SET review_result = ?, review_details = ?, reviewed_by = ?, reviewed_at = ? WHERE target_message_id = ?",
                result,
                StoredValue.json(.object(details)),
                reviewer,
                time.storageText,
                message
            )
            return try db.rows("SELECT * FROM flags WHERE target_message_id = ? ORDER BY created_at, id", message).map(Self.flag)
        }
    }

    private static func flag(_ row: SQLRow) -> ModerationFlag {
        let message: String = row["target_message_id"]
        let user: String = row["target_user_id"]
        var flag = ModerationFlag(
            id: row["id"],
            createdBy: row["created_by"],
            targetMessageID: message.isEmpty ? nil : message,
            targetUserID: user.isEmpty ? nil : user,
            reason: row["reason"],
            custom: StoredValue.decodeJSON(row["custom"])?.objectValue ?? [:],
            createdAt: StoredValue.decodeTime(row["created_at"]) ?? Timestamp(seconds: 0)
        )
        flag.reviewResult = row["review_result"]
        flag.reviewDetails = StoredValue.decodeJSON(row["review_details"])?.objectValue
        flag.reviewedBy = row["reviewed_by"]
        flag.reviewedAt = StoredValue.decodeTime(row["reviewed_at"])
        return flag
    }
}
