import ChatModel
import ChatStore

/// Who may read, write and change a channel and its messages, after Stream's default grants.
/// A user token is checked as its user; a server token passes every grant (a frozen channel
/// and a ban still stop its messages, see `requireSend`, and a channel type's features bind
/// every caller, see `FeatureChecks`). Routes ask this, and spell no role rule themselves;
/// the errors are Stream's 403 / 17.
struct ChannelAccess {
    enum Intent { case read, write }
    let store: ChatStore
    /// Who the request's token speaks for.
    let actor: StreamToken.Actor?

    /// The user a user token speaks for; nil for a server token.
    private var user: String? {
        if case .user(let me)? = actor { return me }
        return nil
    }

    /// Reading a channel, or writing in it (messages, events): app admins and moderators
    /// anywhere; in a livestream any user, though guests and anonymous users only read;
    /// elsewhere its members.
    func require(_ intent: Intent, _ channel: Channel, operation: String) throws {
        guard let user else { return }
        let role = try store.user(id: user)?.role ?? AppRole.user
        if AppRole.moderating.contains(role) { return }
        if channel.type == BuiltInChannelType.livestream.rawValue {
            guard intent == .write, AppRole.readOnly.contains(role) else { return }
            throw StreamAPIError.notAllowed(operation, "user \(user) with role \(role) may only read channel \(channel.cid)")
        }
        guard try store.isMember(cid: channel.cid, userID: user) else {
            throw StreamAPIError.notAllowed(operation, "user \(user) is not a member of channel \(channel.cid)")
        }
    }

    /// `require` for the channel `message` is in (looked up only for a user token).
    func require(_ intent: Intent, channelOf message: Message, operation: String) throws {
        guard user != nil, let channel = try store.channel(cid: message.cid) else { return }
        try require(intent, channel, operation: operation)
    }

    /// Sending a message as `sender`: the write grant, in a channel that is not frozen, by a
    /// user not banned from it. Frozen channels and bans bind server calls too. Returns whether
    /// the sender is shadow-banned: then the message is accepted and shadowed, as in Stream.
    func requireSend(in channel: Channel, as sender: String, operation: String) throws -> Bool {
        try require(.write, channel, operation: operation)
        if channel.frozen == true { throw StreamAPIError.notAllowed(operation, "channel \(channel.cid) is frozen") }
        guard let ban = try store.ban(of: sender, in: channel, now: .now()) else { return false }
        if ban.shadow { return true }
        throw StreamAPIError.notAllowed(operation, "user \(sender) is banned" + (ban.cid.map { " from channel \($0)" } ?? ""))
    }

    /// Creating a channel of `type`: gaming channels only for app admins (a server call may create any).
    func requireCreate(type: String, operation: String) throws {
        guard let user, type == BuiltInChannelType.gaming.rawValue, try store.user(id: user)?.role != AppRole.admin else { return }
        throw StreamAPIError.notAllowed(operation, "only admins may create gaming channels")
    }

    /// Stream's moderator rule: a server token, an app admin or moderator, or a moderator of the channel `cid`.
    func mayModerate(_ cid: String) throws -> Bool {
        guard let user else { return true }
        if let role = try store.user(id: user)?.role, AppRole.moderating.contains(role) { return true }
        return try store.channelRole(cid: cid, userID: user) == ChannelRole.moderator
    }

    /// Changing a channel (its data and members, truncating, deleting): its creator and its
    /// moderators; and any member when `leaving` (see `onlyRemovesCaller`), as Stream lets members
    /// leave, or answering their own invite (see `onlyAnswersInvite`).
    func requireChange(_ channel: Channel, operation: String, leaving: Bool = false) throws {
        guard let user, user != channel.createdBy else { return }
        if try leaving && store.isMember(cid: channel.cid, userID: user) { return }
        guard try mayModerate(channel.cid) else {
            throw StreamAPIError.notAllowed(operation, "user \(user) is not a moderator of channel \(channel.cid)")
        }
    }

    /// A channel update whose only change is removing the user token's own user: leaving.
    func onlyRemovesCaller(_ body: JSONObject) -> Bool {
        guard let user, body.members.allSatisfy({ ["remove_members", "message", "user", "user_id"].contains($0.key) }),
            let removed = body["remove_members"]?.arrayValue, removed.count == 1
        else { return false }
        return (removed[0].stringValue ?? removed[0].objectValue?["user_id"]?.stringValue) == user
    }

    /// A channel update whose only change is adding the user token's own user: joining.
    func onlyAddsCaller(_ body: JSONObject) -> Bool {
        guard let user, body.members.allSatisfy({ ["add_members", "message", "user", "user_id"].contains($0.key) }),
            let added = body["add_members"]?.arrayValue, added.count == 1
        else { return false }
        return (added[0].stringValue ?? added[0].objectValue?["user_id"]?.stringValue) == user
    }

    /// A channel update whose only change is the caller accepting or rejecting their invite.
    func onlyAnswersInvite(_ body: JSONObject) -> Bool {
        user != nil && body.members.allSatisfy { ["accept_invite", "reject_invite", "message", "user", "user_id"].contains($0.key) }
    }

    /// Editing or deleting (`verb`) a message: its author, or a moderator of its channel.
    func requireChange(_ message: Message, operation: String, verb: String) throws {
        guard let user, user != message.userID else { return }
        guard try mayModerate(message.cid) else {
            throw StreamAPIError.notAllowed(operation, "user \(user) cannot \(verb) a message of \(message.userID)")
        }
    }

    /// The `members` filter of a channel list or search: a user token sees only the channels it belongs to.
    func memberScope(_ requested: [String]?) -> [String]? {
        guard let user else { return requested }
        return (requested ?? [user]).filter { $0 == user }
    }
}
