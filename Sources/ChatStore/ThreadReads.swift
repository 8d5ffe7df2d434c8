import ChatModel

/// A thread as `query_threads` shows it: its parent, how many replies and who took part (the
/// parent's author first, then each replier by their first reply), its newest replies.
public struct ThreadSummary: Sendable {
    public let parent: MessageRow
    public let replyCount: Int
    public let participants: [(userID: String, since: Timestamp)]
    public let lastReplyAt: Timestamp?
    public let latestReplies: [MessageRow]
}

extension ChatStore {
    /// The threads (parents with at least one reply) in `userID`'s channels that the user takes
    /// part in, as Stream counts participants (`unreadThreads`' rule); only `parentIDs` when
    /// given. Replies and parents are those the user may see.
    public func threads(of userID: String, parentIDs: [String]? = nil, replyLimit: Int) throws -> [ThreadSummary] {
        if parentIDs?.isEmpty == true { return [] }
        let ids: [String] = try backend.read { db in
            var arguments: [String: SQLValue] = ["user": .text(userID)]
            for (i, id) in (parentIDs ?? []).enumerated() { arguments["p\(i)"] = .text(id) }
            let only = parentIDs.map { " AND p.id IN (\($0.indices.map { ":p\($0)" }.joined(separator: ", ")))" } ?? ""
            return try db.rows("SELECT p.id AS id \(Self.threadsTakenPart)\(only) ORDER BY p.id", named: arguments).map { $0["id"] }
        }
        return try ids.compactMap { id in
            guard let parent = try message(id: id, viewer: userID) else { return nil }
            let replies = try replies(to: id, viewer: userID, limit: Int.max / 2)
            let counted = replies.filter { $0.message.type != .deleted }
            var participants: [(userID: String, since: Timestamp)] = [(parent.message.userID, parent.message.createdAt ?? .now())]
            for reply in replies where !participants.contains(where: { $0.userID == reply.message.userID }) {
                participants.append((reply.message.userID, reply.message.createdAt ?? .now()))
            }
            return ThreadSummary(
                parent: parent,
                replyCount: counted.count,
                participants: participants,
                lastReplyAt: replies.last?.message.createdAt,
                latestReplies: Array(replies.suffix(replyLimit))
            )
        }
    }
}

extension ChatStore {
    /// `FROM … WHERE …` of the threads (parents with at least one reply) in `:user`'s channels
    /// that the user takes part in, as Stream counts participants: the parent or a reply is theirs.
    static let threadsTakenPart = """
        FROM members mb JOIN messages p ON p.cid = mb.cid AND p.parent_id IS NULL
        WHERE mb.user_id = :user AND EXISTS (SELECT 1 FROM messages r WHERE r.parent_id = p.id)
            AND (p.user_id = :user OR EXISTS (SELECT 1 FROM messages own WHERE own.parent_id = p.id AND own.user_id = :user))
        """

    /// The threads `userID` takes part in and whose parent they may see (as `threads(of:)` has
    /// them), by parent id, each with the time of its newest reply the user may see: enough to
    /// order them, and to page them, before any is read whole.
    func threadActivity(of userID: String) throws -> [(parentID: String, lastReplyAt: Timestamp?)] {
        try backend.read { db in
            try db.rows(
                """
                SELECT p.id AS id, (SELECT MAX(m.created_at) FROM messages m
                    WHERE m.parent_id = p.id AND \(Self.visibleCondition(viewer: ":user", db.dialect))) AS last_reply
                \(Self.threadsTakenPart)
                    AND EXISTS (SELECT 1 FROM messages m WHERE m.id = p.id AND \(Self.visibleCondition(viewer: ":user", db.dialect)))
                """,
                named: ["user": .text(userID)]
            ).map { row in (row["id"], StoredValue.decodeTime(row["last_reply"])) }
        }
    }

    /// The parent ids of `threads(of:)` in `query_threads`' order without a sort: those in
    /// `unread` first, then the newest reply first (a thread with no reply the user may see
    /// last), then by id. Ordered from the replies' times alone, so a page's threads can be read
    /// whole without the others.
    public func threadIDsInListOrder(of userID: String, unread: Set<String>) throws -> [String] {
        try threadActivity(of: userID).sorted { a, b in
            let (aUnread, bUnread) = (unread.contains(a.parentID), unread.contains(b.parentID))
            if aUnread != bUnread { return aUnread }
            if a.lastReplyAt != b.lastReplyAt { return (a.lastReplyAt ?? Timestamp(seconds: 0)) > (b.lastReplyAt ?? Timestamp(seconds: 0)) }
            return a.parentID < b.parentID
        }.map(\.parentID)
    }

    /// The client's threads list browsing a store: `threads(of:)` with their unread replies
    /// (`unreadThreads`), in `threadIDsInListOrder`, `limit` of them from `next` (an offset, as
    /// the server's cursor).
    public func threadPage(of userID: String, limit: Int, next: String?) throws -> ThreadPage {
        let unread = Dictionary(try unreadThreads(for: userID).map { ($0.parentMessageID, $0.unreadCount) }) { a, _ in a }
        let ordered = try threadIDsInListOrder(of: userID, unread: Set(unread.keys))
        let offset = max(0, next.flatMap { Int($0) } ?? 0)
        let page = Array(ordered.dropFirst(offset).prefix(limit))
        let threads = Dictionary(
            try threads(of: userID, parentIDs: page, replyLimit: 1).map { ($0.parent.id, $0) }
        ) { a, _ in a }
        let rows = page.compactMap { id in
            threads[id].map { thread in
                ThreadListRow(
                    parent: thread.parent,
                    replyCount: thread.replyCount,
                    lastReplyAuthor: thread.latestReplies.last?.authorName,
                    lastReplyAt: thread.lastReplyAt,
                    unreadCount: unread[id] ?? 0
                )
            }
        }
        return ThreadPage(rows: rows, next: ordered.count > offset + limit ? String(offset + limit) : nil)
    }
}
