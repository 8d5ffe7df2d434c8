import ChatModel

/// The queries readers need: a user's channel list with unread and mention counts, pages of a
/// channel's messages, thread replies and members. Pages are bounded: nothing loads a channel whole.
extension ChatStore {
    /// Messages of channel `c` that count as unread for `user` (an SQL expression) after
    /// `mb.last_read` (see `ChannelSummary`). Shared with the report's unread figures. As in
    /// Stream, in a 1-on-1 channel what a user blocked by `user` sends counts only once unblocked.
    /// The block check runs per message only when some user blocks anyone at all (an
    /// uncorrelated test, run once a statement through the `users_blocking` index): it was a
    /// third of a channel query's time, counting ten members' unread messages. On SQLite every
    /// column this reads of `m` is in the index `messages_by_channel` (step v14s), so the count
    /// visits no table row: a column read here must join that index.
    /// `visibility: false` leaves out the per-message visibility test, for a channel where
    /// `mayHideUnread` proved it true for every member.
    static func unreadCondition(user: String, _ dialect: SQLDialect, visibility: Bool = true) -> String {
        """
        m.cid = c.cid AND mb.last_read IS NOT NULL AND m.created_at > mb.last_read AND m.user_id != \(user)
        AND \(countable)
        \(visibility ? "AND " + visibleCondition(viewer: user, dialect) : "")
        AND NOT (EXISTS (SELECT 1 FROM users blocker WHERE blocker.blocked_user_ids IS NOT NULL)
            AND EXISTS (SELECT 1 FROM users bu WHERE bu.id = \(user) AND bu.blocked_user_ids IS NOT NULL
                AND \(dialect.jsonArray("bu.blocked_user_ids", contains: "m.user_id")))
            AND (SELECT COUNT(*) FROM members bm WHERE bm.cid = m.cid) = 2)
        """
    }

    /// Message `m` is one `viewer` (an SQL expression) may see: `restricted_visibility` names
    /// who may, besides its author, a shadowed or pending message is its author's alone, and a viewer who
    /// deleted it for themselves no longer sees it. The empty viewer is a server call, which
    /// sees everything. The per-message look-up of `deleted_for_me` is skipped while that table
    /// is empty (an uncorrelated test, run once a statement). Each alternative starts with what
    /// most messages pass, so most stop at the first test: the read states' unread count runs
    /// this for every unread message of every member.
    static func visibleCondition(viewer: String, _ dialect: SQLDialect) -> String {
        """
        ((m.shadowed = 0 AND m.pending = 0) OR \(viewer) = '' OR m.user_id = \(viewer))
        AND ((m.restricted_visibility IS NULL OR \(viewer) = '' OR m.restricted_visibility IN ('[]', 'null') OR m.user_id = \(viewer)
            OR \(dialect.jsonArray("m.restricted_visibility", contains: viewer)))
        AND (NOT EXISTS (SELECT 1 FROM deleted_for_me)
            OR NOT EXISTS (SELECT 1 FROM deleted_for_me d WHERE d.message_id = m.id AND d.user_id = \(viewer))))
        """
    }

    /// The terms of `unreadCondition` that are the same for every member: a message shown in the
    /// channel (not a reply kept in its thread), not deleted, and not sent silent.
    static let countable =
        "(m.parent_id IS NULL OR m.show_in_channel = 1) AND m.type != 'deleted' AND m.deleted_at IS NULL AND m.silent = 0"

    /// The channels `userID` is a member of (hidden ones left out), newest activity first.
    public func channels(for userID: String) throws -> [ChannelSummary] { try channels(for: userID, asOf: nil) }

    /// `channels(for:)` with unread and mention counts that leave out messages created after
    /// `asOf`: the counts as they stood when that message arrived, whatever was sent since.
    public func channels(for userID: String, asOf: Timestamp?) throws -> [ChannelSummary] {
        try backend.read { db in
            let muted = Set(try Self.channelMutes(of: userID, now: .now(), db: db).map(\.cid))
            let unread = Self.unreadCondition(user: ":user", db.dialect) + (asOf == nil ? "" : " AND m.created_at <= :asOf")
            var arguments: [String: SQLValue] = ["user": .text(userID)]
            if let asOf { arguments["asOf"] = .text(asOf.storageText) }
            let rows = try db.rows(
                """
                SELECT c.*, mb.last_read AS member_last_read, mb.pinned_at AS member_pinned_at, mb.archived_at AS member_archived_at,
                    (SELECT COUNT(*) FROM members x WHERE x.cid = c.cid) AS member_count,
                    (SELECT COUNT(*) FROM messages m WHERE \(unread)) AS unread_count,
                    (SELECT COUNT(*) FROM messages m WHERE \(unread)
                        AND (m.mentioned_here = 1 OR m.mentioned_channel = 1
                            OR \(db.dialect.jsonArray("m.mentioned_user_ids", contains: ":user")))) AS mention_count,
                    (SELECT MAX(m.created_at) FROM messages m WHERE m.cid = c.cid) AS last_message_at
                FROM members mb JOIN channels c ON c.cid = mb.cid
                WHERE mb.user_id = :user AND mb.hide_channel = 0
                ORDER BY last_message_at DESC NULLS LAST, c.cid
                """,
                named: arguments
            )
            return try rows.map { row in
                let channel = StoredItems.channel(row)
                var names: [String] = []
                if let ids = channel.memberIDs {
                    // Notes to self have no other member, and are named after the one they have.
                    let named = ids.filter { $0 != userID }
                    let others = named.isEmpty ? ids : named
                    let users = try db.rows("SELECT * FROM users WHERE id IN (\(placeholders(others.count)))", others.map(SQLValue.text))
                        .map(StoredItems.user)
                    names = User.conversationNames(others.map { id in users.first { $0.id == id } ?? User(id: id) })
                }
                return ChannelSummary(
                    channel: channel,
                    memberCount: row["member_count"],
                    unreadCount: row["unread_count"],
                    mentionCount: row["mention_count"],
                    lastMessageAt: StoredValue.decodeTime(row["last_message_at"]),
                    lastRead: StoredValue.decodeTime(row["member_last_read"]),
                    muted: muted.contains(channel.cid),
                    otherMemberNames: names,
                    pinnedAt: StoredValue.decodeTime(row["member_pinned_at"]),
                    archivedAt: StoredValue.decodeTime(row["member_archived_at"])
                )
            }
        }
    }

    /// Where each member who has a read position stands in a channel: that position and the
    /// messages unread after it, counted as for the member's own channel list: in one pass over
    /// the channel's unread messages where no member-specific term applies (on SQLite), else in SQL.
    public func readStates(cid: String) throws -> [(userID: String, lastRead: Timestamp, unreadMessages: Int)] {
        try backend.read { db in
            let mayHide = try Self.mayHideUnread(cid: cid, db: db)
            // On PostgreSQL the per-member counts stay in SQL: the unread rows sent over cost more.
            if !mayHide, db.dialect == .sqlite, let states = try Self.readStatesInOnePass(cid: cid, db: db) { return states }
            let unread = Self.unreadCondition(user: "mb.user_id", db.dialect, visibility: mayHide)
            return try db.rows(
                """
                SELECT mb.user_id, mb.last_read, (SELECT COUNT(*) FROM messages m WHERE \(unread)) AS unread_count
                FROM members mb JOIN channels c ON c.cid = mb.cid
                WHERE mb.cid = ? AND mb.last_read IS NOT NULL
                ORDER BY mb.user_id
                """,
                cid
            ).compactMap { row in
                StoredValue.decodeTime(row["last_read"]).map { (userID: row["user_id"], lastRead: $0, unreadMessages: row["unread_count"]) }
            }
        }
    }

    /// Up to `limit` messages shown in the channel, just before `before` (or the newest), oldest first.
    public func messages(cid: String, viewer: String, before: MessageCursor? = nil, limit: Int) throws -> [MessageRow] {
        try messages(cid: cid, viewer: viewer, before: before, limit: limit, known: [:])
    }

    /// The same, with `known` users (read in the same transaction, as a channel state's members
    /// are) not read again for their messages' author names.
    public func messages(cid: String, viewer: String, before: MessageCursor?, limit: Int, known: [String: User]) throws -> [MessageRow] {
        try messages(in: .channel(cid), viewer: viewer, before: before, limit: limit, known: known)
    }

    /// Up to `limit` messages shown in the channel just after `after`, oldest first.
    public func messages(cid: String, viewer: String, after: MessageCursor, limit: Int) throws -> [MessageRow] {
        try messages(in: .channel(cid), viewer: viewer, after: after, limit: limit, known: [:])
    }

    /// The same, with `known` users not read again (as `messages(cid:viewer:before:limit:known:)`).
    public func messages(cid: String, viewer: String, after: MessageCursor, limit: Int, known: [String: User]) throws -> [MessageRow] {
        try messages(in: .channel(cid), viewer: viewer, after: after, limit: limit, known: known)
    }

    /// A thread: the root's replies, oldest first, up to `limit` (the newest ones when there are more).
    public func replies(to parentID: String, viewer: String, limit: Int) throws -> [MessageRow] {
        try messages(in: .thread(parentID: parentID), viewer: viewer, before: nil, limit: limit, known: [:])
    }

    /// Up to `limit` messages of `scope` just before `before` (or the newest), oldest first.
    public func messages(
        in scope: MessageScope,
        viewer: String,
        before: MessageCursor?,
        limit: Int,
        known: [String: User]
    ) throws
        -> [MessageRow]
    {
        try backend.read { db in
            var sql = "SELECT * FROM messages m WHERE \(scope.condition) AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))"
            var arguments: [String: SQLValue] = ["scope": .text(scope.id), "viewer": .text(viewer), "limit": limit.sqlValue]
            if let before {
                sql += " AND (m.created_at < :at OR (m.created_at = :at AND m.id < :id))"
                arguments["at"] = .text(before.createdAt.storageText)
                arguments["id"] = .text(before.id)
            }
            sql += " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit"
            return try rows(for: Array(db.rows(sql, named: arguments).reversed()), viewer: viewer, known: known, db: db)
        }
    }

    /// Up to `limit` messages of `scope` just after `after`, oldest first.
    public func messages(
        in scope: MessageScope,
        viewer: String,
        after: MessageCursor,
        limit: Int,
        known: [String: User]
    ) throws
        -> [MessageRow]
    {
        try backend.read { db in
            let page = try db.rows(
                """
                SELECT * FROM messages m WHERE \(scope.condition)
                    AND (m.created_at > :at OR (m.created_at = :at AND m.id > :id)) AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))
                ORDER BY m.created_at, m.id LIMIT :limit
                """,
                named: [
                    "scope": .text(scope.id), "at": .text(after.createdAt.storageText), "id": .text(after.id), "viewer": .text(viewer),
                    "limit": limit.sqlValue,
                ]
            )
            return try rows(for: page, viewer: viewer, known: known, db: db)
        }
    }

    /// One message with its reader's context, or nil (also when the reader may not see it).
    public func message(id: String, viewer: String) throws -> MessageRow? {
        try backend.read { db in
            guard
                let row = try db.rows(
                    "SELECT * FROM messages m WHERE m.id = :id AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))",
                    named: ["id": .text(id), "viewer": .text(viewer)]
                ).first
            else { return nil }
            return try rows(for: [row], viewer: viewer, db: db).first
        }
    }

    /// A channel's members with their users, by name.
    public func members(cid: String) throws -> [MemberRow] {
        try backend.read { db in
            let members = try db.rows("SELECT * FROM members WHERE cid = ?", cid).map(StoredItems.member)
            var users: [String: User] = [:]
            // By the channel, not a list of the members' ids: SQLite built a table of the bound ids first.
            for row in try db.rows("SELECT u.* FROM members mb JOIN users u ON u.id = mb.user_id WHERE mb.cid = ?", cid) {
                let user = StoredItems.user(row)
                users[user.id] = user
            }
            // Each name is folded once, not once a comparison.
            return members.map { member in
                let row = MemberRow(member: member, user: users[member.userID] ?? User(id: member.userID))
                return (key: row.user.displayName.lowercased(), row: row)
            }
            .sorted { $0.key < $1.key }.map(\.row)
        }
    }

    /// A channel's members' user ids, without their users (a send's audience needs no more).
    public func memberIDs(cid: String) throws -> [String] {
        try backend.read { db in try db.values("SELECT user_id FROM members WHERE cid = ? ORDER BY user_id", [.text(cid)]) }
    }

    public func user(id: String) throws -> User? {
        try backend.read { db in try db.row("SELECT * FROM users WHERE id = ?", id).map(StoredItems.user) }
    }

    /// Who reacted with what to a message, for the message details view.
    public func reactions(messageID: String) throws -> [Reaction] {
        try backend.read { db in
            try db.rows("SELECT * FROM reactions WHERE message_id = ? ORDER BY created_at", messageID).map(StoredItems.reaction)
        }
    }

    /// Adds authors, reply counts, reaction sums, quoted previews and polls to a page of stored
    /// messages (`SELECT *` rows), a query each (and a few per poll). Each row keeps its
    /// `shadowed` flag, which a server call's page shows without reading it again. Authors
    /// among the `known` users (read in the same transaction) are not read again.
    func rows(for stored: [SQLRow], viewer: String, known: [String: User] = [:], db: any SQLSession) throws -> [MessageRow] {
        guard !stored.isEmpty else { return [] }
        let messages = stored.map(StoredItems.message)
        let ids = messages.map(\.id)
        let idValues = ids.map(SQLValue.text)
        let marks = placeholders(ids.count)
        // Reaction sums and reply counts in one statement (a row without a type is a reply
        // count): a statement less a page, where most pages have neither.
        var replyCounts: [String: (kept: Int, deleted: Int)] = [:]
        var reactions: [String: [MessageRow.ReactionCount]] = [:]
        for row in try db.rows(
            """
            SELECT * FROM (
                SELECT message_id, type, COUNT(*) AS n, MAX(CASE WHEN user_id = ? THEN 1 ELSE 0 END) AS mine, MIN(created_at) AS first,
                    CAST(SUM(COALESCE(\(db.dialect.jsonInteger("custom", key: "score")), 1)) AS BIGINT) AS scores, MAX(created_at) AS last
                FROM reactions WHERE message_id IN (\(marks)) GROUP BY message_id, type
            ) AS sums
            UNION ALL SELECT parent_id, NULL, COUNT(*), SUM(CASE WHEN type = 'deleted' THEN 1 ELSE 0 END), NULL, NULL, NULL
                FROM messages WHERE parent_id IN (\(marks)) GROUP BY parent_id
            ORDER BY first, type
            """,
            [.text(viewer)] + idValues + idValues
        ) {
            guard let type: String = row["type"] else {
                // A reply count's row has its deleted replies where a reaction's has `mine`.
                let (all, deleted): (Int, Int) = (row["n"], row["mine"])
                replyCounts[row["message_id"]] = (all - deleted, deleted)
                continue
            }
            reactions[row["message_id"], default: []].append(
                MessageRow.ReactionCount(
                    type: type,
                    count: row["n"],
                    includesMine: row["mine"],
                    scores: row["scores"],
                    firstAt: StoredValue.decodeTime(row["first"]),
                    lastAt: StoredValue.decodeTime(row["last"])
                )
            )
        }
        let quotedIDs = Array(Set(messages.compactMap(\.quotedMessageID)))
        let quoted =
            quotedIDs.isEmpty
            ? []
            : try db.rows("SELECT * FROM messages WHERE id IN (\(placeholders(quotedIDs.count)))", quotedIDs.map(SQLValue.text))
                .map(StoredItems.message)
        var names: [String: String] = [:]
        var unknownAuthors: [SQLValue] = []
        for id in Set(messages.map(\.userID) + quoted.map(\.userID)) {
            if let user = known[id] { names[id] = user.displayName } else { unknownAuthors.append(.text(id)) }
        }
        if !unknownAuthors.isEmpty {
            for row in try db.rows("SELECT * FROM users WHERE id IN (\(placeholders(unknownAuthors.count)))", unknownAuthors) {
                let user = StoredItems.user(row)
                names[user.id] = user.displayName
            }
        }
        let polls = try Self.pollCards(of: messages, viewer: viewer, db)
        return zip(messages, stored).map { message, row in
            let preview = message.quotedMessageID.flatMap { id in quoted.first { $0.id == id } }.map {
                MessageRow.QuotedPreview($0, authorName: names[$0.userID] ?? $0.userID)
            }
            return MessageRow(
                message: message,
                authorName: names[message.userID] ?? message.userID,
                replyCount: replyCounts[message.id]?.kept ?? 0,
                deletedReplyCount: replyCounts[message.id]?.deleted ?? 0,
                reactions: reactions[message.id] ?? [],
                quoted: preview,
                poll: polls[message.id],
                shadowed: row["shadowed"] as Bool
            )
        }
    }
}

extension ChatStore {
    /// Messages per channel (cid → count), for reports and benchmarks.
    public func channelMessageCounts() throws -> [String: Int] {
        try backend.read { db in
            var counts: [String: Int] = [:]
            for row in try db.rows("SELECT cid, COUNT(*) AS n FROM messages GROUP BY cid") { counts[row["cid"]] = row["n"] }
            return counts
        }
    }
}

extension Schema {
    /// A channel's messages in page order, `id` breaking ties, so a page reads the index
    /// backwards instead of sorting; on SQLite the index also holds every column the read
    /// states' unread count reads (`ChatStore.unreadCondition`), which counts from it without
    /// visiting a row. PostgreSQL gets the order only: it caps an index entry at about 2.7 kB,
    /// which a long `restricted_visibility` list would pass.
    static let messagesByChannelInPageOrder = Step(
        name: "v14l: messages by channel in page order",
        sql: """
            DROP INDEX messages_by_channel;
            CREATE INDEX messages_by_channel ON messages(
                cid, created_at, id, user_id, type, deleted_at, parent_id, show_in_channel, shadowed, pending, restricted_visibility
            );
            """,
        postgres: ["DROP INDEX messages_by_channel", "CREATE INDEX messages_by_channel ON messages(cid, created_at, id)"]
    )
}

/// The messages a page reads: a channel's timeline (replies only when shown in the channel too),
/// or one thread's replies.
public enum MessageScope: Sendable, Hashable {
    case channel(String)
    case thread(parentID: String)

    /// The channel's cid, or the thread's parent id.
    public var id: String {
        switch self {
        case .channel(let cid): cid
        case .thread(let parentID): parentID
        }
    }

    /// The SQL that keeps the scope's messages (`m`), with `:scope` bound to `id`.
    var condition: String {
        switch self {
        case .channel: "m.cid = :scope AND (m.parent_id IS NULL OR m.show_in_channel = 1)"
        case .thread: "m.parent_id = :scope"
        }
    }
}
