/// A channel as a sidebar shows it to one user: the channel, and that user's view of it.
/// Unread and mention counts follow Stream: messages after the member's `lastRead`, from
/// others, shown in the channel (thread replies only with `show_in_channel`), not deleted.
/// A member with no `lastRead` has read everything.
public struct ChannelSummary: Sendable, Hashable {
    public var channel: Channel
    public var memberCount: Int
    public var unreadCount: Int
    public var mentionCount: Int
    public var lastMessageAt: Timestamp?
    public var lastRead: Timestamp?
    /// The user muted this channel (their `channel_mutes`).
    public var muted: Bool
    /// Display names of the other members, for direct messages (for notes to self, a
    /// conversation of one, the name of that one).
    public var otherMemberNames: [String]
    /// When the user pinned the channel (their member settings): pinned channels lead the sidebar.
    public var pinnedAt: Timestamp?
    /// When the user archived it: archived channels wait, folded, at the sidebar's end.
    public var archivedAt: Timestamp?

    public init(
        channel: Channel,
        memberCount: Int = 0,
        unreadCount: Int = 0,
        mentionCount: Int = 0,
        lastMessageAt: Timestamp? = nil,
        lastRead: Timestamp? = nil,
        muted: Bool = false,
        otherMemberNames: [String] = [],
        pinnedAt: Timestamp? = nil,
        archivedAt: Timestamp? = nil
    ) {
        self.channel = channel
        self.memberCount = memberCount
        self.unreadCount = unreadCount
        self.mentionCount = mentionCount
        self.lastMessageAt = lastMessageAt
        self.lastRead = lastRead
        self.muted = muted
        self.otherMemberNames = otherMemberNames
        self.pinnedAt = pinnedAt
        self.archivedAt = archivedAt
    }

    /// A one-to-one or small group conversation without a name of its own.
    public var isDirect: Bool { channel.memberIDs != nil }

    /// What goes before its title wherever it is named: `@` for a direct conversation, else `#`.
    public var sigil: String { isDirect ? "@" : "#" }

    /// What to call the channel: its `name`, the other members for a direct message, or its id.
    /// A channel's name may start with the "#" the views put before it (Slack-style names,
    /// `chatterm generate`'s), which is dropped so that "#general" does not show as "##general".
    public var title: String {
        if var name = channel.custom["name"]?.stringValue {
            if !isDirect, name.hasPrefix("#") { name.removeFirst() }
            if !name.isEmpty { return name }
        }
        if isDirect, !otherMemberNames.isEmpty { return otherMemberNames.joined(separator: ", ") }
        return channel.id
    }
}
