import ChatModel

/// A message a user has not sent yet: one per channel, or per thread of it (`parentID`).
public struct StoredDraft: Sendable, Equatable {
    public var userID: String
    public var cid: String
    public var parentID: String?
    public var message: JSONObject
    public var createdAt: Timestamp

    public init(userID: String, cid: String, parentID: String?, message: JSONObject, createdAt: Timestamp) {
        self.userID = userID
        self.cid = cid
        self.parentID = parentID
        self.message = message
        self.createdAt = createdAt
    }
}

extension ChatStore {
    /// Saves a draft, replacing the user's draft for the same channel or thread.
    public func save(draft: StoredDraft) throws {
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO drafts (user_id, cid, parent_id, message, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(user_id, cid, parent_id) DO UPDATE SET message = excluded.message, created_at = excluded.created_at
                """,
                draft.userID,
                draft.cid,
                draft.parentID ?? "",
                StoredValue.json(.object(draft.message)),
                draft.createdAt.storageText
            )
        }
    }

    public func draft(userID: String, cid: String, parentID: String?) throws -> StoredDraft? {
        try backend.read { db in
            try db.row("SELECT * FROM drafts WHERE user_id = ? AND cid = ? AND parent_id = ?", userID, cid, parentID ?? "")
                .map(Self.draft)
        }
    }

    /// Removes a draft; false when there was none.
    public func deleteDraft(userID: String, cid: String, parentID: String?) throws -> Bool {
        try backend.write { db in
            try db.execute("DELETE FROM drafts WHERE user_id = ? AND cid = ? AND parent_id = ?", userID, cid, parentID ?? "") > 0
        }
    }

    /// Every draft of the user, newest first.
    public func drafts(userID: String) throws -> [StoredDraft] {
        try backend.read { db in
            try db.rows("SELECT * FROM drafts WHERE user_id = ? ORDER BY created_at DESC, cid, parent_id", userID).map(Self.draft)
        }
    }

    private static func draft(_ row: SQLRow) -> StoredDraft {
        let parent: String = row["parent_id"]
        return StoredDraft(
            userID: row["user_id"],
            cid: row["cid"],
            parentID: parent.isEmpty ? nil : parent,
            message: StoredValue.decodeJSON(row["message"])?.objectValue ?? JSONObject(),
            createdAt: StoredValue.decodeTime(row["created_at"]) ?? .now()
        )
    }
}
