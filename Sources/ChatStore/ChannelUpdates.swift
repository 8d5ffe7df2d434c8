import ChatModel

/// Channel changes after creation, and the channel query, for the server.
extension ChatStore {
    /// Replaces a channel's custom data and its standard flags (frozen, disabled, team) when given,
    /// and makes now its `updated_at`. An import file's channels keep none (they read as created),
    /// so importing a file twice leaves the same store.
    public func update(channel: Channel) throws {
        try backend.write { db in
            let now = Timestamp.now()
            _ = try StoreImportSink(db: db, mode: .upsert, importTime: now).write(.channel(channel))
            try db.execute("UPDATE channels SET updated_at = ? WHERE cid = ?", now.storageText, channel.cid)
        }
    }

    /// Adds members (with a channel role; existing members get the role), in one transaction.
    /// A new member has read the channel up to the time they join (Stream's rule): what is
    /// sent after counts as unread. `custom` replaces the custom data of the members it names.
    public func addMembers(cid: String, _ members: [(userID: String, role: String?)], custom: [String: JSONObject] = [:]) throws {
        try backend.write { db in
            let now = Timestamp.now().storageText
            for m in members {
                try db.execute(
                    """
                    INSERT INTO members (cid, user_id, channel_role, last_read, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(cid, user_id) DO UPDATE SET channel_role = COALESCE(?, members.channel_role)
                    """,
                    cid,
                    m.userID,
                    m.role ?? "channel_member",
                    now,
                    now,
                    m.role
                )
                if let fields = custom[m.userID] {
                    try db.execute(
                        "UPDATE members SET custom = ? WHERE cid = ? AND user_id = ?",
                        StoredValue.json(.object(fields)),
                        cid,
                        m.userID
                    )
                }
            }
        }
    }

    /// Invites users: each joins as a member with `invited` and no read position, so a pending
    /// invite raises no unread count. Existing members stay as they are. Returns who was invited.
    public func invite(cid: String, userIDs: [String]) throws -> [String] {
        try backend.write { db in
            let now = Timestamp.now().storageText
            return try userIDs.filter { id in
                try db.execute(
                    "INSERT INTO members (cid, user_id, invited, created_at) VALUES (?, ?, 1, ?) ON CONFLICT(cid, user_id) DO NOTHING",
                    cid,
                    id,
                    now
                ) > 0
            }
        }
    }

    /// Records an invitee's answer (an accepted member reads from now on); false when the user
    /// has no invite to the channel. An invite already answered stays as it was.
    public func answerInvite(cid: String, userID: String, accept: Bool, at time: Timestamp) throws -> Bool {
        try backend.write { db in
            guard try db.row("SELECT 1 FROM members WHERE cid = ? AND user_id = ? AND invited = 1", cid, userID) != nil else {
                return false
            }
            try db.execute(
                """
                UPDATE members SET \(accept ? "invite_accepted_at = ?, last_read = ?" : "invite_rejected_at = ?, last_read = last_read")
                WHERE cid = ? AND user_id = ? AND invite_accepted_at IS NULL AND invite_rejected_at IS NULL
                """,
                [.text(time.storageText)] + (accept ? [.text(time.storageText)] : []) + [.text(cid), .text(userID)]
            )
            return true
        }
    }

    public func removeMembers(cid: String, userIDs: [String]) throws {
        try backend.write { db in
            for id in userIDs { try db.execute("DELETE FROM members WHERE cid = ? AND user_id = ?", cid, id) }
        }
    }

    /// Hides or shows a channel in one member's list; false when the user is not a member.
    public func setHidden(cid: String, userID: String, hidden: Bool) throws -> Bool {
        try backend.write { db in
            try db.execute("UPDATE members SET hide_channel = ? WHERE cid = ? AND user_id = ?", hidden, cid, userID) > 0
        }
    }

    /// Removes the channel's messages (and their reactions) created at or before `time`, and
    /// records the truncation; returns how many messages went.
    public func truncate(cid: String, at time: Timestamp) throws -> Int {
        try backend.write { db in
            let before = time.storageText
            for table in ["reactions", "deleted_for_me"] {
                try db.execute(
                    "DELETE FROM \(table) WHERE message_id IN (SELECT id FROM messages WHERE cid = ? AND created_at <= ?)",
                    cid,
                    before
                )
            }
            let removed = try db.execute("DELETE FROM messages WHERE cid = ? AND created_at <= ?", cid, before)
            try db.execute("UPDATE channels SET truncated_at = ? WHERE cid = ?", before, cid)
            return removed
        }
    }

    /// Removes the channel with everything in it: members, messages, reactions, drafts and channel bans.
    public func deleteChannel(cid: String) throws {
        try backend.write { db in
            for table in ["reactions", "deleted_for_me"] {
                try db.execute("DELETE FROM \(table) WHERE message_id IN (SELECT id FROM messages WHERE cid = ?)", cid)
            }
            for table in ["messages", "members", "bans", "drafts", "channels"] {
                try db.execute("DELETE FROM \(table) WHERE cid = ?", cid)
            }
        }
    }

    /// The member's channel role, or nil when not a member.
    public func channelRole(cid: String, userID: String) throws -> String? {
        try backend.read { db in try db.value("SELECT channel_role FROM members WHERE cid = ? AND user_id = ?", cid, userID) }
    }

    /// When the channel's latest message shown in it was made (nil before its first): a reply
    /// kept in its thread does not count, as stream-chat-js moves the time only for the others.
    public func lastMessageAt(cid: String) throws -> Timestamp? {
        try backend.read { db in
            StoredValue.decodeTime(
                try db.value("SELECT MAX(created_at) FROM messages WHERE cid = ? AND (parent_id IS NULL OR show_in_channel = 1)", cid)
            )
        }
    }

    /// Channels matching the filter: cids (none of `excludedCIDs`), ids, types, and (when given)
    /// those `memberOf` belongs to, or those `notMemberOf` does not belong to; with `hidden`, only those that user has hidden (true) or not
    /// (false); in `order`, newest first unless `ascending`, then by cid.
    public func queryChannels(
        cids: [String]?,
        excludedCIDs: [String] = [],
        ids: [String]? = nil,
        types: [String]?,
        memberOf: [String]?,
        notMemberOf: String? = nil,
        frozen: Bool?,
        hidden: (userID: String, hidden: Bool)? = nil,
        order: ChannelOrder,
        ascending: Bool = false,
        limit: Int,
        offset: Int
    ) throws -> [Channel] {
        // An empty list matches nothing (and `IN ()` is SQLite's alone: PostgreSQL refuses it).
        if [cids, ids, types, memberOf].contains(where: { $0?.isEmpty == true }) { return [] }
        return try backend.read { db in
            var conditions: [String] = []
            var arguments: [SQLValue] = []
            func list(_ column: String, _ values: [String]) {
                conditions.append("\(column) IN (\(placeholders(values.count)))")
                arguments += values.map(SQLValue.text)
            }
            if let cids { list("c.cid", cids) }
            if !excludedCIDs.isEmpty {
                conditions.append("c.cid NOT IN (\(placeholders(excludedCIDs.count)))")
                arguments += excludedCIDs.map(SQLValue.text)
            }
            if let ids { list("c.id", ids) }
            if let types { list("c.type", types) }
            if let memberOf {
                conditions.append("EXISTS (SELECT 1 FROM members m WHERE m.cid = c.cid AND m.user_id IN (\(placeholders(memberOf.count))))")
                arguments += memberOf.map(SQLValue.text)
            }
            if let notMemberOf {
                conditions.append("NOT EXISTS (SELECT 1 FROM members n WHERE n.cid = c.cid AND n.user_id = ?)")
                arguments.append(.text(notMemberOf))
            }
            if let frozen {
                conditions.append("c.frozen = ?")
                arguments.append(frozen.sqlValue)
            }
            if let hidden {
                conditions.append(
                    "\(hidden.hidden ? "" : "NOT ")EXISTS (SELECT 1 FROM members h WHERE h.cid = c.cid AND h.user_id = ? AND h.hide_channel = 1)"
                )
                arguments.append(.text(hidden.userID))
            }
            // The latest message shown in the channel, as `lastMessageAt(cid:)` (and Stream's
            // `last_message_at`): a reply kept in its thread does not count.
            let lastMessage = """
                COALESCE((SELECT MAX(m.created_at) FROM messages m
                    WHERE m.cid = c.cid AND (m.parent_id IS NULL OR m.show_in_channel = 1)), c.created_at)
                """
            let updated = "COALESCE(c.updated_at, c.created_at)"
            let key =
                switch order {
                case .lastMessage: lastMessage
                case .lastUpdated: db.dialect.greatest(lastMessage, updated)
                case .created: "c.created_at"
                case .updated: updated
                }
            let sql =
                "SELECT c.* FROM channels c" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                + " ORDER BY \(key) \(ascending ? "ASC" : "DESC"), c.cid LIMIT ? OFFSET ?"
            arguments += [limit.sqlValue, offset.sqlValue]
            return try db.rows(sql, arguments).map(StoredItems.channel)
        }
    }
}

/// What `ChatStore.queryChannels` orders by.
public enum ChannelOrder: Sendable {
    /// The latest message's time (a reply kept in its thread left out), or the channel's
    /// creation before its first message.
    case lastMessage
    /// The later of `lastMessage` and `updated`: Stream's `last_updated`, as stream-chat-js's
    /// channel paginator reckons it (the latest of `last_message_at` and `updated_at`).
    case lastUpdated
    case created
    /// The channel's last update (`ChatStore.update(channel:)`), or its creation.
    case updated
}
