/// A thread the reader takes part in, as the client's threads list shows it: its parent, how
/// many replies, who wrote the newest and when, and how many the reader has not read.
public struct ThreadListRow: Sendable, Hashable {
    public var parent: MessageRow
    public var replyCount: Int
    public var lastReplyAuthor: String?
    public var lastReplyAt: Timestamp?
    public var unreadCount: Int

    public init(parent: MessageRow, replyCount: Int, lastReplyAuthor: String?, lastReplyAt: Timestamp?, unreadCount: Int) {
        self.parent = parent
        self.replyCount = replyCount
        self.lastReplyAuthor = lastReplyAuthor
        self.lastReplyAt = lastReplyAt
        self.unreadCount = unreadCount
    }

    public var parentID: String { parent.id }
}

/// One page of the reader's threads, threads with unread replies first, then the latest reply
/// first (Stream's `query_threads` order), and the cursor of the next page when there is one.
public struct ThreadPage: Sendable, Hashable {
    public var rows: [ThreadListRow]
    public var next: String?

    public init(rows: [ThreadListRow], next: String?) {
        self.rows = rows
        self.next = next
    }
}
