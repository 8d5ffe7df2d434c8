import ChatModel

/// What can happen to the client: data arriving from the backend, and the user's intents.
public enum ChatEvent: Sendable {
    // Data
    case channelsLoaded([ChannelSummary])
    case channelLoaded(cid: String, rows: [MessageRow], members: [MemberRow])
    case olderLoaded(cid: String, rows: [MessageRow])
    case newerLoaded(cid: String, rows: [MessageRow])
    /// A page from elsewhere in the channel replaces the window (jumping to the oldest message).
    case channelReplaced(cid: String, rows: [MessageRow], hasOlder: Bool, hasNewer: Bool)
    /// The page around `messageID` (`loadAround`'s answer): the window shows it, selected.
    case aroundLoaded(cid: String, rows: [MessageRow], messageID: String, hasOlder: Bool, hasNewer: Bool, members: [MemberRow])
    /// The page from the read marker on (`loadUnread`'s answer): the view goes to the first unread.
    case unreadLoaded(cid: String, rows: [MessageRow], hasOlder: Bool, hasNewer: Bool)
    /// `loadJoinable`'s answer: the channels the reader may join (and the name asked for, if any).
    case joinableLoaded(named: String?, [ChannelSummary])
    case threadLoaded(root: MessageRow, replies: [MessageRow])
    /// `loadMembers`' answer.
    case membersLoaded(cid: String, [MemberRow])
    case detailsLoaded(MessageDetails)
    case failed(String)
    /// A message the server did not take (`reason` says why): its text goes back to the
    /// channel's composer.
    case sendFailed(cid: String, text: String, reason: String)
    /// Something the user should know that is not an error.
    case notice(String)
    /// A message as it now is, from the server: new, edited, deleted (type `deleted`) or with
    /// changed reactions. Replaces the copy the client holds, or joins the channel or thread.
    case messageUpserted(MessageRow)
    /// A message that is no more for this client (a cancelled /giphy, which was never stored).
    case messageRemoved(id: String)
    case connectionChanged(ConnectionState)
    /// The users the reader blocks, from the server (at connect and after `/block`).
    case blockedUsers([String])
    /// The reader pinned or archived a channel elsewhere (another connection's `member.updated`).
    case channelMarksChanged(cid: String, pinnedAt: Timestamp?, archivedAt: Timestamp?)
    /// The reader marked a channel unread elsewhere (`notification.mark_unread`): its count now.
    case markedUnread(cid: String, unreadCount: Int, lastRead: Timestamp?)
    /// The reader read a channel (nil: every channel) at `at`, here or elsewhere
    /// (`notification.mark_read`).
    case markedRead(cid: String?, at: Timestamp)
    /// Another member read channel `cid` up to `at`, or up to `messageID` when the read named
    /// one (`message.read`): the reader's messages they have seen say so.
    case memberRead(cid: String, userID: String, at: Timestamp, messageID: String?)
    /// The server took the reader's flag (`/flag`, `f`): a flagged message is marked for them.
    case flagged(FlagTarget)
    /// `changeMembership`'s answer: done, and the channel list as it now is.
    case membershipChanged(cid: String, MembershipChange, channels: [ChannelSummary])
    /// Someone typing in a channel (`parentID` nil) or in one of its threads, until a time.
    case typingStarted(cid: String, parentID: String?, userName: String, until: Timestamp)
    case typingStopped(cid: String, parentID: String?, userName: String)
    /// Users online or not, by id: at connect for the direct conversations' partners, then
    /// as `user.presence.changed` says.
    case presenceChanged([String: Bool])
    case clock(Timestamp)
    /// The terminal gained (true) or lost the focus (its focus report, `CSI I` / `CSI O`).
    case focusChanged(Bool)
    /// `loadMentions`' answer: the messages that call on the reader, newest first.
    case mentionsLoaded([MessageRow])
    /// `loadThreads`' answer: a page of the reader's threads, the one after `after` (nil: the first).
    case threadsLoaded(ThreadPage, after: String?)
    /// `loadUnreadThreads`' answer (also sent at each connection).
    case unreadThreadsLoaded([UnreadThread])
    /// The reader read a thread on another connection (`notification.mark_read` with `thread_id`).
    case markedThreadRead(parentID: String)
    /// `loadPinned`'s answer.
    case pinnedLoaded(cid: String, rows: [MessageRow])
    /// `lookUpUsers`' answer.
    case usersFound(prefix: String, users: [User])

    // Intents
    case openChannel(cid: String)
    case openNextUnread
    case openPreviousChannel
    /// Moves the view by whole messages; positive goes back in time.
    case scroll(messages: Int)
    case jumpToOldest
    case jumpToNewest
    /// To the first unread message (loading its page when the window does not hold it).
    case jumpToFirstUnread
    case startSelecting
    case moveSelection(Int)
    case openThread
    case toggleThreadFocus
    /// Esc: closes the top mode (an overlay, the selection), else the quote or edit, else the thread.
    case dismiss
    case toggleMembers
    case toggleHelp
    /// Moves the help by lines (positive goes down), up to its `last` line.
    case helpScroll(by: Int, last: Int)
    case showDetails
    /// `o`: the selected message's links, in a list.
    case openSelectedLink
    /// In a list overlay (links, channels to join): moves the choice, and Enter takes it.
    case listMove(Int)
    case listConfirm
    /// Copies the chosen link, or the selected message's text, to the clipboard (OSC 52).
    case yankLink
    case yankText
    case switcherOpen
    case switcherType(String)
    case switcherErase(FieldErase)
    case switcherMove(Int)
    case switcherConfirm
    // The composer
    /// Typed characters, or a whole paste (which may hold newlines and is never sent by itself).
    case composeInsert(String)
    case composeEdit(Composer.Edit)
    /// Enter: sends the line (or runs its /command).
    case composeSend
    /// Tab after `@…`, `#…`, `/…` or `:…`: the first member, channel, command or reaction
    /// that starts with what was typed; again, the next.
    case complete
    // Actions on the selected message (message-select mode, with a server)
    /// `e`: the own message's text into the composer; Enter saves it.
    case editSelected
    /// `d`: asks; `y` deletes the own message, anything else keeps it.
    case deleteSelected
    case confirm(Bool)
    /// `a`: the reaction picker; typing filters, Enter toggles one's reaction.
    case reactSelected
    case pickerType(String)
    case pickerErase(FieldErase)
    case pickerMove(Int)
    case pickerConfirm
    /// `p`: pins or unpins.
    case pinSelected
    /// `f`: asks; `y` flags the selected message for the moderators.
    case flagSelected
    /// `u`: the selected message and everything after it unread again.
    case markUnreadSelected
    /// `J` browsing a store (`/join` with a server): the channels one may join.
    case listJoinable
    /// `/archived` or `z`: shows or folds the sidebar's archived channels.
    case toggleArchived
    /// `g`, Alt-G: folds or unfolds the open channel's group in the sidebar.
    case toggleOpenGroup
    /// A click or the wheel, on what the screen showed under the pointer.
    case pointer(PointerAction)
    /// `P` browsing a store (`/pin-channel`, `/unpin-channel` with a server): the open channel.
    case togglePinnedChannel
    /// `A` browsing a store (`/archive`, `/unarchive` with a server): the open channel.
    case toggleArchivedChannel
    /// `q`: the next message sent quotes the selected one.
    case quoteSelected
    /// `v`: the poll picker over a message's poll; Enter votes (or takes one's vote back).
    case voteSelected
    /// A poll changed (an event, or the answer to one's vote): the message's card follows;
    /// nil: the poll was deleted.
    case pollUpdated(messageID: String, poll: PollCard?, own: PollCard.OwnVotes)
    /// Ctrl-X: the draft goes to `$EDITOR`; what comes back replaces it.
    case openEditor
    case composeReplace(String)
    /// `M` or `/mentions`: the messages that call on the reader, across their channels.
    case openMentions
    /// `/threads`, Alt-T: the threads the reader takes part in, unread ones first.
    case openThreads
    /// `/search`'s answer: matching messages, newest first.
    case searchResults(query: String, rows: [MessageRow])
    case searchMove(Int)
    /// `findMatch`'s answer: the nearest match beyond the loaded messages, or nil for none.
    case findMatchFound(cid: String, query: String, messageID: String?, older: Bool)
    /// Ctrl-R: a find in the open channel (its words typed in a prompt).
    case openFind
    /// `/` browsing a store: a /command typed in a prompt.
    case openCommandLine
    case promptType(String)
    case promptErase(FieldErase)
    /// Enter in a prompt: the find starts at the newest match in view, or the /command runs.
    case promptConfirm
    /// `n` (older) and `N` (newer) in a find: the next match, loaded when it is not.
    case findMove(older: Bool)
    /// Enter in a find: the match is selected (message-select mode), the find ends.
    case findSelect
    /// Enter on a result: its channel opens (its thread for a reply).
    case searchConfirm
    /// On a selected /giphy preview: `send`, `shuffle` or `cancel`.
    case giphy(String)
    /// F3 or `/report`: opens (or closes) the migration summary; its figures load.
    case toggleSummary
    case summaryLoaded(MigrationFigures)
    /// There is no store to sum up (the client talks to a server).
    case summaryUnavailable(String)
    /// Moves the summary by lines; positive goes down.
    case summaryScroll(Int)
}

extension ChatEvent {
    /// Something the user did (a key, a command), as against data arriving or the clock.
    var isIntent: Bool {
        switch self {
        case .channelsLoaded, .channelLoaded, .olderLoaded, .newerLoaded, .channelReplaced, .aroundLoaded, .unreadLoaded, .joinableLoaded,
            .threadLoaded, .membersLoaded, .detailsLoaded,
            .failed, .sendFailed,
            .notice, .messageUpserted, .messageRemoved, .connectionChanged, .membershipChanged, .channelMarksChanged, .markedUnread,
            .markedRead, .memberRead,
            .blockedUsers, .flagged, .typingStarted,
            .typingStopped, .clock, .focusChanged, .presenceChanged, .mentionsLoaded, .pinnedLoaded,
            .threadsLoaded, .unreadThreadsLoaded, .markedThreadRead, .usersFound, .searchResults,
            .findMatchFound,
            .summaryLoaded, .summaryUnavailable, .composeReplace, .pollUpdated:
            false
        default: true
        }
    }
}
