import ChatModel

/// Where the client's data comes from: the local store for offline browsing (its queries
/// satisfy this protocol; the executable declares the conformance), or a server.
/// Calls block (with a server, for an HTTP round trip): the terminal runtime makes them on
/// its effect worker's threads, never on the input loop, and their answers come back to the
/// loop as `ChatEvent`s.
public protocol ChatBackend: AnyObject, Sendable {
    func channels(for userID: String) throws -> [ChannelSummary]
    func messages(cid: String, viewer: String, before: MessageCursor?, limit: Int) throws -> [MessageRow]
    func messages(cid: String, viewer: String, after: MessageCursor, limit: Int) throws -> [MessageRow]
    func replies(to parentID: String, viewer: String, limit: Int) throws -> [MessageRow]
    func message(id: String, viewer: String) throws -> MessageRow?
    func members(cid: String) throws -> [MemberRow]
    func reactions(messageID: String) throws -> [Reaction]
    func user(id: String) throws -> User?
    /// `/msg @pa` + Tab: up to `limit` users whose id or name starts with `prefix` (anyone when
    /// it is empty), ASCII case folded, by name.
    func users(matching prefix: String, limit: Int) throws -> [User]
    /// Up to `limit` messages across `userID`'s channels that call on them, newest first.
    func mentions(of userID: String, limit: Int) throws -> [MessageRow]
    /// The threads `userID` takes part in (started or replied to), `limit` of them from `next`
    /// (nil: the first page): unread ones first, then the latest reply (`query_threads`).
    func threadPage(of userID: String, limit: Int, next: String?) throws -> ThreadPage
    /// The threads `userID` takes part in that have replies they have not read.
    func unreadThreads(for userID: String) throws -> [UnreadThread]
    /// Up to `limit` of the messages pinned now in channel `cid` that `viewer` may see, newest pin first.
    func pinnedMessages(cid: String, viewer: String, limit: Int) throws -> [MessageRow]
    /// The team and livestream channels `userID` is not a member of, which they may join.
    func joinableChannels(for userID: String) throws -> [ChannelSummary]
    /// `/search`: up to `limit` messages in `userID`'s channels holding every word of `text`
    /// (whole words, as the server's search has them), newest first.
    func search(text: String, userID: String, limit: Int) throws -> [MessageRow]
    /// A find in channel `cid`: the id of the message shown there nearest `cursor` (older or
    /// newer) that holds every word of `text`; nil when there is none.
    func findMatch(text: String, cid: String, viewer: String, beyond cursor: MessageCursor, older: Bool) throws -> String?

    // The reader's own settings of a channel, which need no server to make sense: offline they
    // are written to the store, live they are the member's partial update and `mark_unread`.
    // Each answers false when the user is not a member (or, for `markUnread`, when the message
    // is not the channel's).
    func setPinned(_ pinned: Bool, cid: String, userID: String) throws -> Bool
    func setArchived(_ archived: Bool, cid: String, userID: String) throws -> Bool
    func markUnread(cid: String, userID: String, fromMessageID messageID: String) throws -> Bool
}
