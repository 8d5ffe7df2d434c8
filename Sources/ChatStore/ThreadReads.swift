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
