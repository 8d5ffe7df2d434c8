import ChatModel

/// The pane the reader is in: the channel's messages, or the thread open beside them. The focus
/// is on the thread only while `ThreadPane.hasFocus`, so it cannot be on a thread that is not open.
public enum Focus: Sendable, Equatable {
    case messages, thread
}

/// One mode over the panes, with the state only it has. The top one takes the keys.
public enum Mode: Sendable, Equatable {
    /// Message-select mode (`↑`): the message under the cursor, in the pane it was chosen in.
    /// Each pane has its own messages to select, so the pane is part of the mode; the stack
    /// takes a selection in the thread only while a thread is open.
    case select(pane: Focus, messageID: String)
    /// `d` asked "delete this message?": `y` deletes it, any other key keeps it.
    case confirmDelete(messageID: String)
    /// `/leave` asked "leave this channel?": `y` leaves it, any other key stays.
    case confirmLeave(cid: String)
    /// `f` or `/flag` asked "flag this for the moderators?": `y` flags, any other key does not.
    case confirmFlag(FlagTarget, reason: String?)
    /// Tab after `@…`, `#…`, `:…` or `/…`: the candidates, and the one in the composer. It
    /// ends on the first key that is not Tab, which then does what it does in the composer.
    case completion(Completion)
    case reactionPicker(ReactionPicker)
    /// `v` on a message with a poll: its options; Enter votes for one (or takes the vote back).
    case pollPicker(PollPicker)
    case switcher(Switcher)
    case search(SearchResults)
    /// `/threads`, Alt-T: the reader's threads; Enter opens one beside its channel.
    case threads(ThreadList)
    /// `o` on a selected message: its links, to open or copy.
    case links(LinkList)
    /// `/join`: the channels the reader may join.
    case joinPicker(JoinPicker)
    /// A line typed over the status line: a find's words, or a /command browsing a store.
    case prompt(LinePrompt)
    /// A find in the open channel after its words were entered: `n`/`N` move between matches.
    case find(ChannelFind)
    case details(MessageDetails)
    case summary(SummaryScreen)
    /// The help, scrolled down by `scroll` lines.
    case help(scroll: Int)

    /// A selection made in the thread pane: it lives only as long as its thread.
    var isInThread: Bool { if case .select(.thread, _) = self { true } else { false } }
}

/// The client's modes as one value (as matterhorn's `NonemptyStack Mode`): a base, the panes
/// with the thread open beside the channel and the focus, and the overlays opened over it,
/// newest on top. Only the top one answers keys and Esc; the view draws them bottom to top.
/// Which mode wins is the order of this stack, and nothing else.
///
/// The focus on the thread and a selection in it cannot outlive the thread: the focus is the
/// thread's own (`ThreadPane.hasFocus`), the stack does not take a thread selection while no
/// thread is open, and closing the thread (or opening another) closes the selection in it
/// with the modes over that.
public struct ModeStack: Sendable, Equatable {
    /// The thread open beside the channel, if any.
    public var thread: ThreadPane? {
        didSet {
            if oldValue?.root.id != thread?.root.id { popThrough(where: \.isInThread) }
        }
    }
    public private(set) var overlays: [Mode] = []

    public init(thread: ThreadPane? = nil, overlays: [Mode] = []) {
        self.thread = thread
        self.overlays = overlays.filter { thread != nil || !$0.isInThread }
    }

    /// The pane with the focus: the thread's, while it has it.
    public var focus: Focus { thread?.hasFocus == true ? .thread : .messages }

    /// The mode that takes the keys; nil: the base (the focused pane and its composer).
    public var top: Mode? { overlays.last }

    /// Opens `mode` on top (a selection in the thread only while a thread is open).
    public mutating func push(_ mode: Mode) {
        guard thread != nil || !mode.isInThread else { return }
        overlays.append(mode)
    }

    /// Closes the top mode (nothing happens at the base).
    public mutating func pop() { _ = overlays.popLast() }

    /// Replaces the top mode with `mode`: the same mode with its state changed.
    public mutating func replaceTop(with mode: Mode) {
        guard !overlays.isEmpty else { return push(mode) }
        guard thread != nil || !mode.isInThread else { return }
        overlays[overlays.count - 1] = mode
    }

    /// Back to the base: a channel switch or a selection made elsewhere closes everything.
    public mutating func popAll() { overlays.removeAll() }

    /// Closes the modes from the first one `matches` accepts, counted from the bottom, to the top.
    public mutating func popThrough(where matches: (Mode) -> Bool) {
        if let i = overlays.firstIndex(where: matches) { overlays.removeSubrange(i...) }
    }

    /// The selected message, when message-select mode is open (under other overlays or not).
    public var selection: (pane: Focus, messageID: String)? {
        for case .select(let pane, let id) in overlays.reversed() { return (pane, id) }
        return nil
    }

    /// The message selected in `pane`, if any: what that pane highlights.
    public func selectedMessageID(in pane: Focus) -> String? {
        selection.flatMap { $0.pane == pane ? $0.messageID : nil }
    }

    /// The find the channel highlights: after its words were entered, or while they are typed.
    public var find: ChannelFind? {
        switch top {
        case .find(let find): find
        case .prompt(let prompt) where prompt.purpose == .find: ChannelFind(query: prompt.text)
        default: nil
        }
    }

    /// The summary screen, wherever it is in the stack (its figures arrive late).
    public var summary: SummaryScreen? {
        for case .summary(let screen) in overlays { return screen }
        return nil
    }

    /// Gives the summary screen its figures, wherever it is in the stack.
    public mutating func updateSummary(_ change: (inout SummaryScreen) -> Void) {
        for (i, mode) in overlays.enumerated() {
            if case .summary(var screen) = mode {
                change(&screen)
                overlays[i] = .summary(screen)
            }
        }
    }
}

/// What Enter does with the composer's text. Editing and quoting are the composer's state, not
/// overlays: they take no keys of their own (the composer keeps all of its), and one excludes
/// the other.
public enum Draft: Sendable, Equatable {
    case new
    /// The next message sent quotes this one (`q`).
    case quoting(messageID: String)
    /// The composer holds this message's text (`e`); Enter saves it instead of sending.
    case editing(messageID: String)
}

/// The reactions `a` offers, filtered by what is typed; Enter toggles one's own.
public struct ReactionPicker: Sendable, Equatable {
    public static let types = [
        "like", "love", "haha", "wow", "sad", "angry", "fire", "tada", "rocket", "eyes", "clap", "pray", "100", "check", "thumbsdown",
    ]

    /// A type's name, then its emoji's other names (`like`: `thumbsup`, `+1`, `thumbs_up`):
    /// "thu" has to offer 👍, not only the 👎 whose type is the one named so.
    public static func names(of type: String) -> [String] { [type] + otherNames[type, default: []] }

    private static let otherNames: [String: [String]] = {
        let table = EmojiNames.table
        return Dictionary(
            uniqueKeysWithValues: types.map { type in
                (type, table[type].map { emoji in table.filter { $0.value == emoji && $0.key != type }.map(\.key).sorted() } ?? [])
            }
        )
    }()
    public var messageID: String
    public var query = ""
    public var selected = 0

    public init(messageID: String) { self.messageID = messageID }

    /// The types whose name holds what was typed, or one of whose emoji's names starts with it.
    public var matches: [String] {
        let q = query.lowercased()
        guard !q.isEmpty else { return Self.types }
        return Self.types.filter { type in type.contains(q) || Self.names(of: type).contains { $0.hasPrefix(q) } }
    }
}

public struct SearchResults: Sendable, Equatable {
    public var query: String
    public var rows: [MessageRow]
    public var selected = 0
    /// What the list is: `/search QUERY`'s answer, the mentions view (`M`, `/mentions`) or a
    /// channel's pinned messages (`/pinned`), read and opened the same way.
    public var kind: Kind

    public enum Kind: Sendable, Equatable {
        case search
        case mentions
        /// The channel as the reader sees it named (`#general`, `@Tomás`).
        case pinned(in: String)
    }

    public init(query: String, rows: [MessageRow], kind: Kind = .search) {
        self.query = query
        self.rows = rows
        self.kind = kind
    }
}

/// A word being completed: where it starts, what was typed, the whole words it may become
/// (`@bob`, `#general`, `/join`, `:fire:`), and the one in the composer.
public struct Completion: Sendable, Equatable {
    public var start: Int
    public var query: String
    public var candidates: [String]
    public var index: Int

    public init(start: Int, query: String, candidates: [String], index: Int) {
        self.start = start
        self.query = query
        self.candidates = candidates
        self.index = index
    }
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
