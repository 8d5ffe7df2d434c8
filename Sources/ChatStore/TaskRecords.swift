import ChatModel

/// An asynchronous task of Stream's (`GET /tasks/{id}`): the batch deletes. The local server
/// does the work before it answers, so a task it reports is already `completed` or `failed`.
public struct StoredTask: Sendable, Equatable {
    public var id: String
    public var status: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var result: JSONObject

    public init(id: String, status: String, createdAt: Timestamp, updatedAt: Timestamp, result: JSONObject) {
        self.id = id
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.result = result
    }
}

extension ChatStore {
    public func save(task: StoredTask) throws {
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO tasks (id, status, created_at, updated_at, result) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, result = excluded.result
                """,
                task.id,
                task.status,
                task.createdAt.storageText,
                task.updatedAt.storageText,
                StoredValue.json(.object(task.result))
            )
        }
    }

    public func task(id: String) throws -> StoredTask? {
        try backend.read { db in
            try db.row("SELECT * FROM tasks WHERE id = ?", id).map { row in
                StoredTask(
                    id: row["id"],
                    status: row["status"],
                    createdAt: StoredValue.decodeTime(row["created_at"]) ?? .now(),
                    updatedAt: StoredValue.decodeTime(row["updated_at"]) ?? .now(),
                    result: StoredValue.decodeJSON(row["result"])?.objectValue ?? JSONObject()
                )
            }
        }
    }

    /// Gives the channels `from` created to `to` (a hard-deleted user's channels keep an owner).
    public func transferChannels(from: String, to: String) throws {
        try backend.write { db in try db.execute("UPDATE channels SET created_by = ? WHERE created_by = ?", to, from) }
    }

    /// The user's conversations: channels without an id made for their members (`member_ids`),
    /// which Stream's `conversations` option of a user delete removes.
    public func conversations(of userID: String) throws -> [String] {
        try backend.read { db in
            try db.values(
                """
                SELECT c.cid FROM channels c JOIN members mb ON mb.cid = c.cid
                WHERE mb.user_id = ? AND c.member_ids IS NOT NULL ORDER BY c.cid
                """,
                [.text(userID)]
            )
        }
    }
}
