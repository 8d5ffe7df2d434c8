/// A message with what a reader needs beside it: its author, its thread size, its reactions
/// summed per type (and which are the reader's own), a preview of the message it quotes, and
/// the poll it carries.
public struct MessageRow: Sendable, Hashable, Identifiable {
    public struct ReactionCount: Sendable, Hashable {
        public var type: String
        public var count: Int
        public var includesMine: Bool
        /// The reactions' scores summed (a reaction scores 1 unless it says otherwise).
        public var scores: Int
        /// When the first and the latest reaction of the type were made.
        public var firstAt: Timestamp?
        public var lastAt: Timestamp?
        public init(type: String, count: Int, includesMine: Bool, scores: Int? = nil, firstAt: Timestamp? = nil, lastAt: Timestamp? = nil) {
            self.type = type
            self.count = count
            self.includesMine = includesMine
            self.scores = scores ?? count
            self.firstAt = firstAt
            self.lastAt = lastAt
        }
    }

    public struct QuotedPreview: Sendable, Hashable {
        public var messageID: String
        public var authorName: String
        public var text: String
        public var deleted: Bool
        public init(messageID: String, authorName: String, text: String, deleted: Bool) {
            self.messageID = messageID
            self.authorName = authorName
            self.text = text
            self.deleted = deleted
        }

        /// The quote of `message`: its text, or what it carries when it has none, so a quoted
        /// file, /giphy or poll is not an empty line.
        public init(_ message: Message, authorName: String) {
            let text = message.text.flatMap { $0.isEmpty ? nil : $0 } ?? message.carried
            self.init(messageID: message.id, authorName: authorName, text: text, deleted: message.type == .deleted)
        }
    }

    public var message: Message
    public var authorName: String
    /// Replies in its thread, not counting deleted ones (Stream's `reply_count`).
    public var replyCount: Int
    /// Its thread's soft-deleted replies (Stream's `deleted_reply_count`).
    public var deletedReplyCount: Int
    public var reactions: [ReactionCount]
    public var quoted: QuotedPreview?
    public var poll: PollCard?
    /// Whether the message was sent under a shadow ban (only its author and server calls see
    /// it), when the read that made the row saw the flag; nil when it did not (rows from the API).
    public var shadowed: Bool?

    public init(
        message: Message,
        authorName: String,
        replyCount: Int = 0,
        deletedReplyCount: Int = 0,
        reactions: [ReactionCount] = [],
        quoted: QuotedPreview? = nil,
        poll: PollCard? = nil,
        shadowed: Bool? = nil
    ) {
        self.message = message
        self.authorName = authorName
        self.replyCount = replyCount
        self.deletedReplyCount = deletedReplyCount
        self.reactions = reactions
        self.quoted = quoted
        self.poll = poll
        self.shadowed = shadowed
    }

    public var id: String { message.id }
}

/// A position in a channel's timeline: messages sort by creation time, then id.
public struct MessageCursor: Sendable, Hashable, Comparable {
    public var createdAt: Timestamp
    public var id: String
    public init(createdAt: Timestamp, id: String) {
        self.createdAt = createdAt
        self.id = id
    }
    public static func < (a: MessageCursor, b: MessageCursor) -> Bool { (a.createdAt, a.id) < (b.createdAt, b.id) }
}

/// A channel member with the user behind it.
public struct MemberRow: Sendable, Hashable {
    public var member: Member
    public var user: User
    public init(member: Member, user: User) {
        self.member = member
        self.user = user
    }
}
