import ChatModel

/// A backend that also talks: a server speaking Stream's API. Reads are `ChatBackend`'s;
/// writes are requests that return at once, and their outcome, like everything other people
/// do, arrives later as `ChatEvent`s through the `deliver` function given to `connect`.
public protocol LiveChatBackend: ChatBackend {
    /// Opens the connection (and keeps it open: reconnecting with back-off after a drop, then
    /// resyncing). `deliver` may be called on any thread; the runtime queues the events for
    /// the reducer.
    func connect(userID: String, deliver: @escaping @Sendable (ChatEvent) -> Void)
    func disconnect()
    /// Starts `request`; a failure comes back as `.failed` (a send's as `.sendFailed`, with its text), a sent message as `.messageUpserted`.
    func perform(_ request: LiveRequest)
}

/// What the client asks a server to do.
public enum LiveRequest: Sendable, Equatable {
    /// A new message, or a thread reply when `parentID` is set; `mentions` are user ids;
    /// `quotedID` the message it quotes.
    case send(cid: String, text: String, parentID: String?, mentions: [String], quotedID: String? = nil)
    case typing(cid: String, parentID: String?, started: Bool)
    case markRead(cid: String)
    /// The thread under `parentID` read to its newest reply (`mark_read` with `thread_id`);
    /// the channel's own read position stays.
    case markThreadRead(cid: String, parentID: String)
    /// A new text for one's own message.
    case update(messageID: String, text: String)
    case delete(messageID: String)
    /// Adds (or with `add: false` takes back) one's reaction of `type`.
    case react(messageID: String, type: String, add: Bool)
    case pin(messageID: String, pinned: Bool)
    /// An answer to an ephemeral /giphy: `send`, `shuffle` or `cancel`.
    case giphy(messageID: String, action: String)
    /// `/msg`: the distinct channel with these users (made when new), then `text` in it when given.
    case direct(userIDs: [String], text: String?)
    /// `/topic`: the channel's `topic` field.
    case topic(cid: String, text: String)
    /// `/leave`: stop being a member.
    case leave(cid: String)
    /// `/join`: become a member (of a team or livestream channel), then the channel opens.
    case join(cid: String)
    /// `/block @user` (or with `blocking: false`, `/unblock`); the answer is `.blockedUsers`
    /// and the channel list as it now is.
    case block(userID: String, blocking: Bool)
    /// `/flag` or `f`: reports a message or a user to the moderators; the answer is `.flagged`.
    case flag(FlagTarget, reason: String?)
    /// `/blocked`: the answer is `.blockedUsers` and a notice naming them.
    case blockedUsers
    /// `/upload PATH [text]`: the file as an attachment of a new message (a reply when
    /// `parentID` is set); the answer is the message, as for `send`.
    case upload(cid: String, path: String, text: String?, parentID: String?)
    /// `/poll`: a new poll, sent in the channel as a message that carries it.
    case createPoll(cid: String, question: String, options: [String])
    /// A vote for an option of the poll a message carries.
    case vote(messageID: String, pollID: String, optionID: String)
    /// Takes one's vote back.
    case unvote(messageID: String, pollID: String, voteID: String)
}

/// What a flag reports: one message, or a user.
public enum FlagTarget: Sendable, Equatable {
    case message(String)
    case user(String)
}
