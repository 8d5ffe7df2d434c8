import ChatModel

/// One earlier state of a message (Stream's `message_history` entry): what it said from
/// `updatedAt`, when `updatedBy` made it so, until the next edit or a soft delete replaced it.
public struct MessageHistoryEntry: Sendable, Equatable {
    public var messageID: String
    public var text: String
    public var attachments: JSONValue
    public var custom: JSONObject
    public var isDeleted: Bool
    public var updatedAt: Timestamp
    public var updatedBy: String
}

/// What `messageHistory` selects: Stream's filter on `message_id`, `message_updated_by_id` and
/// a `message_updated_at` range.
public struct MessageHistoryQuery: Sendable {
    public var messageIDs: [String]?
    public var updatedBy: [String]?
    /// Bounds on `message_updated_at`, each with whether it is inclusive.
    public var after: (time: Timestamp, inclusive: Bool)?
    public var before: (time: Timestamp, inclusive: Bool)?
    public var newestFirst = true

    public init() {}
}

extension ChatStore {
    /// Keeps the stored state of `messageID` as a history entry before it is replaced. The
    /// entry's own start is the previous replacement (or the message's creation by its author),
    /// so every entry knows when and by whom its state was made. As in Stream, only text,
    /// attachments, custom fields and deletion are history: a change of nothing else (a pin)
    /// to `replacement` keeps no entry.
    static func keepHistory(
        of messageID: String,
        replacedBy editor: String,
        db: any SQLSession,
        unlessSameAs replacement: Message? = nil
    )
        throws
    {
        guard let current = try db.row("SELECT * FROM messages WHERE id = ?", messageID) else { return }
        if let replacement {
            let attachments = StoredValue.decodeJSON(current["attachments"])?.arrayValue ?? []
            let custom = StoredValue.decodeJSON(current["custom"])?.objectValue ?? JSONObject()
            if current["text"] as String == (replacement.text ?? ""), attachments == replacement.attachments.map({ .object($0.fields) }),
                custom == replacement.custom
            {
                return
            }
        }
        let previous = try db.row(
            "SELECT replaced_at, replaced_by FROM message_history WHERE message_id = ? ORDER BY replaced_at DESC LIMIT 1",
            messageID
        )
        let versionAt: String = previous.map { $0["replaced_at"] as String } ?? current["created_at"]
        let versionBy: String = previous.map { $0["replaced_by"] as String } ?? current["user_id"]
        // Two edits within one clock tick still get their own rows, in order.
        var replacedAt = Timestamp.now()
        if let start = StoredValue.decodeTime(versionAt), replacedAt <= start {
            replacedAt =
                start.nanoseconds < 999_999_999
                ? Timestamp(seconds: start.seconds, nanoseconds: start.nanoseconds + 1) : Timestamp(seconds: start.seconds + 1)
        }
        let deletedAt: String? = current["deleted_at"]
        try db.execute(
            """
            INSERT INTO message_history (message_id, version_at, version_by, text, attachments, custom, is_deleted, replaced_at, replaced_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            messageID,
            versionAt,
            versionBy,
            current["text"] as String,
            current["attachments"] as String?,
            current["custom"] as String,
            deletedAt != nil,
            replacedAt.storageText,
            editor
        )
    }

    /// The history entries `query` selects, by `message_updated_at` (newest first unless told),
    /// a page at a time.
    public func messageHistory(_ query: MessageHistoryQuery, limit: Int, offset: Int) throws -> [MessageHistoryEntry] {
        try backend.read { db in
            var conditions: [String] = []
            var arguments: [SQLValue] = []
            if let ids = query.messageIDs {
                conditions.append("message_id IN (\(placeholders(ids.count)))")
                arguments += ids.map(SQLValue.text)
            }
            if let users = query.updatedBy {
                conditions.append("version_by IN (\(placeholders(users.count)))")
                arguments += users.map(SQLValue.text)
            }
            if let after = query.after {
                conditions.append("version_at \(after.inclusive ? ">=" : ">") ?")
                arguments.append(.text(after.time.storageText))
            }
            if let before = query.before {
                conditions.append("version_at \(before.inclusive ? "<=" : "<") ?")
                arguments.append(.text(before.time.storageText))
            }
            let direction = query.newestFirst ? "DESC" : "ASC"
            let sql =
                "SELECT * FROM message_history" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                + " ORDER BY version_at \(direction), message_id \(direction) LIMIT ? OFFSET ?"
            return try db.rows(sql, arguments + [limit.sqlValue, offset.sqlValue]).map { row in
                MessageHistoryEntry(
                    messageID: row["message_id"],
                    text: row["text"],
                    attachments: StoredValue.decodeJSON(row["attachments"]) ?? .array([]),
                    custom: StoredValue.decodeJSON(row["custom"])?.objectValue ?? JSONObject(),
                    isDeleted: row["is_deleted"],
                    updatedAt: StoredValue.decodeTime(row["version_at"]) ?? Timestamp(seconds: 0, nanoseconds: 0),
                    updatedBy: row["version_by"]
                )
            }
        }
    }
}
