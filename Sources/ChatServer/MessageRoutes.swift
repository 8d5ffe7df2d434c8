import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// One message: `get_message`, `get_replies`, `update_message`, `delete_message`.
struct MessageRoutes {
    let store: ChatStore
    let hub: EventHub
    var presenter: MessagePresenter { MessagePresenter(store: store) }

    func add(to router: Router<ServerContext>) {
        router.get("messages/:id") { _, context in try get(context) }
        router.get("messages/:id/replies") { request, context in try replies(request, context) }
        router.post("messages/:id") { request, context in try await update(request, context) }
        router.delete("messages/:id") { request, context in try await delete(request, context) }
    }

    /// The message, after checking the viewer may read its channel.
    func readable(_ id: String, _ context: ServerContext, operation: String) throws -> MessageRow {
        let viewer = ActingUser.viewer(context)
        guard let row = try store.message(id: id, viewer: viewer) else { throw StreamAPIError.notFound(operation, "Can't find message with id \(id)") }
        if !viewer.isEmpty, let channel = try store.channel(cid: row.message.cid) {
            try ChannelAccess(store: store).require(channel, user: viewer, operation: operation)
        }
        return row
    }

    private func get(_ context: ServerContext) throws -> Response {
        let row = try readable(context.parameters.get("id") ?? "", context, operation: "GetMessage")
        return JSONResponse.ok(["message": try presenter.message(row)], context: context)
    }

    /// The newest `limit` replies, oldest first (Stream ignores `offset` here, and so do we).
    private func replies(_ request: Request, _ context: ServerContext) throws -> Response {
        let root = try readable(context.parameters.get("id") ?? "", context, operation: "GetReplies")
        let limit = min(max(request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 100, 0), 300)
        let rows = try store.replies(to: root.id, viewer: ActingUser.viewer(context), limit: limit)
        return JSONResponse.ok(["messages": .array(try rows.map { try presenter.message($0) })], context: context)
    }

    /// Replaces text, attachments and custom data; only the author (or a server token) may.
    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateMessage"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let existing = try readable(context.parameters.get("id") ?? "", context, operation: operation).message
        guard var data = body["message"]?.objectValue else { throw StreamAPIError.input(operation, "message is a required field") }
        let actor = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: data) ?? ActingUser.claimed(in: body) ?? existing.userID, operation: operation)
        if case .user? = context.actor, actor != existing.userID {
            throw StreamAPIError.notAllowed(operation, "user \(actor) cannot edit a message of \(existing.userID)")
        }
        for key in ["user", "user_id", "mentioned_users", "silent", "pinned", "html", "cid", "created_at", "updated_at"] { data[key] = nil }
        data["id"] = .string(existing.id)
        data["channel_type"] = .string(existing.channelType)
        data["channel_id"] = .string(existing.channelID)
        data["user"] = .string(existing.userID)
        if let parent = existing.parentID, data["parent_id"] == nil { data["parent_id"] = .string(parent) }
        if data["type"] == nil, existing.type != .regular { data["type"] = .string(existing.type.rawValue) }
        let config = try store.channelConfig(forType: existing.channelType)
        let (parsed, errors) = ItemRules.message(data, maxTextLength: config.maxMessageLength)
        if let first = errors.first { throw StreamAPIError.rule(operation, first) }
        guard let message = parsed else { throw StreamAPIError.input(operation, "the message is not valid") }
        // Edits of existing replies stay possible after replies were turned off; making a new one is not.
        if let parent = message.parentID, parent != existing.parentID { try config.require(.replies, operation: operation) }
        try store.update(message: message)
        let json = try presenter.message(id: message.id, viewer: actor) ?? .null
        try await publish("message.updated", message: json, existing, actor: actor)
        return JSONResponse.ok(["message": json], context: context)
    }

    /// Soft delete: the message stays, as type `deleted`.
    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteMessage"
        let existing = try readable(context.parameters.get("id") ?? "", context, operation: operation).message
        if case .user(let me)? = context.actor, me != existing.userID {
            throw StreamAPIError.notAllowed(operation, "user \(me) cannot delete a message of \(existing.userID)")
        }
        try store.softDelete(messageID: existing.id)
        let json = try presenter.message(id: existing.id, viewer: ActingUser.viewer(context)) ?? .null
        try await publish("message.deleted", message: json, existing, actor: ActingUser.viewer(context).isEmpty ? existing.userID : ActingUser.viewer(context), extra: ["hard_delete": false])
        return JSONResponse.ok(["message": json], context: context)
    }

    /// An event about a message to its channel's watchers.
    private func publish(_ type: String, message json: JSONValue, _ message: Message, actor: String, extra: JSONObject = [:]) async throws {
        guard let channel = try store.channel(cid: message.cid) else { return }
        var event = EventJSON.base(type, channel, user: actor, store: store).merging(extra)
        event["message"] = json
        event["message_id"] = .string(message.id)
        await hub.publish(event, cid: channel.cid)
    }
}

/// Who may read and write a channel with a user token: members, except in livestreams.
struct ChannelAccess {
    let store: ChatStore

    func require(_ channel: Channel, user: String, operation: String) throws {
        guard channel.type != BuiltInChannelType.livestream.rawValue else { return }
        guard try store.isMember(cid: channel.cid, userID: user) else {
            throw StreamAPIError.notAllowed(operation, "user \(user) is not a member of channel \(channel.cid)")
        }
    }
}
