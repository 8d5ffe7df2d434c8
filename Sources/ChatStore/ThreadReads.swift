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
        let ids: [String] = try backend.read { db in
            let only = parentIDs.map { " AND p.id IN (\(placeholders($0.count)))" } ?? ""
            return try db.values(
                """
                SELECT p.id FROM members mb JOIN messages p ON p.cid = mb.cid AND p.parent_id IS NULL
                WHERE mb.user_id = ? AND EXISTS (SELECT 1 FROM messages r WHERE r.parent_id = p.id)
                    AND (p.user_id = ? OR EXISTS (SELECT 1 FROM messages own WHERE own.parent_id = p.id AND own.user_id = ?))\(only)
                ORDER BY p.id
                """,
                Array(repeating: SQLValue.text(userID), count: 3) + (parentIDs ?? []).map(SQLValue.text)
            )
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
    /// The client's threads list browsing a store: `threads(of:)` with their unread replies
    /// (`unreadThreads`), ordered as `query_threads` orders them without a sort (unread first,
    /// then the latest reply), `limit` of them from `next` (an offset, as the server's cursor).
    public func threadPage(of userID: String, limit: Int, next: String?) throws -> ThreadPage {
        let unread = Dictionary(try unreadThreads(for: userID).map { ($0.parentMessageID, $0.unreadCount) }) { a, _ in a }
        let rows = try threads(of: userID, replyLimit: 1).map { thread in
            ThreadListRow(
                parent: thread.parent,
                replyCount: thread.replyCount,
                lastReplyAuthor: thread.latestReplies.last?.authorName,
                lastReplyAt: thread.lastReplyAt,
                unreadCount: unread[thread.parent.id] ?? 0
            )
        }
        let ordered = rows.sorted { a, b in
            if (a.unreadCount > 0) != (b.unreadCount > 0) { return a.unreadCount > 0 }
            if a.lastReplyAt != b.lastReplyAt { return (a.lastReplyAt ?? Timestamp(seconds: 0)) > (b.lastReplyAt ?? Timestamp(seconds: 0)) }
            return a.parentID < b.parentID
        }
        let offset = max(0, next.flatMap { Int($0) } ?? 0)
        let more = ordered.count > offset + limit
        return ThreadPage(rows: Array(ordered.dropFirst(offset).prefix(limit)), next: more ? String(offset + limit) : nil)
    }
}
