import ChatModel

/// Work the runtime must do for the reducer; its outcome comes back as a `ChatEvent`.
public enum ChatEffect: Sendable, Equatable {
    case loadChannels
    case loadChannel(cid: String)
    case loadOlder(cid: String, before: MessageCursor)
    case loadNewer(cid: String, after: MessageCursor)
    case loadOldest(cid: String)
    /// The page around one message (a search result): it, and half a page either side.
    case loadAround(cid: String, messageID: String)
    case loadThread(messageID: String)
    /// The channel's members again, with how far each has read (the window kept across a
    /// reconnect missed their `message.read`s); the answer is `.membersLoaded`.
    case loadMembers(cid: String)
    case loadDetails(messageID: String)
    /// The messages that call on the reader across their channels (the mentions view).
    case loadMentions
    /// A page of the reader's threads (`next` nil: the first); the answer is `.threadsLoaded`.
    case loadThreads(next: String?)
    /// The reader's threads with unread replies; the answer is `.unreadThreadsLoaded`.
    case loadUnreadThreads
    /// `/pinned`: the channel's pinned messages, newest pin first; the answer is `.pinnedLoaded`.
    case loadPinned(cid: String)
    /// Tab after `/msg @pa`: the users whose id or name starts so; the answer is `.usersFound`.
    case lookUpUsers(prefix: String)
    /// The store's migration figures, for the summary screen.
    case loadSummary
    /// `/search TEXT`: messages in the reader's channels holding its words; the answer is
    /// `.searchResults`.
    case search(text: String)
    /// A find's next match beyond the loaded messages, older or newer than `beyond`; the
    /// answer is `.findMatchFound`.
    case findMatch(cid: String, text: String, beyond: MessageCursor, older: Bool)
    /// Open a URL with the desktop's handler (`xdg-open`, given as an argument, never through a shell).
    case openURL(String)
    /// Put `text` on the terminal's clipboard (OSC 52); the runtime says whether it could.
    case copyToClipboard(String)
    /// The page from the reader's read marker on (the first unread message is older than the
    /// window); the answer is `.unreadLoaded`.
    case loadUnread(cid: String, after: Timestamp)
    /// The team and livestream channels the reader is not in (`/join`); the answer is
    /// `.joinableLoaded`, for the channel `named` when one was.
    case loadJoinable(named: String?)
    /// Edit `text` in `$EDITOR` (the terminal is handed over meanwhile); the result comes back
    /// as `.composeReplace`.
    case editExternally(String)
    /// `/reconnect`: drop the connection and make a new one at once.
    case reconnect
    /// `/theme NAME`: draw with another theme from now on.
    case setTheme(String)
    /// Change the reader's own settings of a channel, on the store or the server alike; the
    /// answer is `.membershipChanged` with the channel list as it now is.
    case changeMembership(cid: String, MembershipChange)
    /// `/timestamps FORMAT`: write message times so from now on (the runtime knows the formats).
    case setTimestamps(String)
    /// Tell the reader of a new message (the bell, a desktop notification), as the config says.
    case notify(NewMessageAlert)
    /// `/notify LEVEL`: keep the channel's level in the config file.
    case saveNotificationLevel(cid: String, NotificationLevel)
    /// Ask the server to do something (a live backend only).
    case live(LiveRequest)
}

/// The reader's own settings of one channel (`ChatBackend.setPinned` and its kin).
public enum MembershipChange: Sendable, Equatable {
    case pinned(Bool)
    case archived(Bool)
    /// The message and everything after it unread again.
    case unreadFrom(messageID: String)
}
