import ChatModel

/// A user's reminder about a message: at `remindAt`, or with none a bookmark ("save for later").
public struct StoredReminder: Sendable, Equatable {
    public var userID: String
    public var messageID: String
    public var cid: String
    public var remindAt: Timestamp?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(userID: String, messageID: String, cid: String, remindAt: Timestamp?, createdAt: Timestamp, updatedAt: Timestamp) {
        self.userID = userID
        self.messageID = messageID
        self.cid = cid
        self.remindAt = remindAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension ChatStore {
    /// Adds a reminder unless the user has one for that message, or `limit` already: the
    /// reminder stored, else why not.
    public func add(reminder: StoredReminder, limit: Int) throws -> Result<StoredReminder, ReminderRefusal> {
        try backend.write { db in
            if try db.row("SELECT 1 FROM reminders WHERE user_id = ? AND message_id = ?", reminder.userID, reminder.messageID) != nil {
                return .failure(.exists)
            }
            let count: Int = try db.row("SELECT COUNT(*) AS n FROM reminders WHERE user_id = ?", reminder.userID)?["n"] ?? 0
            guard count < limit else { return .failure(.tooMany) }
            try db.execute(
                "INSERT INTO reminders (user_id, message_id, cid, remind_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                reminder.userID,
                reminder.messageID,
                reminder.cid,
                reminder.remindAt?.storageText,
                reminder.createdAt.storageText,
                reminder.updatedAt.storageText
            )
            return .success(reminder)
        }
    }

    /// Sets when the user's reminder about the message fires (nil: a bookmark); nil when there is none.
    public func updateReminder(userID: String, messageID: String, remindAt: Timestamp?, at now: Timestamp) throws -> StoredReminder? {
        try backend.write { db in
            let changed = try db.execute(
                "UPDATE reminders SET remind_at = ?, updated_at = ? WHERE user_id = ? AND message_id = ?",
                remindAt?.storageText,
                now.storageText,
                userID,
                messageID
            )
            guard changed > 0 else { return nil }
            return try db.row("SELECT * FROM reminders WHERE user_id = ? AND message_id = ?", userID, messageID).map(Self.reminder)
        }
    }

    /// Removes the user's reminder about the message: the one removed, or nil.
    public func deleteReminder(userID: String, messageID: String) throws -> StoredReminder? {
        try backend.write { db in
            let found = try db.row("SELECT * FROM reminders WHERE user_id = ? AND message_id = ?", userID, messageID).map(Self.reminder)
            if found != nil { try db.execute("DELETE FROM reminders WHERE user_id = ? AND message_id = ?", userID, messageID) }
            return found
        }
    }

    /// Every reminder of the user, soonest first (bookmarks last).
    public func reminders(userID: String) throws -> [StoredReminder] {
        try backend.read { db in
            try db.rows(
                "SELECT * FROM reminders WHERE user_id = ? ORDER BY remind_at IS NULL, remind_at, message_id",
                userID
            ).map(Self.reminder)
        }
    }

    private static func reminder(_ row: SQLRow) -> StoredReminder {
        let created = StoredValue.decodeTime(row["created_at"]) ?? .now()
        return StoredReminder(
            userID: row["user_id"],
            messageID: row["message_id"],
            cid: row["cid"],
            remindAt: StoredValue.decodeTime(row["remind_at"]),
            createdAt: created,
            updatedAt: StoredValue.decodeTime(row["updated_at"]) ?? created
        )
    }
}

/// Why a reminder was not added.
public enum ReminderRefusal: Error, Sendable {
    case exists, tooMany
}

extension Schema {
    /// Message reminders: one per user and message; no `remind_at` is a bookmark (save for later).
    static let reminders = Step(
        name: "v14d: message reminders",
        sql: """
            CREATE TABLE reminders (
                user_id TEXT NOT NULL,
                message_id TEXT NOT NULL,
                cid TEXT NOT NULL,
                remind_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (user_id, message_id)
            );
            """
    )
}
