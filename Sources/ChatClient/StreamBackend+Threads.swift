import ChatCore
import ChatModel

/// The reader's threads: Stream's `query_threads` (`POST /threads`) for the list, `/unread`'s
/// `threads` for how many replies of each are unread (a thread's own `read` is not asked for:
/// `/unread` answers for every thread at once), and `mark_read` with `thread_id`.
extension StreamBackend {
    public func threadPage(of userID: String, limit: Int, next: String?) throws -> ThreadPage {
        var body: JSONObject = ["limit": .int(limit), "reply_limit": 1, "participant_limit": 0]
        if let next { body["next"] = .string(next) }
        let query = body
        return try runBlocking {
            async let threads = self.rest.post("threads", query)
            let unread = Dictionary(try await self.unreadThreads(of: userID).map { ($0.parentMessageID, $0.unreadCount) }) { a, _ in a }
            let answer = try await threads
            let rows = answer.objects("threads").compactMap { Self.threadRow($0, viewer: userID, unread: unread) }
            return ThreadPage(rows: rows, next: answer["next"]?.stringValue)
        }
    }

    public func unreadThreads(for userID: String) throws -> [UnreadThread] {
        try runBlocking { try await self.unreadThreads(of: userID) }
    }

    /// `/unread`'s threads: those with replies `userID` has not read.
    func unreadThreads(of userID: String) async throws -> [UnreadThread] {
        try await rest.get("unread", query: ["user_id": userID]).objects("threads").compactMap { thread in
            guard let parent = thread["parent_message_id"]?.stringValue else { return nil }
            return UnreadThread(
                parentMessageID: parent,
                unreadCount: thread["unread_count"]?.intValue ?? 0,
                lastRead: thread["last_read"]?.stringValue.flatMap(Timestamp.init(rfc3339:)),
                lastReadMessageID: thread["last_read_message_id"]?.stringValue
            )
        }
    }

    /// One thread of a `query_threads` answer: its parent, reply count and newest reply's author and time.
    static func threadRow(_ thread: JSONObject, viewer: String, unread: [String: Int]) -> ThreadListRow? {
        guard let parent = thread["parent_message"]?.objectValue.flatMap({ StreamItems.messageRow($0, viewer: viewer) }) else { return nil }
        let last = thread.objects("latest_replies").last.flatMap { StreamItems.messageRow($0, viewer: viewer) }
        return ThreadListRow(
            parent: parent,
            replyCount: thread["reply_count"]?.intValue ?? parent.replyCount,
            lastReplyAuthor: last?.authorName,
            lastReplyAt: thread["last_message_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) ?? last?.message.createdAt,
            unreadCount: unread[parent.id] ?? 0
        )
    }
}
