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
    case threadLoaded(root: MessageRow, replies: [MessageRow])
    case detailsLoaded(MessageDetails)
    case failed(String)
    /// Something the user should know that is not an error.
    case notice(String)
    /// A message as it now is, from the server: new, edited, deleted (type `deleted`) or with
    /// changed reactions. Replaces the copy the client holds, or joins the channel or thread.
    case messageUpserted(MessageRow)
    case connectionChanged(ConnectionState)
    case typingStarted(cid: String, userName: String, until: Timestamp)
    case typingStopped(cid: String, userName: String)
    case clock(Timestamp)

    // Intents
    case openChannel(cid: String)
    case openNextUnread
    case openPreviousChannel
    /// Moves the view by whole messages; positive goes back in time.
    case scroll(messages: Int)
    case jumpToOldest
    case jumpToNewest
    case startSelecting
    case moveSelection(Int)
    case openThread
    case toggleThreadFocus
    /// Esc: closes what is on top (details, help, switcher, selection, thread), one at a time.
    case dismiss
    case toggleMembers
    case toggleHelp
    case showDetails
    case openSelectedLink
    case switcherOpen
    case switcherType(String)
    case switcherBackspace
    case switcherMove(Int)
    case switcherConfirm
    // The composer
    /// Typed characters, or a whole paste (which may hold newlines and is never sent by itself).
    case composeInsert(String)
    case composeEdit(Composer.Edit)
    /// Enter: sends the line (or runs its /command).
    case composeSend
    /// Tab after `@…`: the next member whose id starts with what was typed.
    case completeMention
}

/// Work the runtime must do for the reducer; its outcome comes back as a `ChatEvent`.
public enum ChatEffect: Sendable, Equatable {
    case loadChannels
    case loadChannel(cid: String)
    case loadOlder(cid: String, before: MessageCursor)
    case loadNewer(cid: String, after: MessageCursor)
    case loadOldest(cid: String)
    case loadThread(messageID: String)
    case loadDetails(messageID: String)
    /// Open a URL with the desktop's handler (`xdg-open`, given as an argument, never through a shell).
    case openURL(String)
    /// Ask the server to do something (a live backend only).
    case live(LiveRequest)
}
