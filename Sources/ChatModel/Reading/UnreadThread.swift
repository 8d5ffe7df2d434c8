/// A thread with replies its participant has not read, as `unread_counts` lists it.
public struct UnreadThread: Sendable, Equatable {
    public let parentMessageID: String
    public let unreadCount: Int
    /// The read position the count starts from: the later of the channel's `last_read` and the
    /// thread's own (`markThreadRead`).
    public let lastRead: Timestamp?
    /// The newest reply at or before `lastRead`, if any.
    public let lastReadMessageID: String?

    public init(parentMessageID: String, unreadCount: Int, lastRead: Timestamp? = nil, lastReadMessageID: String? = nil) {
        self.parentMessageID = parentMessageID
        self.unreadCount = unreadCount
        self.lastRead = lastRead
        self.lastReadMessageID = lastReadMessageID
    }
}
