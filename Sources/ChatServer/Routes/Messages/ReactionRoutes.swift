import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// `send_reaction`, `delete_reaction`, `get_reactions`, `queryReactions` (stream-chat-js).
struct ReactionRoutes {
    let store: ChatStore
    let hub: EventHub
    var presenter: MessagePresenter { MessagePresenter(store: store) }
    var messages: MessageRoutes { MessageRoutes(store: store, hub: hub) }

    func add(to router: Router<ServerContext>) {
        router.post("messages/:id/reaction") { request, context in try await send(request, context) }
        router.delete("messages/:id/reaction/:type") { request, context in try await delete(request, context) }
        router.get("messages/:id/reactions") { request, context in try list(request, context) }
        router.post("messages/:id/reactions") { request, context in try await query(request, context) }
    }

    private func send(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "SendReaction"
        var request = request
        // `enforce_unique` is refused; `skip_push` needs nothing (nothing is pushed here).
        let body = try await request.jsonObject(operation: operation, handling: ["reaction", "user_id", "user", "skip_push"])
        let message = try messages.readable(context.parameters.get("id") ?? "", context, operation: operation).message
        guard let channel = try store.channel(cid: message.cid) else {
            throw StreamAPIError.notFound(operation, "Can't find channel \(message.cid)")
        }
        try store.channelConfig(for: channel).require(.reactions, operation: operation)
        guard var data = body["reaction"]?.objectValue else { throw StreamAPIError.input(operation, "reaction is a required field") }
        let user = try ActingUser.resolve(
            context,
            claimed: ActingUser.claimed(in: data) ?? ActingUser.claimed(in: body),
            operation: operation
        )
        for key in ["user", "user_id", "message_id", "created_at", "updated_at"] { data[key] = nil }
        data["message_id"] = .string(message.id)
        data["user_id"] = .string(user)
        data["created_at"] = .string(Timestamp.now().rfc3339)
        let (parsed, errors) = ItemRules.reaction(data)
        if let first = errors.first { throw StreamAPIError.rule(operation, first) }
        guard let reaction = parsed else { throw StreamAPIError.input(operation, "the reaction is not valid") }
        guard try store.user(id: user) != nil else { throw StreamAPIError.input(operation, "user \(user) doesn't exist") }
        try store.upsert(reaction: reaction)
        let answer: JSONObject = [
            "message": try presenter.message(id: message.id, viewer: user) ?? .null, "reaction": try presenter.reaction(reaction),
        ]
        try await publish("reaction.new", answer, message, user: user)
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteReaction"
        let message = try messages.readable(context.parameters.get("id") ?? "", context, operation: operation).message
        let user = try ActingUser.resolve(
            context,
            claimed: request.uri.queryParameters.get("user_id").map { String($0) },
            operation: operation
        )
        let type = context.parameters.get("type") ?? ""
        guard let removed = try store.deleteReaction(messageID: message.id, type: type, userID: user) else {
            throw StreamAPIError.notFound(operation, "reaction \(type) by \(user) doesn't exist")
        }
        let body: JSONObject = [
            "message": try presenter.message(id: message.id, viewer: user) ?? .null, "reaction": try presenter.reaction(removed),
        ]
        try await publish("reaction.deleted", body, message, user: user)
        return JSONResponse.ok(body, context: context)
    }

    /// reaction.new / reaction.deleted to the channel's watchers, with the updated message.
    private func publish(_ type: String, _ body: JSONObject, _ message: Message, user: String) async throws {
        guard let channel = try store.channel(cid: message.cid) else { return }
        let event = EventJSON.base(type, channel, user: user, store: store).merging(body)
        let audience = BlockedAudience.narrowed(message.audience, actor: user, members: try store.members(cid: channel.cid))
        await hub.publish(event, cid: channel.cid, audience: audience)
    }

    /// Stream's filter operators on the reactions' fields (`type`, `user_id`, `score`,
    /// `created_at`, custom ones), `sort` (newest first by default), `limit` 1–100 (default 25)
    /// and the `next` / `prev` cursors, through `RecordQuery` as drafts and reminders.
    private func query(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryReactions"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let message = try messages.readable(context.parameters.get("id") ?? "", context, operation: operation).message
        let limit = body["limit"]?.intValue ?? 25
        guard (1...100).contains(limit) else { throw StreamAPIError.input(operation, "limit must be 1 to 100") }
        let newestFirst: JSONValue = [["field": "created_at", "direction": -1]]
        let query = try RecordQuery(
            body,
            name: "reactions",
            sort: body["sort"]?.arrayValue?.isEmpty == false ? body["sort"] : newestFirst,
            defaultField: "created_at",
            limit: limit,
            operation: operation
        )
        let records = try store.reactions(messageID: message.id, limit: .max, offset: 0).compactMap {
            try presenter.reaction($0).objectValue
        }
        return JSONResponse.ok(query.answer(records, key: "reactions", tiebreak: "user_id"), context: context)
    }

    private func list(_ request: Request, _ context: ServerContext) throws -> Response {
        let message = try messages.readable(context.parameters.get("id") ?? "", context, operation: "GetReactions").message
        let limit = min(max(request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 25, 0), 300)
        let offset = max(request.uri.queryParameters.get("offset").flatMap { Int($0) } ?? 0, 0)
        let reactions = try store.reactions(messageID: message.id, limit: limit, offset: offset)
        return JSONResponse.ok(["reactions": .array(try reactions.map { try presenter.reaction($0) })], context: context)
    }
}
