import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// One message: `get_message`, `get_replies`, `update_message`, `update_message_partial` (and
/// with it `pin_message` / `unpin_message`), `delete_message`, `undelete_message`.
struct MessageRoutes {
    let store: ChatStore
    let hub: EventHub
    var presenter: MessagePresenter { MessagePresenter(store: store) }

    func add(to router: Router<ServerContext>) {
        router.get("messages/:id") { _, context in try get(context) }
        router.get("messages/:id/replies") { request, context in try replies(request, context) }
        router.post("messages/:id") { request, context in try await update(request, context) }
        router.put("messages/:id") { request, context in try await updatePartial(request, context) }
        router.delete("messages/:id") { request, context in try await delete(request, context) }
        router.post("messages/:id/undelete") { request, context in try await undelete(request, context) }
    }

    /// The message, after checking the viewer may read its channel.
    func readable(_ id: String, _ context: ServerContext, operation: String) throws -> MessageRow {
        let viewer = ActingUser.viewer(context)
        guard let row = try store.message(id: id, viewer: viewer) else {
            throw StreamAPIError.notFound(operation, "Can't find message with id \(id)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channelOf: row.message, operation: operation)
        return row
    }

    private func get(_ context: ServerContext) throws -> Response {
        let row = try readable(context.parameters.get("id") ?? "", context, operation: "GetMessage")
        return JSONResponse.ok(["message": try presenter.message(row, viewer: ActingUser.viewer(context))], context: context)
    }

    /// A page of the thread, oldest first: the newest `limit` replies, or a page from one position
    /// as `MessagePage` reads it.
    private func replies(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "GetReplies"
        let root = try readable(context.parameters.get("id") ?? "", context, operation: operation)
        let viewer = ActingUser.viewer(context)
        // The query's `limit` and one position (`id_lt`, `created_at_around`, …) as a channel
        // query's `messages` has them; `offset` is not among them (Stream ignores it here).
        var options: JSONObject = [:]
        for (key, value) in request.uri.queryParameters where key != "offset" {
            options[String(key)] = key == "limit" ? Int(value).map(JSONValue.int) ?? .string(String(value)) : .string(String(value))
        }
        let rows = try MessagePage.rows(
            options,
            in: .thread(parentID: root.id),
            viewer: viewer,
            store: store,
            operation: operation,
            defaultLimit: 100
        )
        return JSONResponse.ok(["messages": .array(try presenter.messages(rows, viewer: viewer))], context: context)
    }

    /// Replaces text, attachments and custom data.
    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateMessage"
        var request = request
        // `skip_enrich_url` and `skip_push` need nothing: nothing is enriched or pushed here.
        let body = try await request.jsonObject(
            operation: operation,
            handling: ["message", "user", "user_id", "skip_enrich_url", "skip_push"]
        )
        let existing = try readable(context.parameters.get("id") ?? "", context, operation: operation).message
        try PendingMessageRoutes.refuseUpdate(of: existing.id, store: store, operation: operation)
        guard var data = body["message"]?.objectValue else { throw StreamAPIError.input(operation, "message is a required field") }
        // An edit that does not name who may see the message or whom it calls on keeps what it
        // had: a correction of the text must not make a restricted message public.
        for field in Self.audienceFields(existing).members where data[field.key] == nil { data[field.key] = field.value }
        let actor = try ActingUser.resolve(
            context,
            claimed: ActingUser.claimed(in: data) ?? ActingUser.claimed(in: body),
            fallback: existing.userID,
            operation: operation
        )
        return try await replace(existing, with: data, actor: actor, ownFiles: FileRoutes.urlPrefix(request), context, operation: operation)
    }

    /// `set` / `unset` on the message's editable fields; `pinned` pins (with `pin_expires` in
    /// seconds) or unpins as the acting user.
    private func updatePartial(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateMessagePartial"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["set", "unset", "user", "user_id", "skip_enrich_url"])
        let existing = try readable(context.parameters.get("id") ?? "", context, operation: operation).message
        try PendingMessageRoutes.refuseUpdate(of: existing.id, store: store, operation: operation)
        let actor = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), fallback: existing.userID, operation: operation)
        let change = try PartialUpdate(body, operation: operation)
        var data = change.applied(to: Self.editable(existing))
        if let pinned = data["pinned"] {
            data["pinned"] = nil
            guard let pin = pinned.boolValue else { throw StreamAPIError.input(operation, "pinned must be true or false") }
            let now = Timestamp.now()
            data["pinned_at"] = pin ? .string(now.rfc3339) : nil
            data["pinned_by_id"] = pin ? .string(actor) : nil
            data["pin_expires"] = nil
            if pin, let expires = change.set["pin_expires"], expires != .null {
                guard let seconds = expires.intValue, seconds > 0 else {
                    throw StreamAPIError.input(operation, "pin_expires must be a number of seconds")
                }
                data["pin_expires"] = .string(Timestamp(seconds: now.seconds + Int64(seconds), nanoseconds: now.nanoseconds).rfc3339)
            }
        }
        return try await replace(existing, with: data, actor: actor, ownFiles: FileRoutes.urlPrefix(request), context, operation: operation)
    }

    /// The fields of a stored message a partial update may change, as the import item names them.
    private static func editable(_ message: Message) -> JSONObject {
        var o = message.custom
        o["text"] = .string(message.text ?? "")
        o["attachments"] = .array(message.attachments.map { .object($0.fields) })
        if let quoted = message.quotedMessageID { o["quoted_message_id"] = .string(quoted) }
        if let show = message.showInChannel { o["show_in_channel"] = .bool(show) }
        if let at = message.pinnedAt { o["pinned_at"] = .string(at.rfc3339) }
        if let by = message.pinnedByID { o["pinned_by_id"] = .string(by) }
        if let expires = message.pinExpires { o["pin_expires"] = .string(expires.rfc3339) }
        return o.merging(audienceFields(message))
    }

    /// Who a stored message is for and whom it calls on, as the import item names them.
    private static func audienceFields(_ message: Message) -> JSONObject {
        var o = JSONObject()
        if let ids = message.restrictedVisibility { o["restricted_visibility"] = .array(ids.map(JSONValue.string)) }
        if let roles = message.mentionedRoles { o["mentioned_roles"] = .array(roles.map(JSONValue.string)) }
        if let here = message.mentionedHere { o["mentioned_here"] = .bool(here) }
        if let channel = message.mentionedChannel { o["mentioned_channel"] = .bool(channel) }
        return o
    }

    /// Checks the actor may change `existing`, writes `data` over it through the import rules and
    /// tells the channel's watchers. Attachments may point at `ownFiles` (this server's uploads).
    private func replace(
        _ existing: Message,
        with data: JSONObject,
        actor: String,
        ownFiles: String,
        _ context: ServerContext,
        operation: String
    ) async throws -> Response {
        try ChannelAccess(store: store, actor: context.actor).requireChange(existing, operation: operation, verb: "edit")
        var data = data
        // Stream's words: a message is silent or not from its send on (an SDK sends the flag back unchanged).
        if let silent = data["silent"], silent != .null, silent.boolValue != existing.silent {
            throw StreamAPIError.input(operation, "message.silent field cannot be updated")
        }
        for key in ["user", "user_id", "mentioned_users", "silent", "pinned", "html", "cid", "created_at", "updated_at"] { data[key] = nil }
        data["id"] = .string(existing.id)
        guard let channel = try store.channel(cid: existing.cid) else {
            throw StreamAPIError.notFound(operation, "Can't find channel \(existing.cid)")
        }
        ItemChannelReference.set(channel, in: &data)
        data["user"] = .string(existing.userID)
        if let parent = existing.parentID, data["parent_id"] == nil { data["parent_id"] = .string(parent) }
        if data["type"] == nil, existing.type != .regular { data["type"] = .string(existing.type.rawValue) }
        let config = try store.channelConfig(for: channel)
        let (parsed, errors) = ItemRules.message(data, maxTextLength: config.maxMessageLength, ownFiles: ownFiles)
        if let first = errors.first { throw StreamAPIError.rule(operation, first) }
        guard var message = parsed else { throw StreamAPIError.input(operation, "the message is not valid") }
        // Edits of existing replies stay possible after replies were turned off; making a new one is not.
        if let parent = message.parentID, parent != existing.parentID { try config.require(.replies, operation: operation) }
        message.createdAt = existing.createdAt
        message.mentionedUserIDs = existing.mentionedUserIDs
        // A new text meets the type's block list as a send does; a blocked edit (shadowing an
        // edit of a message others saw cannot be done) is refused, the message left as it was.
        let verdict =
            message.text == existing.text
            ? nil : try BlocklistCheck(store: store).verdict(message.text, config: config, context: context, forced: false)
        if let verdict, verdict.stopsEdit { throw StreamAPIError.input(operation, BlocklistCheck.blockedText) }
        try store.update(message: message, by: actor)
        if case .flag(let reason)? = verdict { try BlocklistCheck(store: store).flag(messageID: message.id, reason: reason) }
        let json = try presenter.message(id: message.id, viewer: actor) ?? .null
        // A sync tells an edit of the text and a pin from the rows (`text_updated_at`,
        // `pinned_at`); anything else (an unpin, custom data or attachments alone) is kept.
        let told = message.text ?? "" != existing.text ?? "" || (message.pinnedAt != nil && message.pinnedAt != existing.pinnedAt)
        // The edited message's audience: a narrower `restricted_visibility` leaves the others out.
        try await publish("message.updated", message: json, message, actor: actor, leavesNoRow: !told)
        return JSONResponse.ok(["message": json], context: context)
    }

    /// Soft delete: the message stays, as type `deleted`. With `delete_for_me` (in the body, as
    /// the Python SDK sends it with `user`, or the query with `deleted_by`), only that user stops
    /// seeing it. `hard` removes it (a pending message, which Stream only deletes hard, too).
    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteMessage"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let query = request.uri.queryParameters
        let deletedBy = ActingUser.claimed(in: body) ?? query.get("deleted_by").map { String($0) }
        let hard = query.get("hard") == "true" || query.get("hard") == "1" || body["hard"]?.boolValue == true
        let existing = try readable(context.parameters.get("id") ?? "", context, operation: operation).message
        let pending = try store.pendingMetadata(messageID: existing.id) != nil
        if pending && !hard { throw StreamAPIError.input(operation, "a pending message can only be hard deleted") }
        let forMe = body["delete_for_me"]?.boolValue == true || query.get("delete_for_me") == "true"
        if forMe && hard { throw StreamAPIError.input(operation, "a message cannot be both hard deleted and deleted for me") }
        if hard { return try await deleteHard(existing, pending: pending, claimed: deletedBy, context, operation: operation) }
        if forMe { return try await deleteForMe(existing, claimed: deletedBy, context, operation: operation) }
        try ChannelAccess(store: store, actor: context.actor).requireChange(existing, operation: operation, verb: "delete")
        let actor = try ActingUser.resolve(context, claimed: deletedBy, fallback: existing.userID, operation: operation)
        try store.softDelete(messageID: existing.id, by: actor)
        let json = try presenter.message(id: existing.id, viewer: ActingUser.viewer(context)) ?? .null
        try await publish("message.deleted", message: json, existing, actor: actor, extra: ["hard_delete": false])
        return JSONResponse.ok(["message": json], context: context)
    }

    /// Brings a soft-deleted message back, as it was before (a server token, naming the user
    /// who does it in `undeleted_by`, as Stream asks); its watchers get `message.undeleted`.
    private func undelete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UndeleteMessage"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["undeleted_by"])
        try ServerSideOnly.undelete.require(context, operation: operation)
        guard let user = body["undeleted_by"]?.stringValue, !user.isEmpty else {
            throw StreamAPIError.input(operation, "undeleted_by is a required field")
        }
        guard try store.user(id: user) != nil else { throw StreamAPIError.input(operation, "user \(user) does not exist") }
        let existing = try readable(context.parameters.get("id") ?? "", context, operation: operation).message
        guard try store.undelete(messageID: existing.id) else {
            throw StreamAPIError.input(operation, "message \(existing.id) is not deleted")
        }
        let json = try presenter.message(id: existing.id, viewer: ActingUser.viewer(context)) ?? .null
        try await publish("message.undeleted", message: json, existing, actor: user)
        return JSONResponse.ok(["message": json], context: context)
    }

    /// Removes a message for good, answered as it was with type `deleted`. The channel's
    /// watchers get `message.deleted` with `hard_delete`; for a pending message only its
    /// author, who alone saw it.
    private func deleteHard(
        _ existing: Message,
        pending: Bool,
        claimed: String?,
        _ context: ServerContext,
        operation: String
    )
        async throws -> Response
    {
        try ChannelAccess(store: store, actor: context.actor).requireChange(existing, operation: operation, verb: "delete")
        let actor = try ActingUser.resolve(context, claimed: claimed, fallback: existing.userID, operation: operation)
        var json =
            try presenter.message(id: existing.id, viewer: pending ? existing.userID : ActingUser.viewer(context))?.objectValue ?? [:]
        json["type"] = "deleted"
        json["deleted_at"] = .string(Timestamp.now().rfc3339)
        guard try pending ? store.deletePending(messageID: existing.id) : store.hardDelete(messageID: existing.id) else {
            throw StreamAPIError.notFound(operation, "Can't find message with id \(existing.id)")
        }
        if !pending {
            try await publish("message.deleted", message: .object(json), existing, actor: actor, extra: ["hard_delete": true])
        } else if let channel = try store.channel(cid: existing.cid) {
            let event = EventJSON.base("message.deleted", channel, user: existing.userID, store: store).merging(
                ["message": .object(json), "message_id": .string(existing.id), "hard_delete": true]
            )
            await hub.publish(event, toUser: existing.userID)
        }
        return JSONResponse.ok(["message": .object(json)], context: context)
    }

    /// Hides the message from one user, who must see it and, with a user token, be able to read
    /// its channel (a server token passes, as Stream's server-side auth does); the answer and
    /// that user's `message.deleted` carry `deleted_for_me`, nobody else hears of it.
    private func deleteForMe(_ existing: Message, claimed: String?, _ context: ServerContext, operation: String) async throws -> Response {
        let user = try ActingUser.resolve(context, claimed: claimed, operation: operation)
        guard let row = try store.message(id: existing.id, viewer: user) else {
            throw StreamAPIError.notFound(operation, "Can't find message with id \(existing.id)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channelOf: existing, operation: operation)
        var json = try presenter.message(row, viewer: user).objectValue ?? [:]
        json["deleted_for_me"] = true
        try store.deleteForMe(messageID: existing.id, userID: user, at: .now())
        if let channel = try store.channel(cid: existing.cid) {
            let event = EventJSON.base("message.deleted", channel, user: user, store: store).merging(
                ["message": .object(json), "message_id": .string(existing.id), "hard_delete": false, "deleted_for_me": true]
            )
            await hub.publish(event, toUser: user)
        }
        return JSONResponse.ok(["message": .object(json)], context: context)
    }

    /// An event about a message to its channel's watchers.
    private func publish(
        _ type: String,
        message json: JSONValue,
        _ message: Message,
        actor: String,
        extra: JSONObject = [:],
        leavesNoRow: Bool = false
    ) async throws {
        guard let channel = try store.channel(cid: message.cid) else { return }
        var event = EventJSON.base(type, channel, user: actor, store: store).merging(extra)
        event["message"] = json
        event["message_id"] = .string(message.id)
        let audience = BlockedAudience.narrowed(message.audience, actor: actor, members: try store.members(cid: channel.cid))
        await hub.publish(event, cid: channel.cid, audience: audience, leavesNoRow: leavesNoRow)
    }
}
