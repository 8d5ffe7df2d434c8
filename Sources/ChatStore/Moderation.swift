import ChatModel

/// A ban of a user, app-wide (`cid` nil) or in one channel.
public struct Ban: Sendable, Hashable {
    public var targetID: String
    public var cid: String?
    public var createdBy: String?
    public var reason: String?
    public var shadow: Bool
    public var expires: Timestamp?
    public var createdAt: Timestamp

    public init(
        targetID: String,
        cid: String?,
        createdBy: String?,
        reason: String?,
        shadow: Bool,
        expires: Timestamp?,
        createdAt: Timestamp
    ) {
        self.targetID = targetID
        self.cid = cid
        self.createdBy = createdBy
        self.reason = reason
        self.shadow = shadow
        self.expires = expires
        self.createdAt = createdAt
    }
}

/// Bans and mutes, for the server's moderation routes and its checks on sending.
extension ChatStore {
    public func save(ban: Ban) throws {
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO bans (target_id, cid, created_by, reason, shadow, expires, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(target_id, cid) DO UPDATE SET created_by = excluded.created_by, reason = excluded.reason,
                    shadow = excluded.shadow, expires = excluded.expires, created_at = excluded.created_at
                """,
                ban.targetID,
                ban.cid ?? "",
                ban.createdBy,
                ban.reason,
                ban.shadow,
                ban.expires?.storageText,
                ban.createdAt.storageText
            )
        }
    }

    /// Lifts a ban; false when there was none.
    public func removeBan(targetID: String, cid: String?) throws -> Bool {
        try backend.write { db in
            try db.execute("DELETE FROM bans WHERE target_id = ? AND cid = ?", targetID, cid ?? "") > 0
        }
    }

    /// Bans in force at `now`, app-wide ones and those of `cid` (all channels when nil).
    public func bans(cid: String?, targetID: String? = nil, now: Timestamp) throws -> [Ban] {
        try backend.read { db in
            var sql = "SELECT * FROM bans WHERE (expires IS NULL OR expires > ?)"
            var arguments: [SQLValue] = [.text(now.storageText)]
            if let cid {
                sql += " AND cid IN ('', ?)"
                arguments.append(.text(cid))
            }
            if let targetID {
                sql += " AND target_id = ?"
                arguments.append(.text(targetID))
            }
            return try db.rows(sql + " ORDER BY created_at DESC", arguments).map { row in
                let cid: String = row["cid"]
                return Ban(
                    targetID: row["target_id"],
                    cid: cid.isEmpty ? nil : cid,
                    createdBy: row["created_by"],
                    reason: row["reason"],
                    shadow: row["shadow"],
                    expires: StoredValue.decodeTime(row["expires"]),
                    createdAt: StoredValue.decodeTime(row["created_at"]) ?? now
                )
            }
        }
    }

    /// The ban that binds `userID` in `channel` now (an app-wide one or the channel's, a full
    /// ban before a shadow ban), counting the channel's imported `banned_users`; nil when none.
    public func ban(of userID: String, in channel: Channel, now: Timestamp) throws -> Ban? {
        if channel.bannedUsers?.contains(userID) == true {
            return Ban(targetID: userID, cid: channel.cid, createdBy: nil, reason: nil, shadow: false, expires: nil, createdAt: now)
        }
        let bans = try bans(cid: channel.cid, targetID: userID, now: now)
        return bans.first { !$0.shadow } ?? bans.first
    }

    /// Whether a stored message was sent under a shadow ban.
    public func isShadowed(messageID: String) throws -> Bool {
        try backend.read { db in try db.value("SELECT shadowed FROM messages WHERE id = ?", messageID) ?? false }
    }

    public func mute(userID: String, targetID: String, expires: Timestamp?, at time: Timestamp) throws {
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO mutes (user_id, target_id, expires, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(user_id, target_id) DO UPDATE SET expires = excluded.expires, created_at = excluded.created_at
                """,
                userID,
                targetID,
                expires?.storageText,
                time.storageText
            )
        }
    }

    public func unmute(userID: String, targetID: String) throws {
        try backend.write { db in try db.execute("DELETE FROM mutes WHERE user_id = ? AND target_id = ?", userID, targetID) }
    }

    /// Adds or removes `cid` in the user's `channel_mutes` (the list an import fills and the
    /// client's channel list reads), a mute ending at `expires` when given; false when there is
    /// no such user.
    public func setChannelMuted(userID: String, cid: String, muted: Bool, expires: Timestamp? = nil) throws -> Bool {
        try backend.write { db in
            // FOR UPDATE: two servers changing the same user's list must not lose one change.
            let lock = db.dialect == .postgres ? " FOR UPDATE" : ""
            guard let row = try db.row("SELECT channel_mutes FROM users WHERE id = ?" + lock, userID) else { return false }
            var cids = StoredValue.decodeJSON(row["channel_mutes"])?.arrayValue?.compactMap(\.stringValue) ?? []
            cids.removeAll { $0 == cid }
            if muted { cids.append(cid) }
            try db.execute("UPDATE users SET channel_mutes = ? WHERE id = ?", StoredValue.json(cids), userID)
            try db.execute("DELETE FROM channel_mute_expiry WHERE user_id = ? AND cid = ?", userID, cid)
            if muted, let expires {
                try db.execute("INSERT INTO channel_mute_expiry (user_id, cid, expires) VALUES (?, ?, ?)", userID, cid, expires.storageText)
            }
            return true
        }
    }

    /// The channels `userID` has muted as of `now` (a mute whose expiration has passed is over),
    /// each with its expiration if it has one.
    public func channelMutes(of userID: String, now: Timestamp = .now()) throws -> [(cid: String, expires: Timestamp?)] {
        try backend.read { db in try Self.channelMutes(of: userID, now: now, db: db) }
    }

    static func channelMutes(of userID: String, now: Timestamp, db: any SQLSession) throws -> [(cid: String, expires: Timestamp?)] {
        let list: String? = try db.value("SELECT channel_mutes FROM users WHERE id = ?", userID)
        var expiry: [String: Timestamp] = [:]
        for row in try db.rows("SELECT cid, expires FROM channel_mute_expiry WHERE user_id = ?", userID) {
            expiry[row["cid"]] = StoredValue.decodeTime(row["expires"])
        }
        let cids = StoredValue.decodeJSON(list)?.arrayValue?.compactMap(\.stringValue) ?? []
        return cids.filter { expiry[$0].map { $0 > now } ?? true }.map { ($0, expiry[$0]) }
    }

    /// Who `userID` has muted (targets), mutes in force at `now`.
    public func mutedUsers(of userID: String, now: Timestamp) throws -> [String] {
        try backend.read { db in
            try db.values(
                "SELECT target_id FROM mutes WHERE user_id = ? AND (expires IS NULL OR expires > ?) ORDER BY created_at",
                [.text(userID), .text(now.storageText)]
            )
        }
    }
}
