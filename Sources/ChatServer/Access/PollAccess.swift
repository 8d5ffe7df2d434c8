import ChatModel
import ChatStore
import Hummingbird

/// Who may see and change a poll. Reading needs no grant beyond a valid token (a poll's id is
/// what a message shows); changing one is for its creator, an app admin or moderator, or a
/// server call, as Stream's `UpdatePoll` / `DeletePoll` grants go to a poll's owner.
struct PollAccess {
    let store: ChatStore

    /// The poll named by the path's `poll_id`; 404 / 16 when there is none.
    func poll(_ context: ServerContext, operation: String) throws -> Poll {
        let id = context.parameters.get("poll_id") ?? ""
        guard let poll = try store.poll(id: id) else { throw StreamAPIError.notFound(operation, "poll \(id) doesn't exist") }
        return poll
    }

    func requireOwner(_ poll: Poll, _ context: ServerContext, operation: String) throws {
        guard case .user(let me)? = context.actor, me != poll.createdByID else { return }
        let role = try store.user(id: me)?.role ?? AppRole.user
        guard !AppRole.moderating.contains(role) else { return }
        throw StreamAPIError.notAllowed(operation, "user \(me) is not the creator of poll \(poll.id)")
    }

    /// The poll a message being sent carries (`poll_id`; nil or "" for none): only its creator
    /// sends it, in a channel whose type has polls on.
    func sendable(_ value: JSONValue?, by sender: String, config: ChannelTypeConfig, operation: String) throws -> String? {
        guard let value, value != .null, value != "" else { return nil }
        guard let id = value.stringValue else { throw StreamAPIError.input(operation, "poll_id must be a string") }
        try config.require(.polls, operation: operation)
        guard let poll = try store.poll(id: id) else { throw StreamAPIError.input(operation, "poll \(id) doesn't exist") }
        guard poll.createdByID == sender else {
            throw StreamAPIError.notAllowed(operation, "only the creator of poll \(id) may send it, not \(sender)")
        }
        return id
    }

    /// The reader of a GET or DELETE: a user token's user, or for a server call the
    /// `?user_id=` it names ("" when none: no `own_votes`).
    static func viewer(_ request: Request, _ context: ServerContext, operation: String) throws -> String {
        let claimed = request.uri.queryParameters.get("user_id").map { String($0) }
        if case .user? = context.actor { return try ActingUser.resolve(context, claimed: claimed, operation: operation) }
        return claimed ?? ""
    }
}
