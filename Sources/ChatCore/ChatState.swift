import ChatModel

/// Everything the client shows, as a value: the view is a function of it.
public struct ChatState: Sendable, Equatable {
    public var userID: String
    public var userName: String
    public var channels: [ChannelSummary] = []
    public var openCID: String?
    /// The channel open before the current one (Alt-S goes back to it).
    public var previousCID: String?
    public var window: MessageWindow?
    public var thread: ThreadPane?
    public var members: [MemberRow] = []
    public var showMembers = false
    public var showHelp = false
    /// The first help line shown, when the help is taller than the screen.
    public var helpScroll = 0
    public var focus: Focus = .messages
    /// The message under the cursor in message-select mode (nil: not selecting).
    public var selectedMessageID: String?
    public var switcher: Switcher?
    public var details: MessageDetails?
    /// Who is typing where: cid → user name → when the indicator expires.
    public var typing: [String: [String: Timestamp]] = [:]
    /// An error, or a question waiting for an answer, in the status line.
    public var status: String?
    /// News that is not an error ("Theme: light"), drawn apart from `status`.
    public var notice: String?
    /// When `status` or `notice` appeared: both go on the next action or after a few seconds.
    public var statusShownAt: Timestamp?
    public var connection: ConnectionState = .offline
    /// Connected at least once: a later `.connected` is a return after a drop.
    public var wasConnected = false
    /// The open channel's message being written; other channels' drafts wait in `drafts`.
    public var composer = Composer()
    public var drafts: [String: Composer] = [:]
    /// Tab completion in progress: where the `@` is, what was typed, the candidates and the one shown.
    public var mentionCompletion: MentionCompletion?
    /// When this client last said it is typing, and when the user last typed.
    public var typingSentAt: Timestamp?
    public var lastKeystrokeAt: Timestamp?
    /// The time of the last clock tick: the reducer's only notion of now.
    public var now: Timestamp?
    /// Messages that already counted in the channel list: the same message can arrive twice
    /// (a send's answer and the socket's event, or again after a resync).
    public var counted = RecentIDs()
    /// The message whose text the composer is editing (`e`); Enter saves instead of sending.
    public var editingID: String?
    /// The message the next one sent quotes (`q`).
    public var quotingID: String?
    /// The message waiting for a yes to be deleted (`d`).
    public var pendingDeleteID: String?
    /// The reaction picker (`a`) over a message.
    public var reactionPicker: ReactionPicker?
    /// `/search` results being looked through.
    public var search: SearchResults?
    /// The "Migration summary" screen (F3, `/report`), when open.
    public var summary: SummaryScreen?
    /// The thread and details asked for: their answers come later, and only these are shown.
    public var awaited = AwaitedLoads()
    /// `/quit` asks the runtime to stop.
    public var quitRequested = false

    /// Talking needs a server; a local store is for reading.
    public var isLive: Bool { connection != .offline }

    /// The state with the clock left out: what decides whether a tick changed the screen.
    public var withoutClock: ChatState {
        var s = self
        s.now = nil
        return s
    }

    public init(userID: String, userName: String) {
        self.userID = userID
        self.userName = userName
    }

    public var openChannel: ChannelSummary? { channels.first { $0.channel.cid == openCID } }

    /// The thread pane is open and has the focus: selection and message commands act on it.
    public var threadHasFocus: Bool { focus == .thread && thread != nil }

    /// The open thread's messages, root first (empty when none is open).
    public var threadRows: [MessageRow] { thread.map { [$0.root] + $0.replies } ?? [] }
}

public enum Focus: Sendable, Equatable {
    case messages, thread
}

/// A thread open beside the channel: its root and replies.
public struct ThreadPane: Sendable, Equatable {
    public var root: MessageRow
    public var replies: [MessageRow]

    public init(root: MessageRow, replies: [MessageRow]) {
        self.root = root
        self.replies = replies
    }
}

/// The reactions `a` offers, filtered by what is typed; Enter toggles one's own.
public struct ReactionPicker: Sendable, Equatable {
    public static let types = [
        "like", "love", "haha", "wow", "sad", "angry", "fire", "tada", "rocket", "eyes", "clap", "pray", "100", "check", "thumbsdown",
    ]
    public var messageID: String
    public var query = ""
    public var selected = 0

    public init(messageID: String) { self.messageID = messageID }

    public var matches: [String] {
        let q = query.lowercased()
        return q.isEmpty ? Self.types : Self.types.filter { $0.contains(q) }
    }
}

public struct SearchResults: Sendable, Equatable {
    public var query: String
    public var rows: [MessageRow]
    public var selected = 0

    public init(query: String, rows: [MessageRow]) {
        self.query = query
        self.rows = rows
    }
}

/// The last `capacity` ids seen, for "have I counted this already?".
public struct RecentIDs: Sendable, Equatable {
    public static let capacity = 1000
    private var order: [String] = []
    private var members: Set<String> = []

    public init() {}

    /// Adds `id`; false when it was already there.
    public mutating func insert(_ id: String) -> Bool {
        guard members.insert(id).inserted else { return false }
        order.append(id)
        if order.count > Self.capacity { members.remove(order.removeFirst()) }
        return true
    }
}

public struct MentionCompletion: Sendable, Equatable {
    public var start: Int
    public var query: String
    public var candidates: [String]
    public var index: Int
}

/// The Ctrl-K channel switcher: a query and the channels it matches, best first.
public struct Switcher: Sendable, Equatable {
    public var query = ""
    public var selected = 0
    public init() {}
}

/// The details view of one message (`v` in message-select mode).
public struct MessageDetails: Sendable, Equatable {
    public var row: MessageRow
    public var reactions: [Reaction]

    public init(row: MessageRow, reactions: [Reaction]) {
        self.row = row
        self.reactions = reactions
    }
}
