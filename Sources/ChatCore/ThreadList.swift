import ChatModel

/// `/threads` (Alt-T): the threads the reader takes part in, with unread replies first, then
/// the latest reply; Enter opens one beside its channel. It holds the pages loaded so far and
/// the cursor of the next, asked for as the choice nears the last row.
public struct ThreadList: Sendable, Equatable {
    /// Threads asked for at a time.
    public static let pageSize = 25

    public var rows: [ThreadListRow]
    public var selected = 0
    /// The next page's cursor (nil: every thread is loaded).
    public var next: String?
    /// The next page is asked for and not yet here.
    public var loadingMore = false

    public init(rows: [ThreadListRow], next: String?) {
        self.rows = rows
        self.next = next
    }
}

/// The reader's threads with replies they have not read, by parent id, and the threads known
/// to be theirs: what the sidebar's `Threads (N)` counts, kept live between loads.
public struct ThreadUnread: Sendable, Equatable {
    /// Unread replies by parent id; a thread read has none here.
    public var counts: [String: Int] = [:]
    /// Threads the reader takes part in, as far as the client has seen (loads, their own replies).
    public var takingPart: Set<String> = []
    /// Threads not known as the reader's that had a reply from someone else since the counts
    /// were last asked for: the backend's next counts say whether they are theirs.
    var asked: Set<String> = []
    /// Threads the backend's counts left out just after a reply in them: not the reader's, so a
    /// reply there asks nothing more (until the reader replies in one).
    var notTheirs: Set<String> = []

    public init() {}

    /// How many threads have unread replies (Stream's `unread_threads`).
    public var threads: Int { counts.values.filter { $0 > 0 }.count }

    public func unread(_ parentID: String) -> Int { counts[parentID] ?? 0 }

    /// The backend's counts replace the ones kept: they are the server's (or the store's) word.
    mutating func replace(with unread: [UnreadThread]) {
        counts = [:]
        for thread in unread where thread.unreadCount > 0 { counts[thread.parentMessageID] = thread.unreadCount }
        let listed = Set(unread.map(\.parentMessageID))
        takingPart.formUnion(listed)
        notTheirs.formUnion(asked.subtracting(listed))
        asked = []
    }

    /// The reader replied in the thread: it is theirs from now on.
    mutating func joined(_ parentID: String) {
        takingPart.insert(parentID)
        notTheirs.remove(parentID)
    }
}
