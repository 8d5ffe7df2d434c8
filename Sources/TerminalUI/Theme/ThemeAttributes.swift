/// One name a theme can style, with what it colours on screen.
///
/// The list below is the contract between theme files and the renderer: a theme file that
/// names anything else fails to load, and the renderer asks only for these names.
/// `Themes/README.md` shows the same list as a table; a test keeps the two equal.
public struct ThemeAttribute: Hashable, Sendable {
    public let name: String
    public let description: String

    init(_ name: String, _ description: String) {
        self.name = name
        self.description = description
    }

    /// The attribute this one inherits from: the name up to its last dot, or `default` for a
    /// top-level name. `nil` only for `default` itself.
    public var parentName: String? { Self.parentName(of: name) }

    static func parentName(of name: String) -> String? {
        if name == Theme.rootAttributeName { return nil }
        guard let dot = name.lastIndex(of: ".") else { return Theme.rootAttributeName }
        return String(name[..<dot])
    }
}

extension Theme {
    /// The root of the hierarchy; whatever a theme leaves unset comes from here.
    static let rootAttributeName = "default"

    /// How many `username.N` buckets there are; `usernameStyle(for:)` picks one.
    static let usernameBucketCount = 12

    /// Every attribute a theme may set, parents before children.
    public static let attributes: [ThemeAttribute] =
        [
            ThemeAttribute("default", "Everything not styled by a more specific attribute; the root every attribute inherits from."),
            ThemeAttribute("border", "Lines separating the sidebar, the message view, the thread pane and the input."),
            ThemeAttribute("sidebar", "The channel list on the left."),
            ThemeAttribute("sidebar.header", "Group titles in the sidebar: Channels, Direct messages, Livestreams."),
            ThemeAttribute("sidebar.channel", "A channel's name in the sidebar, read and not muted."),
            ThemeAttribute("sidebar.channel.current", "The channel shown in the message view."),
            ThemeAttribute("sidebar.channel.unread", "A channel with unread messages (bold in every built-in theme)."),
            ThemeAttribute("sidebar.channel.mention", "The (N) count of unread mentions after a channel's name."),
            ThemeAttribute("sidebar.channel.muted", "A muted channel (dim in every built-in theme)."),
            ThemeAttribute("sidebar.channel.frozen", "The marker after a frozen channel's name."),
            ThemeAttribute("sidebar.presence", "The dot after a direct conversation's name: its partner's presence."),
            ThemeAttribute("sidebar.presence.online", "The filled dot ● of a partner who is online."),
            ThemeAttribute("sidebar.presence.offline", "The hollow dot ○ of a partner who is offline."),
            ThemeAttribute("channelHeader", "The channel's name and topic at the top of the message view."),
            ThemeAttribute("message", "The message view; parent of every message.* attribute."),
            ThemeAttribute("message.time", "A message's time stamp."),
            ThemeAttribute("message.author", "The author name heading a group of messages; parent of message.author.self."),
            ThemeAttribute("message.author.self", "Your own name as a message's author."),
            ThemeAttribute("message.text", "A message's text."),
            ThemeAttribute("message.mention", "A mention of you (@you) inside a message's text."),
            ThemeAttribute("message.mentionMark", "The bar in the gutter beside every line of a message that mentions you."),
            ThemeAttribute("message.system", "System messages: joins, leaves, channel updates."),
            ThemeAttribute("message.deleted", "The placeholder left by a deleted message."),
            ThemeAttribute("message.edited", "The (edited) marker after an edited message."),
            ThemeAttribute("message.seen", "The \"✓ seen\" mark under your newest message others have read."),
            ThemeAttribute("message.pinned", "The marker on a pinned message."),
            ThemeAttribute("message.quote", "The one-line preview of the message a reply quotes."),
            ThemeAttribute("message.selected", "The message under the cursor in message-select mode."),
            ThemeAttribute("message.found", "A word a find in the channel (Ctrl-R) looks for, in the messages that hold them all."),
            ThemeAttribute("message.gap", "A row standing for messages not loaded yet (after a reconnect); Enter fetches them."),
            ThemeAttribute("dateSeparator", "The line between messages of different days."),
            ThemeAttribute("newMessages", "The \"New messages\" line above the first unread message."),
            ThemeAttribute("reaction", "A reaction under a message, such as [👍 3]."),
            ThemeAttribute("reaction.mine", "A reaction you are part of."),
            ThemeAttribute("attachment", "An attachment line under a message, such as [📎 name size]."),
            ThemeAttribute("attachment.image", "An image attachment."),
            ThemeAttribute("attachment.video", "A video attachment."),
            ThemeAttribute("attachment.audio", "An audio attachment."),
            ThemeAttribute("attachment.file", "A file attachment."),
            ThemeAttribute("attachment.giphy", "A Giphy attachment."),
            ThemeAttribute("attachment.link", "A link preview (URL enrichment) attachment."),
            ThemeAttribute("thread", "The thread pane; parent of the thread.* attributes."),
            ThemeAttribute("thread.header", "The title line of the thread pane."),
            ThemeAttribute("thread.replies", "The ⤷ N replies marker under a thread's first message."),
            ThemeAttribute("typing", "The \"x is typing…\" line."),
            ThemeAttribute("statusBar", "The status line at the bottom of the screen."),
            ThemeAttribute("statusBar.mode", "The current mode in the status line (message select, thread, …)."),
            ThemeAttribute("statusBar.error", "An error shown in the status line."),
            ThemeAttribute("statusBar.notice", "A notice shown in the status line (\"Theme: light\"): news, not an error."),
            ThemeAttribute("input", "The text you are typing."),
            ThemeAttribute("input.prompt", "The prompt in front of the input."),
            ThemeAttribute("switcher", "The Ctrl-K fuzzy channel switcher."),
            ThemeAttribute("switcher.selected", "The highlighted entry in the channel switcher."),
            ThemeAttribute("switcher.match", "The letters of a switcher entry that match what you typed."),
            ThemeAttribute("help", "The help screen."),
            ThemeAttribute("help.key", "A key or command name on the help screen."),
            ThemeAttribute("details", "The message details view (v in message-select mode)."),
            ThemeAttribute("username", "Other users' names wherever shown; parent of the username.N colours."),
        ]
        + (0..<usernameBucketCount).map {
            ThemeAttribute("username.\($0)", "User names in colour bucket \($0); a stable hash of the user id picks the bucket.")
        }

    static let documentedNames: Set<String> = Set(attributes.map(\.name))
}
