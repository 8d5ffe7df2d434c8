import ChatModel

/// Future channel bans: a user banned from every channel a given user creates from then on
/// (`ban_user(..., ban_from_future_channels=True)`, or a file's `future_channel_ban` items).
/// Each channel that user creates starts with those bans in force.
extension ChatStore {
    /// Saves the ban, replacing the reason, shadow flag and time of one with the same creator
    /// and target.
    public func save(futureChannelBan ban: FutureChannelBan) throws {
        try backend.write { db in
            _ = try StoreImportSink(db: db, mode: .upsert, importTime: .now()).write(.futureChannelBan(ban))
        }
    }

    /// Lifts the future channel ban; false when there was none. The channel bans it already
    /// put in force stay.
    public func removeFutureChannelBan(createdBy: String, targetID: String) throws -> Bool {
        try backend.write { db in
            try db.execute("DELETE FROM future_channel_bans WHERE created_by = ? AND target_id = ?", createdBy, targetID) > 0
        }
    }

    /// The future channel bans of `createdBy` (everyone's when nil), on `targetID` when given,
    /// newest first.
    public func futureChannelBans(createdBy: String?, targetID: String?) throws -> [FutureChannelBan] {
        try backend.read { db in
            var conditions = ["1 = 1"]
            var arguments: [SQLValue] = []
            if let createdBy {
                conditions.append("created_by = ?")
                arguments.append(.text(createdBy))
            }
            if let targetID {
                conditions.append("target_id = ?")
                arguments.append(.text(targetID))
            }
            let sql = "SELECT * FROM future_channel_bans WHERE \(conditions.joined(separator: " AND ")) ORDER BY created_at DESC, target_id"
            return try db.rows(sql, arguments).map(StoredItems.futureChannelBan)
        }
    }

    /// Puts the future channel bans of the channel's creator in force in the channel, which
    /// was just created (in the same transaction).
    static func applyFutureChannelBans(to channel: Channel, at time: Timestamp, db: any SQLSession) throws {
        try db.execute(
            """
            INSERT INTO bans (target_id, cid, created_by, reason, shadow, expires, created_at)
            SELECT target_id, ?, created_by, reason, shadow, NULL, ? FROM future_channel_bans WHERE created_by = ?
            ON CONFLICT (target_id, cid) DO NOTHING
            """,
            channel.cid,
            time.storageText,
            channel.createdBy
        )
    }
}
