/// What a store holds, as the migration report and the client's "Migration summary" show it.
/// A plain value so the terminal client can show it without knowing about SQL: the store
/// computes it (`ChatStore.migrationFigures`, SQL aggregates), the report and the client draw it.
/// Names and ids in it come from the data: untrusted text, sanitized by whoever shows them.
public struct MigrationFigures: Sendable, Hashable {
    /// Rows in the "busiest" and "unread per channel" lists.
    public static let topCount = 10

    /// A count under a label (a channel type, a reaction type, a push provider…).
    public struct Tally: Sendable, Hashable {
        public var label: String
        public var count: Int
        public init(_ label: String, _ count: Int) {
            self.label = label
            self.count = count
        }
    }

    /// One channel, user or thread with its count, for "largest" and "busiest" lists.
    public struct Ranked: Sendable, Hashable {
        public var id: String
        /// Its display name when it has one (a channel's or user's `name`).
        public var name: String?
        public var count: Int
        public init(id: String, name: String?, count: Int) {
            self.id = id
            self.name = name
            self.count = count
        }

        public var title: String { name.flatMap { $0.isEmpty ? nil : $0 } ?? id }
    }

    public struct Members: Sendable, Hashable {
        public var total = 0
        public var largest: Ranked?
        /// Median members per channel (channels without members count as 0).
        public var median: Double = 0
        public init() {}
    }

    /// Messages per week or per month, every period from the first message to the last (empty ones too).
    public struct Timeline: Sendable, Hashable {
        public enum Period: String, Sendable { case week, month }
        public struct Bucket: Sendable, Hashable {
            /// `2020-01` for a month, the Monday `2020-01-06` for a week.
            public var start: String
            public var count: Int
            public init(start: String, count: Int) {
                self.start = start
                self.count = count
            }
        }
        public var period: Period = .month
        public var buckets: [Bucket] = []
        /// The first and last message's day, `YYYY-MM-DD`.
        public var firstDay: String?
        public var lastDay: String?
        public init() {}
    }

    public struct Messages: Sendable, Hashable {
        public var total = 0
        public var deleted = 0
        public var pinned = 0
        public var system = 0
        public var edited = 0
        public var withAttachments = 0
        /// Stream's 2026 message fields: seen only by the users `restricted_visibility` names,
        /// and calling on everyone present (`mentioned_here`), the whole channel
        /// (`mentioned_channel`) or roles (`mentioned_roles`).
        public var restrictedVisibility = 0
        public var mentionedHere = 0
        public var mentionedChannel = 0
        public var mentionedRoles = 0
        public init() {}
    }

    public struct Threads: Sendable, Hashable {
        public var count = 0
        public var replies = 0
        /// The thread with the most replies: its parent message's id and reply count.
        public var deepest: Ranked?
        /// The channel of that thread.
        public var deepestChannel: String?
        public init() {}
    }

    public struct Attachments: Sendable, Hashable {
        public var total = 0
        public var byType: [Tally] = []
        /// Attachments with an asset, image or thumb URL that carries an expiry or signature (it will stop working).
        public var expiringURLs = 0
        /// Attachments with such a URL that is not https (Stream's import refuses them).
        public var nonHTTPSURLs = 0
        public init() {}
    }

    public struct ChannelUnread: Sendable, Hashable {
        public var cid: String
        public var name: String?
        /// Members for whom the channel has unread messages.
        public var members: Int
        /// Unread messages summed over those members.
        public var messages: Int
        public init(cid: String, name: String?, members: Int, messages: Int) {
            self.cid = cid
            self.name = name
            self.members = members
            self.messages = messages
        }
    }

    /// Unread state by Stream's rule (see `ChatStore.channels(for:)`), hidden channels left out.
    public struct Unread: Sendable, Hashable {
        /// Memberships with a read position (`last_read`).
        public var membersWithReadState = 0
        public var usersWithUnread = 0
        public var unreadMessages = 0
        /// Channels with unread messages, most unread first.
        public var channels: [ChannelUnread] = []
        public init() {}
    }

    public struct Bans: Sendable, Hashable {
        public var appWide = 0
        /// Bans in a channel: the store's bans plus the users in channels' imported `banned_users`.
        public var inChannels = 0
        public var futureChannelBans = 0
        public init() {}
        public var total: Int { appWide + inChannels + futureChannelBans }
    }

    public var totals = ItemCounts()
    public var channelsByType: [Tally] = []
    public var members = Members()
    public var messages = Messages()
    public var timeline = Timeline()
    public var busiestChannels: [Ranked] = []
    public var busiestUsers: [Ranked] = []
    public var threads = Threads()
    public var reactionsByType: [Tally] = []
    public var attachments = Attachments()
    public var unread = Unread()
    public var devicesByProvider: [Tally] = []
    public var bans = Bans()

    public init() {}
}
