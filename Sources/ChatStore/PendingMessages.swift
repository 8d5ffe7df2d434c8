import ChatModel
import Foundation

/// Pending messages (Stream's `pending: true` send): stored, seen by their author and server
/// calls only (`visibleCondition`), until a commit makes them ordinary messages.
extension ChatStore {
    /// What a commit found.
    public enum PendingCommit: Sendable, Equatable {
        case committed
        case notPending
        case notFound
    }

    /// The metadata a pending message was sent with; nil when the message is not pending.
    public func pendingMetadata(messageID: String) throws -> [String: String]? {
        try backend.read { db in
            guard let row = try db.row("SELECT pending_message_metadata FROM messages WHERE id = ? AND pending = 1", messageID) else {
                return nil
            }
            return try Self.pendingMetadata(row["pending_message_metadata"] ?? "{}")
        }
    }

    /// `userID`'s pending messages in channel `cid` with their metadata: the newest `limit`,
    /// oldest first (Stream's `pending_messages` of a channel state).
    public func pendingMessages(cid: String, userID: String, limit: Int) throws -> [(row: MessageRow, metadata: [String: String])] {
        try backend.read { db in
            let stored = try db.rows(
                """
                SELECT * FROM (SELECT * FROM messages WHERE cid = ? AND user_id = ? AND pending = 1
                    ORDER BY created_at DESC, id DESC LIMIT ?) AS page
                ORDER BY created_at, id
                """,
                cid,
                userID,
                limit
            )
            let metadata = try stored.map { row in try Self.pendingMetadata(row["pending_message_metadata"] ?? "{}") }
            let rows = try self.rows(for: stored, viewer: userID, db: db)
            return Array(zip(rows, metadata)).map { (row: $0.0, metadata: $0.1) }
        }
    }

    /// Makes a pending message an ordinary one, which brings its channel back for members who
    /// hid it and starts the read positions of those without one, as a send does (unless it is
    /// shadowed: `arrived`). Only the first commit finds it pending.
    public func commitPending(messageID: String) throws -> PendingCommit {
        try backend.write { db in
            guard let row = try db.row("SELECT cid, created_at, pending, shadowed FROM messages WHERE id = ?", messageID) else {
                return .notFound
            }
            guard row["pending"] as Bool else { return .notPending }
            try db.execute("UPDATE messages SET pending = 0, pending_message_metadata = NULL WHERE id = ?", messageID)
            if !(row["shadowed"] as Bool) {
                try Self.arrived(messageID: messageID, cid: row["cid"], at: StoredValue.decodeTime(row["created_at"]) ?? .now(), db: db)
            }
            return .committed
        }
    }

    /// Removes a pending message for good, with what only its author could have added to it
    /// (reactions, their own reminder); false when it is not pending. Nobody else ever saw
    /// it, so nothing of it is kept, as in Stream, where a pending message is only hard deleted.
    public func deletePending(messageID: String) throws -> Bool {
        try backend.write { db in
            guard try db.row("SELECT 1 FROM messages WHERE id = ? AND pending = 1", messageID) != nil else { return false }
            return try Self.remove(messageID: messageID, db: db)
        }
    }

    static func pendingMetadata(_ text: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    /// The metadata as stored: a JSON object, keys sorted.
    static func pendingText(_ metadata: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(metadata), as: UTF8.self)
    }
}

extension Schema {
    /// Pending messages: seen by their author only until committed; the metadata the send
    /// attached, a JSON object of strings, is returned to the author.
    static let pendingMessages = Step(
        name: "v14i: pending messages",
        sql: """
            ALTER TABLE messages ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE messages ADD COLUMN pending_message_metadata TEXT;
            """
    )
}
