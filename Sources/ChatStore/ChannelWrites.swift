import ChatModel

/// Channels, members and messages written one request at a time, for the server. Writes go
/// through the import sink (insert mode), so the server and imports store items alike.
extension ChatStore {
    /// Creates the channel unless it exists, then adds the members it lacks, in one transaction;
    /// a new member's read position is the time they join, as in Stream, so what is sent after
    /// counts as unread. A new channel starts with its creator's future channel bans in force.
    /// Returns the channel as stored and whether this call created it.
    public func getOrCreate(channel: Channel, memberIDs: [String]) throws -> (Channel, created: Bool) {
        try backend.write { db in
            let now = Timestamp.now()
            let sink = StoreImportSink(db: db, mode: .insert, importTime: now)
            var stamped = channel
            stamped.createdAt = stamped.createdAt ?? now
            let created = try sink.write(.channel(stamped)) == .written
            if created { try Self.applyFutureChannelBans(to: stamped, at: now, db: db) }
            for id in memberIDs {
                var member = Member(channelType: channel.type, channelID: channel.id, userID: id)
                member.createdAt = now
                member.lastRead = now
                _ = try sink.write(.member(member))
            }
            let row = try db.row("SELECT * FROM channels WHERE cid = ?", channel.cid)
            return (row.map(StoredItems.channel) ?? stamped, created)
        }
    }

    public func channel(cid: String) throws -> Channel? {
        try backend.read { db in try db.row("SELECT * FROM channels WHERE cid = ?", cid).map(StoredItems.channel) }
    }

    public func isMember(cid: String, userID: String) throws -> Bool {
        try backend.read { db in try db.row("SELECT 1 FROM members WHERE cid = ? AND user_id = ?", cid, userID) != nil }
    }

    /// Stores a new message and brings the channel back for members who hid it, as Stream
    /// does; false when its id is taken (nothing is written then). Committed before this
    /// returns, with the other sends that arrived meanwhile (`MessageGroupCommit`): an
    /// acknowledged message survives a crash. A `shadowed` message (its author is
    /// shadow-banned) is seen by its author and server calls only, and brings back no hidden
    /// channel; so is a pending one (with `pendingMetadata`) until `commitPending(messageID:)`.
    public func insert(message: Message, shadowed: Bool = false, pendingMetadata: [String: String]? = nil) async throws -> Bool {
        try await sends.insert(message, shadowed: shadowed, pendingMetadata: pendingMetadata)
    }

    /// `insert(message:shadowed:pendingMetadata:)`'s writes, inside the transaction the caller holds.
    static func insert(_ message: Message, shadowed: Bool, pendingMetadata: [String: String]?, db: any SQLSession) throws -> Bool {
        guard try StoreImportSink(db: db, mode: .insert, importTime: .now()).write(.message(message)) == .written else { return false }
        if let pendingMetadata {
            try db.execute(
                "UPDATE messages SET pending = 1, pending_message_metadata = ? WHERE id = ?",
                try pendingText(pendingMetadata),
                message.id
            )
        }
        if shadowed {
            try db.execute("UPDATE messages SET shadowed = 1 WHERE id = ?", message.id)
        }
        // Not a column of the import's rows (no import item is silent): set apart, as `shadowed` is.
        if message.silent {
            try db.execute("UPDATE messages SET silent = 1 WHERE id = ?", message.id)
        }
        if shadowed || pendingMetadata != nil { return true }
        try arrived(messageID: message.id, cid: message.cid, at: message.createdAt ?? .now(), db: db)
        return true
    }

    /// What a new message others see does to its channel's members, in one statement: it brings
    /// the channel back for those who hid it, as Stream does, and gives a read position to those
    /// without one. A member an import gave no `last_read` has read all the import held
    /// (Stream: "all imported messages will be marked as read"), so their position becomes the
    /// newest message before this one (sent `at`; just before it in a channel that had none),
    /// and this one is their first unread. An invitee who has not accepted keeps none: they count
    /// nothing until they do.
    static func arrived(messageID: String, cid: String, at time: Timestamp, db: any SQLSession) throws {
        let justBefore =
            time.nanoseconds > 0
            ? Timestamp(seconds: time.seconds, nanoseconds: time.nanoseconds - 1)
            : Timestamp(seconds: time.seconds - 1, nanoseconds: 999_999_999)
        try db.execute(
            """
            UPDATE members SET hide_channel = 0,
                last_read = CASE WHEN last_read IS NULL AND (invited = 0 OR invite_accepted_at IS NOT NULL)
                    THEN COALESCE((SELECT MAX(m.created_at) FROM messages m WHERE m.cid = members.cid AND m.id != ?), ?)
                    ELSE last_read END
            WHERE cid = ? AND (hide_channel = 1 OR (last_read IS NULL AND (invited = 0 OR invite_accepted_at IS NOT NULL)))
            """,
            messageID,
            justBefore.storageText,
            cid
        )
    }
}
