import ChatModel

/// A thread's own title and custom data (`PATCH /threads/{message_id}`), kept apart from its
/// parent message, whose fields are the message's own.
public struct ThreadData: Sendable, Equatable {
    public var title: String?
    public var custom: JSONObject
    public var updatedAt: Timestamp?

    public init(title: String? = nil, custom: JSONObject = JSONObject(), updatedAt: Timestamp? = nil) {
        self.title = title
        self.custom = custom
        self.updatedAt = updatedAt
    }
}

extension ChatStore {
    /// The data of the threads under `parentIDs` that have any, by parent id.
    public func threadData(parentIDs: [String]) throws -> [String: ThreadData] {
        guard !parentIDs.isEmpty else { return [:] }
        return try backend.read { db in
            var found: [String: ThreadData] = [:]
            for row in try db.rows(
                "SELECT * FROM thread_data WHERE parent_id IN (\(placeholders(parentIDs.count)))",
                parentIDs.map(SQLValue.text)
            ) {
                found[row["parent_id"]] = ThreadData(
                    title: row["title"],
                    custom: StoredValue.decodeJSON(row["custom"])?.objectValue ?? JSONObject(),
                    updatedAt: StoredValue.decodeTime(row["updated_at"])
                )
            }
            return found
        }
    }

    /// Sets a thread's `title` (when given) and custom fields, then removes the `unset` ones
    /// (`title` among them clears it), in one transaction; the data as it is after.
    public func updateThreadData(
        parentID: String,
        title: String?,
        set: JSONObject,
        unset: [String],
        at time: Timestamp
    ) throws
        -> ThreadData
    {
        try backend.write { db in
            let row = try db.row("SELECT * FROM thread_data WHERE parent_id = ?", parentID)
            var data = ThreadData(
                title: row.flatMap { $0["title"] },
                custom: row.flatMap { StoredValue.decodeJSON($0["custom"])?.objectValue } ?? JSONObject()
            )
            if let title { data.title = title }
            for member in set.members { data.custom[member.key] = member.value }
            for key in unset {
                if key == "title" { data.title = nil } else { data.custom[key] = nil }
            }
            data.updatedAt = time
            try db.execute(
                """
                INSERT INTO thread_data (parent_id, title, custom, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(parent_id) DO UPDATE SET title = excluded.title, custom = excluded.custom, updated_at = excluded.updated_at
                """,
                parentID,
                data.title,
                StoredValue.json(.object(data.custom)),
                time.storageText
            )
            return data
        }
    }
}

extension Schema {
    /// Threads' titles and custom data, by parent message; a thread without any has no row.
    static let threadData = Step(
        name: "v14p: thread data",
        sql: """
            CREATE TABLE thread_data (
                parent_id TEXT PRIMARY KEY NOT NULL,
                title TEXT,
                custom TEXT NOT NULL DEFAULT '{}',
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID
            """
    )
}
