import ChatModel
import ChatStore
import Hummingbird

/// `query_future_channel_bans`, and the rules of `ban_user`'s `ban_from_future_channels`. A
/// future channel ban bans its target from every channel its creator makes from then on.
struct FutureChannelBanRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.get("query_future_channel_bans") { request, context in try query(request, context) }
    }

    /// A future channel ban goes with a channel ban by a named user, and lasts: the bans it puts
    /// in force later have no end, so a `timeout` is refused rather than applied to one ban only.
    static func requireFutureBan(cid: String?, by moderator: String?, expires: Timestamp?, operation: String) throws {
        guard cid != nil else {
            throw StreamAPIError.input(operation, "ban_from_future_channels needs a channel ban (channel_cid, or type and id)")
        }
        guard moderator != nil else {
            throw StreamAPIError.input(operation, "ban_from_future_channels needs user_id, the user whose future channels the ban covers")
        }
        guard expires == nil else {
            throw StreamAPIError.input(operation, "ban_from_future_channels with a timeout is not supported by the local server")
        }
    }

    /// The bans a user created (a user token: its own; a server token: `user_id`'s, or all),
    /// newest first, `limit` (default 25, at most 100) after `offset`.
    private func query(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "QueryFutureChannelBans"
        let payload = try request.jsonQuery("payload", operation: operation)
        var creator = payload["user_id"]?.stringValue
        var target: String?
        var limit = 25
        var offset = 0
        for option in payload.members where option.value != .null {
            switch option.key {
            case "user_id":
                guard option.value.stringValue != nil else { throw StreamAPIError.input(operation, "user_id must be a string") }
            case "target_user_id":
                guard context.actor == .server else {
                    throw StreamAPIError.notAllowed(operation, "target_user_id is for server-side requests only")
                }
                guard let id = option.value.stringValue else { throw StreamAPIError.input(operation, "target_user_id must be a string") }
                target = id
            case "limit", "offset":
                guard let n = option.value.intValue, n >= 0 else {
                    throw StreamAPIError.input(operation, "\(option.key) must be a number ≥ 0")
                }
                if option.key == "limit" { limit = min(n, 100) } else { offset = n }
            case "exclude_expired_bans":
                // Future channel bans here never expire (a timeout is refused when one is made),
                // so there is nothing to exclude either way.
                guard option.value.boolValue != nil else { throw StreamAPIError.input(operation, "exclude_expired_bans must be a boolean") }
            default:
                throw StreamAPIError.input(operation, "\(option.key) is not supported by the local server in \(operation)")
            }
        }
        if case .user(let me)? = context.actor {
            guard creator == nil || creator == me else {
                throw StreamAPIError.notAllowed(operation, "a user token reads only the future channel bans its user created")
            }
            creator = me
        }
        let bans = try store.futureChannelBans(createdBy: creator, targetID: target).dropFirst(offset).prefix(limit)
        let json: [JSONValue] = try bans.map { ban in
            var o: JSONObject = [
                "user": UserJSON.json(try store.user(id: ban.targetID) ?? User(id: ban.targetID)),
                "banned_by": UserJSON.json(try store.user(id: ban.createdBy) ?? User(id: ban.createdBy)),
                "shadow": .bool(ban.shadow ?? false),
            ]
            if let created = ban.createdAt { o["created_at"] = .string(created.rfc3339) }
            if let reason = ban.reason { o["reason"] = .string(reason) }
            return .object(o)
        }
        return JSONResponse.ok(["bans": .array(json)], context: context)
    }
}
