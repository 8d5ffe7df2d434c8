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
    /// The open channel's messages that arrived while its window was loading, or did not reach
    /// the newest (the reader back in history), the newest few: a newest page asked for
    /// meanwhile may have been read before they were stored, and they join it (a message sent
    /// from a search result, or one arriving as the channel opened, was lost so).
    public var arrivedMeanwhile: [MessageRow] = []
    public var members: [MemberRow] = []
    /// The member list beside the channel: a pane of the layout, which takes no keys.
    public var showMembers = false
    /// The focused pane and the modes over it: the one place that says which mode has the keys.
    public var modes = ModeStack()
    /// Who is typing where (a channel, or a thread of it) → user name → when the indicator expires.
    public var typing: [TypingPlace: [String: Timestamp]] = [:]
    /// An error, or a question waiting for an answer, in the status line.
    public var status: String?
    /// News that is not an error ("Theme: light"), drawn apart from `status`.
    public var notice: String?
    /// The `@` word of a `/msg @…` completion whose users are being looked up (`usersFound`).
    public var userLookup: String?
    /// When `status` or `notice` appeared: both go on the next action or after a few seconds.
    public var statusShownAt: Timestamp?
    public var connection: ConnectionState = .offline
    /// Connected at least once: a later `.connected` is a return after a drop.
    public var wasConnected = false
    /// The open channel's message being written; other channels' drafts wait in `drafts`.
    public var composer = Composer()
    public var drafts: [String: Composer] = [:]
    /// Whether Enter sends a new message, one quoting another, or saves an edit.
    public var draft = Draft.new
    /// What was being written when an edit began: it comes back when the edit is saved or dropped.
    public var draftBeforeEdit = ""
    /// When and where this client last said the reader is typing (the stop goes there, though
    /// the focus or the thread changed since), and when the user last typed.
    public var typingSentAt: Timestamp?
    public var typingSentIn: TypingPlace?
    public var lastKeystrokeAt: Timestamp?
    /// The time of the last clock tick: the reducer's only notion of now.
    public var now: Timestamp?
    /// Messages that already counted in the channel list: the same message can arrive twice
    /// (a send's answer and the socket's event, or again after a resync).
    public var counted = RecentIDs()
    /// The thread and details asked for: their answers come later, and only these are shown.
    public var awaited = AwaitedLoads()
    /// The sidebar's groups folded to their heading (archived ones until the reader looks),
    /// kept across restarts with the drafts.
    public var foldedGroups: Set<ChatReducer.SidebarGroup> = [.archived]
    /// The sidebar shows its archived channels (else one folded line says how many).
    public var showArchived: Bool {
        get { !foldedGroups.contains(.archived) }
        set { if newValue { foldedGroups.remove(.archived) } else { foldedGroups.insert(.archived) } }
    }
    /// The sidebar's first row as the wheel left it; nil: it follows the open channel.
    public var sidebarTop: Int?
    /// Who is online, by user id, as the server last said (`online`, `user.presence.changed`):
    /// the dots beside direct conversations. Empty browsing a store, which knows no presence.
    public var presence: [String: Bool] = [:]
    /// The open channel the reader marked unread from a message: it is not marked read again
    /// while it stays open, so leaving it keeps its badge (opening it again reads it).
    public var keptUnread: String?
    /// The users the reader blocks (the server's list): see `ChatReducer+Blocks`.
    public var blocked: Set<String> = []
    /// Which channels notify of what (`NotificationPolicy`): the config's levels and `/notify`.
    public var notifications = NotificationPolicy()
    /// The terminal has the focus (its focus reports say so; one that sends none always has it):
    /// the open channel's messages notify only while it does not.
    public var terminalFocused = true
    /// The messages the reader flagged in this session (the server answers a flag to its
    /// author alone, so the mark is theirs).
    public var flagged: Set<String> = []
    /// The reader's threads with unread replies (the sidebar's `Threads (N)`), kept live.
    public var threadUnread = ThreadUnread()
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

    /// The thread open beside the channel: it lives in the mode stack, with its focus, so that
    /// closing it (`thread = nil`) takes the focus and a selection in it along.
    public var thread: ThreadPane? {
        get { modes.thread }
        set { modes.thread = newValue }
    }

    /// The open thread's messages, root first (empty when none is open).
    public var threadRows: [MessageRow] { thread.map { [$0.root] + $0.replies } ?? [] }
}

/// A thread open beside the channel: its root and replies, and whether it has the focus.
public struct ThreadPane: Sendable, Equatable {
    public var root: MessageRow
    public var replies: [MessageRow]
    /// Keys, the composer and message commands act on the thread (Tab moves the focus). Held
    /// by the thread, so the focus goes when the thread does.
    public var hasFocus: Bool
    /// Lines the pane is scrolled up from its newest reply (the wheel); the view keeps it
    /// within the thread.
    public var scroll = 0

    public init(root: MessageRow, replies: [MessageRow], hasFocus: Bool = false) {
        self.root = root
        self.replies = replies
        self.hasFocus = hasFocus
    }
}

/// Where someone types: a channel, or the thread of `parentID` in it (Stream's typing events
/// carry the thread's `parent_id`).
public struct TypingPlace: Sendable, Hashable {
    public var cid: String
    public var parentID: String?
    public init(cid: String, parentID: String? = nil) {
        self.cid = cid
        self.parentID = parentID
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
